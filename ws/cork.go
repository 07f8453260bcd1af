package ws

// A Cork batches the writes of one goroutine. Frames queued through it start no writer
// goroutine; Flush starts one per conn it touched. The JS loop corks each of its jobs, so a
// job that sends a peer several frames, or publishes to many peers, hands each conn one batch
// (one writev) instead of waking a writer on the first frame and racing the rest.
//
// A Cork belongs to one goroutine at a time, which must call Flush before it blocks or moves
// on: until then the frames it queued wait. The conns it touches stay safe for concurrent use.
type Cork struct {
	dirty []*Conn
}

// Send is Conn.Send through the cork.
func (k *Cork) Send(c *Conn, binary bool, data []byte) int {
	if c.closed.Load() {
		return 0
	}
	return c.enqueueVia(encodeFrame(dataOpcode(binary), data), k)
}

// SendText queues s as one text frame through the cork, copying it once, straight into the
// frame. s must be valid UTF-8.
func (k *Cork) SendText(c *Conn, s string) int {
	if c.closed.Load() {
		return 0
	}
	return c.enqueueVia(encodeFrame(opText, s), k)
}

// Publish is Conn.Publish through the cork.
func (k *Cork) Publish(c *Conn, topic string, binary bool, data []byte) int {
	return c.srv.hub.publish(c.namespace, topic, binary, data, c, k)
}

// PublishAll is Hub.Publish through the cork.
func (k *Cork) PublishAll(h *Hub, namespace, topic string, binary bool, data []byte) int {
	return h.publish(namespace, topic, binary, data, nil, k)
}

// Flush starts the writers of the conns the cork's frames were queued on.
func (k *Cork) Flush() {
	for i, c := range k.dirty {
		go c.flush()
		k.dirty[i] = nil
	}
	k.dirty = k.dirty[:0]
}
