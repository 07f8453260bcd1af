package ws

import (
	"errors"
	"net"
	"os"
	"sync"
	"time"
)

// The writer: every outgoing frame is appended to the conn's queue under c.mu; when the queue
// becomes non-empty and no writer is running, a flush goroutine starts (or, through a Cork, the
// corking goroutine makes the first non-blocking write itself), writes everything queued with
// one writev (net.Buffers), repeats until the queue is empty, and exits. Enqueueing never
// blocks, per-peer order is queue order, and an idle conn has no writer goroutine.
//
// The write deadline belongs to the batch, not to the way it is written: taking a batch
// (takeBatch) arms it, whether the batch then goes out in the loop's non-blocking writev or in
// a writer goroutine's blocking one. Both reach the socket through Go's poller, which refuses
// any write, even one that cannot block, once the deadline set by an earlier one has passed:
// a deadline armed only by the blocking path made the next corked write fail WriteTimeout
// after it (every peer dropped ~40 s after connecting, once the ping sweeper had written).

// Queue arrays come from a free list while a conn has a writer and go back when it stops: an
// idle conn holds none, and a burst neither grows a fresh array by doubling nor leaves one
// behind for the garbage collector, which under fan-out was most of the allocation. A list
// under a mutex rather than a sync.Pool: putting a slice into a sync.Pool allocates a header
// for it, which in a request-reply exchange is once per message.
const (
	pooledQueueCap    = 64      // the capacity of a new array
	maxPooledQueueCap = 4096    // a bigger array (a long backlog) is left to the collector
	maxFreeQueueSlots = 1 << 18 // the list keeps at most this many slots in all (6 MB)
)

var freeQueues struct {
	mu    sync.Mutex
	list  [][][]byte
	slots int // sum of the listed arrays' capacities
}

func getQueue() [][]byte {
	freeQueues.mu.Lock()
	if n := len(freeQueues.list); n > 0 {
		q := freeQueues.list[n-1]
		freeQueues.list[n-1] = nil
		freeQueues.list = freeQueues.list[:n-1]
		freeQueues.slots -= cap(q)
		freeQueues.mu.Unlock()
		return q
	}
	freeQueues.mu.Unlock()
	return make([][]byte, 0, pooledQueueCap)
}

// putQueue recycles q, which no one may use afterwards.
func putQueue(q [][]byte) {
	if cap(q) == 0 || cap(q) > maxPooledQueueCap {
		return
	}
	q = q[:cap(q)]
	clear(q) // drop references to frames
	q = q[:0]
	freeQueues.mu.Lock()
	if freeQueues.slots+cap(q) <= maxFreeQueueSlots {
		freeQueues.list = append(freeQueues.list, q)
		freeQueues.slots += cap(q)
	}
	freeQueues.mu.Unlock()
}

// maxWriteSize bounds one socket write: a bigger batch is written in pieces, each with a fresh
// deadline, so WriteTimeout catches a stalled peer and not a slow one that keeps taking bytes.
const maxWriteSize = 1 << 20

// Send encodes data as one text or binary frame and queues it. It returns the bytes queued
// (frame header included, as counted by BufferedAmount), or 0 when the conn is closed or was
// just closed as a slow consumer.
func (c *Conn) Send(binary bool, data []byte) int {
	if c.closed.Load() {
		return 0
	}
	return c.enqueue(encodeFrame(dataOpcode(binary), data))
}

// SendFrame queues a pre-encoded frame, shared with other conns; same result as Send.
func (c *Conn) SendFrame(f *Frame) int { return c.enqueue(f.wire) }

// Ping queues a ping frame; data beyond 125 bytes is cut.
func (c *Conn) Ping(data []byte) {
	if len(data) > maxControlPayload {
		data = data[:maxControlPayload]
	}
	c.enqueue(encodeFrame(opPing, data))
}

// BufferedAmount is the number of bytes queued or being written and not yet taken by the socket.
func (c *Conn) BufferedAmount() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.inflight + c.queuedBytes
}

type drainWaiter struct {
	threshold int
	fn        func()
}

// WaitDrain calls fn once, from any goroutine, as soon as BufferedAmount() <= threshold or the
// conn is done (dropped, or its OnClose is being delivered). When that already holds, fn runs
// before WaitDrain returns. cancel forgets fn if it has not run yet.
func (c *Conn) WaitDrain(threshold int, fn func()) (cancel func()) {
	c.mu.Lock()
	if c.dropped || c.ended || c.inflight+c.queuedBytes <= threshold {
		c.mu.Unlock()
		fn()
		return func() {}
	}
	w := &drainWaiter{threshold: threshold, fn: fn}
	c.waiters = append(c.waiters, w)
	c.mu.Unlock()
	return func() {
		c.mu.Lock()
		defer c.mu.Unlock()
		for i, other := range c.waiters {
			if other == w {
				c.waiters = append(c.waiters[:i], c.waiters[i+1:]...)
				return
			}
		}
	}
}

