package ws

import "time"

// Closing a conn, whoever starts it, ends in drop (the TCP connection closed) within
// Server.closeGrace (2 s) at most:
//   - the peer sends a close frame: we queue its echo; the TCP connection closes once the echo is
//     written;
//   - we send one (Close, or the reader's 1002, 1007, 1009 for a peer that broke a rule): our
//     write side shuts down after it is written, the reader keeps reading until the peer's close
//     frame or EOF, then the TCP connection closes;
//   - Terminate, ping timeout, write failure, TCP loss, grace expiry: drop at once;
//   - slow consumer: the queue is dropped, a 1013 close frame gets slowConsumerWait to be
//     written, then drop.

// Close starts the close handshake: the close frame is queued after what is already queued and
// later sends are dropped. code 0 or an invalid code (see ValidCloseCode) sends 1000; 1005
// sends a close frame without a code. reason is cut to 123 bytes. OnClose will get the code the
// peer echoes, or code itself if the peer does not answer in time.
func (c *Conn) Close(code int, reason string) {
	if code != CloseNoStatus && !ValidCloseCode(code) {
		code = CloseNormal
	}
	if code == CloseNoStatus {
		reason = ""
	}
	reason = truncateUTF8(reason, maxControlPayload-2)
	frame := encodeClose(code, reason)
	c.mu.Lock()
	if c.closeQueued || c.dropped {
		c.mu.Unlock()
		return
	}
	c.sentCode, c.sentReason = code, reason
	c.closeQueued = true
	c.closed.Store(true)
	start := c.pushLocked(frame)
	c.startGraceLocked()
	c.mu.Unlock()
	if start {
		go c.flush()
	}
}

// Terminate closes the TCP connection at once; queued frames are dropped and OnClose gets 1006
// (unless a close frame from the peer already decided the code).
func (c *Conn) Terminate() { c.drop(CloseAbnormal, "") }

// drop closes the TCP connection, once. code and reason are what OnClose reports if the reader
// has not already decided.
func (c *Conn) drop(code int, reason string) {
	c.mu.Lock()
	if c.dropped {
		c.mu.Unlock()
		return
	}
	c.dropped = true
	c.closed.Store(true)
	if c.dropCode == 0 {
		c.dropCode, c.dropReason = code, reason
	}
	clear(c.queue)
	c.queue, c.queuedBytes = nil, 0
	if c.grace != nil {
		c.grace.Stop()
	}
	waiters := c.waiters
	c.waiters = nil
	c.mu.Unlock()

	c.netConn.Close()
	if c.polled.Load() {
		c.poller.closedConn(c)
	}
	for _, w := range waiters {
		w.fn()
	}
}

func (c *Conn) startGraceLocked() {
	if c.grace == nil && !c.dropped {
		c.grace = time.AfterFunc(c.srv.closeGrace, c.graceExpired)
	}
}

// graceExpired drops a conn whose close handshake took too long; if we started it, OnClose
// reports our code.
func (c *Conn) graceExpired() {
	c.mu.Lock()
	code, reason := CloseAbnormal, ""
	if c.sentCode != 0 {
		code, reason = c.sentCode, c.sentReason
	}
	c.mu.Unlock()
	c.drop(code, reason)
}

// closeSlowConsumerLocked replaces the queue with a 1013 close frame that the socket gets
// slowConsumerWait to take (the write in flight, if any, shares that deadline), after which the
// conn is dropped whatever happened.
func (c *Conn) closeSlowConsumerLocked() (startFlush bool) {
	const reason = "slow consumer"
	clear(c.queue)
	c.queue, c.queuedBytes = c.queue[:0], 0
	c.closeQueued = true
	c.closed.Store(true)
	c.dropAfterFlush = true
	if c.dropCode == 0 {
		c.dropCode, c.dropReason = CloseTryAgainLater, reason
	}
	c.writeLimit = time.Now().Add(slowConsumerWait)
	c.deadline = c.writeLimit
	c.netConn.SetWriteDeadline(c.writeLimit)
	return c.pushLocked(encodeClose(CloseTryAgainLater, reason))
}

// onCloseFrame takes the peer's close frame, on the conn's reader: it records the peer's code
// and queues the echo (code and reason, like Node's ws) unless we already sent a close frame.
func (c *Conn) onCloseFrame(code int, reason string) error {
	c.touch()
	c.mu.Lock()
	c.peerClosed, c.peerCode, c.peerReason = true, code, reason
	c.closed.Store(true)
	start := false
	if !c.closeQueued && !c.dropped {
		c.closeQueued = true
		start = c.pushLocked(encodeClose(code, reason))
	}
	c.startGraceLocked()
	c.mu.Unlock()
	if start {
		go c.flush()
	}
	return nil
}

type closeStep int

const (
	stepNone closeStep = iota
	stepHalfClose
	stepDrop
)

// closeStepLocked says what follows once our close frame is on the wire and the writer is idle:
// drop when nothing more is to be read (or after a slow-consumer close), otherwise shut our
// write side so the peer sees the end and answers.
func (c *Conn) closeStepLocked() closeStep {
	if c.dropped || !c.closeWritten || c.flushing || len(c.queue) > 0 {
		return stepNone
	}
	if c.dropAfterFlush || c.readerDone {
		return stepDrop
	}
	if !c.halfClosed {
		c.halfClosed = true
		return stepHalfClose
	}
	return stepNone
}

func (c *Conn) run(step closeStep) {
	switch step {
	case stepDrop:
		c.drop(CloseAbnormal, "")
	case stepHalfClose:
		if hc, ok := c.netConn.(interface{ CloseWrite() error }); ok {
			hc.CloseWrite()
		}
	}
}
