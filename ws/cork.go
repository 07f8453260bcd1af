package ws

// A Cork batches the writes of one goroutine. Frames queued through it start no writer;
// Flush then writes each conn it touched with one non-blocking writev, on the caller's
// goroutine. The JS loop corks each of its jobs, so a job that sends a peer several frames, or
// publishes to many peers, hands each conn one batch, and a socket that takes its batch at once
// (the common case) costs no goroutine at all. What a socket does not take goes to that conn's
// writer goroutine, so a slow peer never holds up the loop. Like Node and Bun, a big fan-out is
// written by the loop itself; under load more messages arrive meanwhile, so the next batches
// carry more frames per system call.
//
// A Cork belongs to one goroutine at a time, which must call Flush before it blocks or moves
// on: until then the frames it queued wait. The conns it touches stay safe for concurrent use.
type Cork struct {
	dirty  []*Conn
	writer vectorWriter
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

// Conns is how many conns have frames waiting in the cork.
func (k *Cork) Conns() int { return len(k.dirty) }

// Flush writes what the cork's frames were queued on, with one non-blocking writev per conn;
// what a socket does not take at once is left to a writer goroutine.
func (k *Cork) Flush() {
	for i, c := range k.dirty {
		k.dirty[i] = nil
		c.flushInline(&k.writer)
	}
	k.dirty = k.dirty[:0]
}