// enqueue appends one encoded frame without blocking and returns its length, or 0 when the conn
// takes no more frames. Passing MaxQueueBytes closes the conn as a slow consumer.
func (c *Conn) enqueue(frame []byte) int { return c.enqueueVia(frame, nil) }

// enqueueVia is enqueue through a cork: when the frame makes the conn need a writer, the cork
// takes note instead of starting one (see Cork).
func (c *Conn) enqueueVia(frame []byte, k *Cork) int {
	c.mu.Lock()
	if c.closeQueued || c.dropped {
		c.mu.Unlock()
		return 0
	}
	if buffered := c.inflight + c.queuedBytes; buffered > 0 && buffered+len(frame) > c.srv.opts.MaxQueueBytes {
		start := c.closeSlowConsumerLocked()
		c.mu.Unlock()
		c.srv.log.Warn("ws: slow consumer closed with 1013",
			"seq", c.seq, "namespace", c.namespace, "remote", c.remoteIP,
			"queued", buffered, "limit", c.srv.opts.MaxQueueBytes,
			"slow_consumers", c.srv.slowConsumers.Add(1))
		if start {
			go c.flush()
		}
		return 0
	}
	start := c.pushLocked(frame)
	c.mu.Unlock()
	if start {
		if k != nil {
			k.dirty = append(k.dirty, c)
		} else {
			go c.flush()
		}
	}
	return len(frame)
}

// pushLocked appends frame and reports whether the caller must start the flush goroutine.
func (c *Conn) pushLocked(frame []byte) (startFlush bool) {
	if cap(c.queue) == 0 {
		c.queue = getQueue()
	}
	c.queue = append(c.queue, frame)
	c.queuedBytes += len(frame)
	if c.flushing {
		return false
	}
	c.flushing = true
	return true
}

// flush is the conn's writer while its queue is non-empty; at most one runs per conn.
func (c *Conn) flush() {
	for {
		batch, _, carriesClose, ok := c.takeBatch()
		if !ok {
			return
		}
		if !c.writeBatch(batch, carriesClose) {
			return
		}
	}
}

// takeBatch takes everything queued for one write (size bytes), or stops the writer (ok false)
// when nothing is queued or the conn was dropped.
func (c *Conn) takeBatch() (batch [][]byte, size int, carriesClose bool, ok bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.dropped || len(c.queue) == 0 {
		c.stopFlushingLocked()
		return nil, 0, false, false
	}
	batch = c.queue
	c.queue, c.spare = c.spare[:0], nil
	c.inflight, c.queuedBytes = c.queuedBytes, 0
	c.setWriteDeadlineLocked()
	// Nothing is queued after our close frame, so it is in this batch or an earlier one.
	return batch, c.inflight, c.closeQueued && !c.closeWritten, true
}

// writeBatch writes a batch taken by takeBatch, blocking until the socket took it, and reports
// whether the writer goes on (more is queued).
func (c *Conn) writeBatch(batch [][]byte, carriesClose bool) bool {
	return c.batchWritten(batch, carriesClose, c.writeFrames(batch))
}

// writeFrames writes frames (all or the rest of a batch), waiting for the socket, within the
// deadline takeBatch armed.
func (c *Conn) writeFrames(frames [][]byte) error {
	c.mu.Lock()
	size := c.inflight
	c.mu.Unlock()
	if size > maxWriteSize {
		return c.writeInPieces(frames)
	}
	buffers := net.Buffers(frames)
	_, err := buffers.WriteTo(c.netConn)
	return err
}

// flushInline is the writer's first round run by a Cork on its own goroutine: one non-blocking
// writev of what is queued. When the socket takes it all, no goroutine is involved; the rest
// of a partial write, and anything queued meanwhile, goes to a writer goroutine.
func (c *Conn) flushInline(v *vectorWriter) {
	batch, size, carriesClose, ok := c.takeBatch()
	if !ok {
		return
	}
	if c.input.raw == nil {
		go c.flushRest(batch, batch, carriesClose)
		return
	}
	n, err := v.write(c.input.raw, batch)
	if err != nil {
		c.batchWritten(batch, carriesClose, err)
		return
	}
	if n == size {
		if c.batchWritten(batch, carriesClose, nil) {
			go c.flush()
		}
		return
	}
	c.mu.Lock()
	c.inflight -= n
	c.mu.Unlock()
	go c.flushRest(batch, unwritten(batch, n), carriesClose)
}

