package ws

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"unicode/utf8"

	"github.com/gorilla/websocket"
)

var errInvalidUTF8 = errors.New("websocket: text message is not valid UTF-8")

// maxPooledScratch bounds the read buffers kept for reuse; a bigger message keeps its buffer.
const maxPooledScratch = 64 << 10

// scratchPool holds read buffers shared by all readers, so an idle conn holds none.
var scratchPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// activityReader wraps the current message's reader so that every chunk of a long upload counts
// as a sign of life for the ping sweeper.
type activityReader struct {
	conn *Conn
	r    io.Reader
}

func (a *activityReader) Read(p []byte) (int, error) {
	n, err := a.r.Read(p)
	if n > 0 {
		a.conn.touch()
	}
	return n, err
}

// touch marks the conn alive; it writes the flag only when it changes, to keep the hot path
// free of shared writes.
func (c *Conn) touch() {
	if !c.alive.Load() {
		c.alive.Store(true)
	}
}

func (c *Conn) onPing(data string) error {
	c.touch()
	c.enqueue(encodeFrame(opPong, []byte(data)))
	return nil
}

func (c *Conn) onPong(string) error {
	c.touch()
	return nil
}

// readLoop is the conn's reader goroutine: it delivers messages until the conn ends, then
// leaves the hub, delivers OnClose and, after a close we started because of a peer error, reads
// and discards until the peer hangs up or the grace period ends.
func (c *Conn) readLoop() {
	err := c.readMessages()
	code, reason, report, linger := c.conclude(err)
	if report != nil {
		c.handler.OnError(c, report)
	}
	c.srv.hub.leave(c)
	c.handler.OnClose(c, code, reason)
	if linger {
		// Reading until EOF instead of closing now keeps the kernel from answering the peer's
		// unread bytes with a reset, which could destroy our close frame before it is read.
		io.Copy(io.Discard, c.netConn)
		c.mu.Lock()
		c.readerDone = true
		c.mu.Unlock()
		c.drop(CloseAbnormal, "")
	}
}

func (c *Conn) readMessages() error {
	for {
		if err := c.idleWait(); err != nil {
			return err
		}
		kind, r, err := c.ws.NextReader()
		if err != nil {
			return err
		}
		c.touch()
		data, err := c.readPayload(r)
		if err != nil {
			return err
		}
		binary := kind == websocket.BinaryMessage
		if !binary && !utf8.Valid(data) {
			return errInvalidUTF8
		}
		c.handler.OnMessage(c, binary, data)
	}
}

// readPayload reads one message into a pooled buffer and returns an exact-size copy, or the
// buffer itself for a large message.
func (c *Conn) readPayload(r io.Reader) ([]byte, error) {
	c.in.r = r
	scratch := scratchPool.Get().(*bytes.Buffer)
	scratch.Reset()
	_, err := scratch.ReadFrom(&c.in)
	c.in.r = nil
	if err != nil {
		if scratch.Cap() <= maxPooledScratch {
			scratchPool.Put(scratch)
		}
		return nil, err
	}
	if scratch.Cap() > maxPooledScratch {
		return scratch.Bytes(), nil
	}
	data := bytes.Clone(scratch.Bytes())
	scratchPool.Put(scratch)
	return data, nil
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
	case errors.Is(err, websocket.ErrReadLimit):
		code, linger = CloseTooBig, true
		report = fmt.Errorf("message over %d bytes: %w", c.srv.opts.MaxMessageSize, err)
		c.onCloseSentByGorillaLocked()
		step = c.closeStepLocked()
	case errors.Is(err, errInvalidUTF8):
		code, linger, report = CloseInvalidData, true, err
		if !c.closeQueued && !c.dropped {
			c.closeQueued = true
			start = c.pushLocked(encodeClose(CloseInvalidData, ""))
		}
		c.startGraceLocked()
	case isConnectionLoss(err):
		code = CloseAbnormal
		c.readerDone = true
		step = stepDrop
	default:
		// Anything else gorilla returns is a protocol error it answered with 1002.
		code, linger, report = CloseProtocolError, true, err
		c.onCloseSentByGorillaLocked()
		step = c.closeStepLocked()
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
	var closeErr *websocket.CloseError
	if errors.As(err, &closeErr) {
		// Without our close handler having run, gorilla's CloseError is its unexpected EOF.
		return true
	}
	var netErr net.Error
	return errors.As(err, &netErr) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed)
}
