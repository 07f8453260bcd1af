package ws

import (
	"errors"
	"io"
	"net"
	"os"
	"sync"
	"syscall"
)

// A conn is read in one of two ways. On Linux a Poller reads it (poller_linux.go): readNow,
// one non-blocking read whenever epoll says the socket has input. Elsewhere, and for conns no
// Poller takes, a reader goroutine per conn waits inside the socket's RawConn read callback
// (read): the read that finds the socket empty parks the goroutine there, on a call chain
// shallow enough for the garbage collector to shrink an idle conn's stack to 2 KB, and the read
// that wakes it keeps the bytes. Either way the buffer is taken only once bytes are there, so an
// idle conn holds none.

// ErrNoPoller is NewPoller's error where there is no Poller (not Linux).
var ErrNoPoller = errors.New("ws: no poller on this platform")

// readPool holds the buffers reads go into; a burst of small frames arrives in one read.
var readPool = sync.Pool{New: func() any { b := make([]byte, readBufferSize); return &b }}

// input is a conn's socket side of reading. Only the conn's reader (its goroutine, or the
// poller) uses it.
type input struct {
	raw      syscall.RawConn       // nil when the conn is not a socket: plain blocking reads then
	wake     func(fd uintptr) bool // the reader goroutine's raw read callback, made once per conn
	readOnce func(fd uintptr)      // the poller's, instead
	slot     int32                 // the conn's slot in the poller
	state    readState             // the poller's progress with the conn

	// Between read and its callback:
	into []byte  // where the read goes; nil for a pooled buffer
	buf  *[]byte // the pooled buffer it went into
	n    int
	err  error
}

type readState uint8

const (
	reading   readState = iota
	lingering           // the conn ended on a peer error: input is discarded until EOF
	readEnded
)

// attachInput prepares the conn's reads.
func (c *Conn) attachInput() {
	if sc, ok := c.netConn.(syscall.Conn); ok && rawSocketReads {
		if raw, err := sc.SyscallConn(); err == nil {
			c.input.raw = raw
		}
	}
}

// read waits for input and reads it into `into`, or, when into is nil, into a buffer from
// readPool that the caller puts back (buf). n > 0 comes with a nil error.
func (c *Conn) read(into []byte) (n int, buf *[]byte, err error) {
	in := &c.input
	if in.raw == nil {
		if into == nil {
			buf = readPool.Get().(*[]byte)
			into = *buf
		}
		n, err = c.netConn.Read(into)
		if n > 0 {
			err = nil
		} else if buf != nil {
			readPool.Put(buf)
			buf = nil
		}
		return n, buf, err
	}
	in.into = into
	if err := in.raw.Read(in.wake); err != nil {
		in.into = nil
		return 0, nil, err // the conn was closed under the reader
	}
	n, buf, err = in.n, in.buf, in.err
	in.into, in.buf, in.n, in.err = nil, nil, 0, nil
	return n, buf, err
}

// readReady is the raw read callback: false means "nothing yet, park until readable".
func (in *input) readReady(fd uintptr) bool {
	p, buf := in.into, (*[]byte)(nil)
	if p == nil {
		buf = readPool.Get().(*[]byte)
		p = *buf
	}
	n, err := readSocket(fd, p)
	if n == 0 && buf != nil {
		readPool.Put(buf)
		buf = nil
	}
	if n == 0 && err == nil {
		return false
	}
	in.n, in.buf, in.err = n, buf, err
	return true
}

// readNow reads what the socket has without waiting: 0 and no error when it has nothing.
// The poller only.
func (c *Conn) readNow(into []byte) (int, error) {
	in := &c.input
	in.into = into
	if err := in.raw.Control(in.readOnce); err != nil {
		in.into = nil
		return 0, err // closed under us
	}
	n, err := in.n, in.err
	in.into, in.n, in.err = nil, 0, nil
	return n, err
}

// readOnceFD is the Control callback of readNow.
func (in *input) readOnceFD(fd uintptr) { in.n, in.err = readSocket(fd, in.into) }

// readSocket reads once from a non-blocking socket: n > 0, or the error (io.EOF at its end), or
// neither when it has nothing yet.
func readSocket(fd uintptr, p []byte) (int, error) {
	for {
		n, err := readFD(fd, p)
		switch {
		case err == syscall.EINTR:
			continue
		case err == syscall.EAGAIN:
			return 0, nil
		case err != nil:
			return 0, socketError(err)
		case n == 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

// socketError wraps a failed raw read like net.Conn's Read would.
func socketError(err error) error {
	return &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("recvfrom", err)}
}
