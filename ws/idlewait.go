package ws

import (
	"bufio"
	"errors"
	"net"
	"net/http"
	"sync"
	"syscall"
)

// An idle conn's reader goroutine is its biggest cost: parked inside gorilla's NextReader, the
// call chain down to the poller needs more than a 2 KB stack, so every idle conn keeps a 4 KB
// one. Instead the reader waits for input at the top of its loop (idleWait), in a call chain
// shallow enough for the garbage collector to shrink the stack back to 2 KB, and enters gorilla
// only once bytes are there. The wait costs no extra system call: the read that finds the
// socket empty parks the goroutine, and the read that wakes it keeps the bytes (the stash) for
// gorilla's buffered reader to take first.

// inputPool holds the buffers a wake-up reads into; a stash returns its buffer once gorilla's
// reader has taken every byte, so an idle conn holds none.
var inputPool = sync.Pool{New: func() any { b := make([]byte, readBufferSize); return &b }}

// input is what gorilla's buffered reader reads from: the stash first, then the socket.
type input struct {
	conn  net.Conn
	raw   syscall.RawConn // nil when the conn is not a socket: the reader then waits in gorilla
	stash *[]byte         // bytes read by the last wake-up, from off on; nil when none
	off   int
	end   int
	wake  func(fd uintptr) bool // the raw read callback, made once per conn
}

func (in *input) Read(p []byte) (int, error) {
	if in.stash == nil {
		return in.conn.Read(p)
	}
	n := copy(p, (*in.stash)[in.off:in.end])
	in.off += n
	if in.off == in.end {
		inputPool.Put(in.stash)
		in.stash = nil
	}
	return n, nil
}

// idleWait returns once the socket has input (or an error or EOF for gorilla to find) when the
// buffered reader is empty, parking the goroutine on a shallow stack until then. With bytes
// still buffered it returns at once.
func (c *Conn) idleWait() error {
	if c.input.raw == nil || c.br.Buffered() > 0 || c.input.stash != nil {
		return nil
	}
	return c.input.raw.Read(c.input.wake)
}

// readWake is the raw read callback: false means "nothing yet, park until readable".
func (in *input) readWake(fd uintptr) bool {
	buf := inputPool.Get().(*[]byte)
	for {
		n, err := readFD(fd, *buf)
		switch {
		case err == syscall.EINTR:
			continue
		case err == syscall.EAGAIN:
			inputPool.Put(buf)
			return false
		case n > 0:
			in.stash, in.off, in.end = buf, 0, n
		default:
			// EOF or a socket error: leave it in the socket for gorilla's own read to report.
			inputPool.Put(buf)
		}
		return true
	}
}

// hijacker hands gorilla a small buffered reader of ours instead of net/http's 4 KB one, so
// that the reader can tell when everything received has been consumed.
type hijacker struct {
	http.ResponseWriter
	br *bufio.Reader
}

func (h *hijacker) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	inner, ok := h.ResponseWriter.(http.Hijacker)
	if !ok {
		return nil, nil, errors.New("response does not implement http.Hijacker")
	}
	conn, rw, err := inner.Hijack()
	if err != nil || rw.Reader.Buffered() > 0 {
		// gorilla rejects a client that sent data before the handshake completed: let it see
		// net/http's reader.
		return conn, rw, err
	}
	h.br = bufio.NewReaderSize(conn, connReaderSize)
	return conn, bufio.NewReadWriter(h.br, rw.Writer), nil
}

// attachInput points the conn's buffered reader at its input and prepares the raw wait. br is
// the reader gorilla uses (from hijacker), nothing read yet.
func (c *Conn) attachInput(br *bufio.Reader) {
	c.br = br
	c.input.conn = c.netConn
	c.input.wake = c.input.readWake
	if sc, ok := c.netConn.(syscall.Conn); ok && shallowWait {
		if raw, err := sc.SyscallConn(); err == nil {
			c.input.raw = raw
		}
	}
	br.Reset(&c.input)
}