// flushRest writes what remains of a batch, then goes on as the conn's writer.
func (c *Conn) flushRest(batch, rest [][]byte, carriesClose bool) {
	if c.batchWritten(batch, carriesClose, c.writeFrames(rest)) {
		c.flush()
	}
}

// unwritten returns the frames of batch past its first n bytes, the first one cut.
func unwritten(batch [][]byte, n int) [][]byte {
	for i, frame := range batch {
		if n < len(frame) {
			batch[i] = frame[n:]
			return batch[i:]
		}
		n -= len(frame)
	}
	return nil
}

// batchWritten ends a batch's write: on failure the conn is dropped, otherwise the batch's
// array is kept for the next one. It reports whether the writer goes on (more is queued).
func (c *Conn) batchWritten(batch [][]byte, carriesClose bool, err error) bool {
	clear(batch) // drop references to frames, which may be large and shared
	c.mu.Lock()
	c.inflight = 0
	if err != nil {
		c.stopFlushingLocked()
		expected := c.dropped || c.dropCode != 0
		c.mu.Unlock()
		if !expected {
			c.logWriteError(err)
		}
		c.drop(CloseAbnormal, "")
		return false
	}
	if carriesClose {
		c.closeWritten = true
	}
	c.spare = batch[:0]
	done := len(c.queue) == 0
	step := stepNone
	if done {
		c.stopFlushingLocked()
		step = c.closeStepLocked()
	}
	ready := c.readyWaitersLocked()
	c.mu.Unlock()

	for _, w := range ready {
		w.fn()
	}
	if done {
		c.run(step)
	}
	return !done
}

// writeInPieces writes a large batch maxWriteSize bytes at a time, releasing the written bytes
// from BufferedAmount (and the drain waiters they satisfy) as it goes.
func (c *Conn) writeInPieces(batch [][]byte) error {
	var piece [][]byte
	for len(batch) > 0 {
		piece = piece[:0]
		size := 0
		for len(batch) > 0 && size < maxWriteSize {
			frame := batch[0]
			if room := maxWriteSize - size; len(frame) > room {
				piece = append(piece, frame[:room])
				batch[0] = frame[room:]
				size += room
				break
			}
			piece = append(piece, frame)
			size += len(frame)
			batch = batch[1:]
		}
		c.mu.Lock()
		c.setWriteDeadlineLocked()
		c.mu.Unlock()
		buffers := net.Buffers(piece)
		if _, err := buffers.WriteTo(c.netConn); err != nil {
			return err
		}
		c.mu.Lock()
		c.inflight -= size
		ready := c.readyWaitersLocked()
		c.mu.Unlock()
		for _, w := range ready {
			w.fn()
		}
	}
	return nil
}

// setWriteDeadlineLocked arms the deadline of the next socket writes. It runs under mu so that a
// slow-consumer deadline set meanwhile is never pushed back. Re-arming the socket's timer costs
// more than a small write, so a deadline still more than half a WriteTimeout away is kept: a
// write then has between half and all of WriteTimeout.
func (c *Conn) setWriteDeadlineLocked() {
	if !c.writeLimit.IsZero() {
		c.netConn.SetWriteDeadline(c.writeLimit)
		c.deadline = c.writeLimit
		return
	}
	now := time.Now()
	if c.deadline.Sub(now) > c.srv.opts.WriteTimeout/2 {
		return
	}
	c.deadline = now.Add(c.srv.opts.WriteTimeout)
	c.netConn.SetWriteDeadline(c.deadline)
}

// stopFlushingLocked marks the writer gone and returns the queue arrays to the pool.
func (c *Conn) stopFlushingLocked() {
	c.flushing = false
	putQueue(c.spare)
	c.spare = nil
	if len(c.queue) == 0 {
		putQueue(c.queue)
		c.queue = nil
	}
}

// readyWaitersLocked removes and returns the drain waiters whose threshold is met.
func (c *Conn) readyWaitersLocked() []*drainWaiter {
	if len(c.waiters) == 0 {
		return nil
	}
	buffered := c.inflight + c.queuedBytes
	var ready []*drainWaiter
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if buffered <= w.threshold {
			ready = append(ready, w)
		} else {
			kept = append(kept, w)
		}
	}
	clear(c.waiters[len(kept):])
	c.waiters = kept
	return ready
}

func (c *Conn) logWriteError(err error) {
	if errors.Is(err, os.ErrDeadlineExceeded) {
		c.srv.log.Warn("ws: socket write stalled, terminating",
			"seq", c.seq, "namespace", c.namespace, "remote", c.remoteIP,
			"timeout", c.srv.opts.WriteTimeout)
		return
	}
	c.srv.log.Debug("ws: socket write failed", "seq", c.seq, "namespace", c.namespace, "err", err)
}
