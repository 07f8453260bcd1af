package ws

import (
	"errors"
	"fmt"
	"io"
	"net"
)

// touch marks the conn alive; it writes the flag only when it changes, to keep the hot path
// free of shared writes.
func (c *Conn) touch() {
	if !c.alive.Load() {
		c.alive.Store(true)
	}
}

// readLoop is the conn's reader goroutine where no poller reads it: it delivers messages until
// the conn ends, then its end, then, after a close we started because of a peer error, reads
// and discards until the peer hangs up or the grace period ends.
func (c *Conn) readLoop() {
	if c.end(c.readMessages()) {
		// Reading until EOF instead of closing now keeps the kernel from answering the peer's
		// unread bytes with a reset, which could destroy our close frame before it is read.
		io.Copy(io.Discard, c.netConn)
		c.lingerDone()
	}
}

// end delivers the conn's last events once its reading stopped on err: OnError when the peer
// broke a rule, the hub's leave, OnClose. It reports whether to linger (see readLoop).
func (c *Conn) end(err error) (linger bool) {
	code, reason, report, linger := c.conclude(err)
	if report != nil {
		c.handler.OnError(c, report)
	}
	c.srv.hub.leave(c)
	c.handler.OnClose(c, code, reason)
	return linger
}

func (c *Conn) lingerDone() {
	c.mu.Lock()
	c.readerDone = true
	c.mu.Unlock()
	c.drop(CloseAbnormal, "")
}

// pollInput is the poller's turn with a readable conn: one read, and what it completes is
// delivered. It reports whether reading the conn is over (the poller then forgets it).
func (c *Conn) pollInput(buf []byte) (over bool) {
	in := &c.input
	switch in.state {
	case readEnded:
		return true
	case lingering:
		if _, err := c.readNow(buf); err == nil {
			return false // discarded, or nothing there
		}
		in.state = readEnded
		c.lingerDone()
		return true
	}
	into := c.parser.directSpace()
	direct := into != nil
	if !direct {
		into = buf
	}
	n, err := c.readNow(into)
	if err == nil {
		if n == 0 {
			return false
		}
		if err = c.feed(into, n, direct); err == nil {
			return false
		}
	}
	if c.end(err) {
		in.state = lingering
		return false
	}
	in.state = readEnded
	return true
}

// pollClosed is the poller's turn with a conn whose socket another goroutine closed (no event
// comes from a closed socket): reading the conn is over.
func (c *Conn) pollClosed() {
	switch c.input.state {
	case reading:
		c.input.state = readEnded
		c.end(net.ErrClosed)
	case lingering:
		c.input.state = readEnded
		c.lingerDone()
	}
}

func (c *Conn) readMessages() error {
	for {
		into := c.parser.directSpace()
		n, buf, err := c.read(into)
		if err != nil {
			return err
		}
		if buf != nil {
			into = *buf
		}
		err = c.feed(into, n, buf == nil)
		if buf != nil {
			readPool.Put(buf)
		}
		if err != nil {
			return err
		}
	}
}

// feed hands the parser the n bytes a read put into into: the message's own slice (directSpace)
// when direct, a read buffer otherwise.
func (c *Conn) feed(into []byte, n int, direct bool) error {
	if direct {
		return c.consumeDirect(n)
	}
	return c.consume(into[:n])
}

// conclude turns the reader's final error into the close code, the error for OnError (nil when
// none), and whether the reader must linger for the peer's answer. It also starts or finishes
// the close and releases the drain waiters.
func (c *Conn) conclude(err error) (code int, reason string, report error, linger bool) {
	c.mu.Lock()
	step, start := stepNone, false
	switch {
	case c.peerClosed:
		code, reason = c.peerCode, c.peerReason
		c.readerDone = true
		step = c.closeStepLocked()
	case c.dropped || c.dropCode != 0:
		code, reason = c.dropCode, c.dropReason
		c.readerDone = true
	case isConnectionLoss(err):
		code = CloseAbnormal
		c.readerDone = true
		step = stepDrop
	default:
		// The peer broke a rule: answer with the matching close frame, after what is queued.
		code, linger, report = CloseProtocolError, true, err
		switch {
		case errors.Is(err, errTooBig):
			code = CloseTooBig
			report = fmt.Errorf("message over %d bytes: %w", c.srv.opts.MaxMessageSize, err)
		case errors.Is(err, errInvalidUTF8):
			code = CloseInvalidData
		}
		if !c.closeQueued && !c.dropped {
			c.closeQueued = true
			start = c.pushLocked(encodeClose(code, ""))
		}
		c.startGraceLocked()
	}
	if code == 0 {
		code = CloseAbnormal
	}
	c.closed.Store(true)
	c.ended = true
	waiters := c.waiters
	c.waiters = nil
	c.mu.Unlock()

	if start {
		go c.flush()
	}
	c.run(step)
	for _, w := range waiters {
		w.fn()
	}
	return code, reason, report, linger
}

// isConnectionLoss reports whether a read error means the TCP connection ended (1006).
func isConnectionLoss(err error) bool {
	var netErr net.Error
	return errors.As(err, &netErr) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed)
}
