package ws

import (
	"io"
	"net"
	"os"
	"sync"
	"syscall"
)

// The reader waits for input inside the socket's RawConn read callback: the read that finds the
// socket empty parks the goroutine there, on a call chain shallow enough for the garbage
// collector to shrink an idle conn's stack to 2 KB, and the read that wakes it keeps the bytes.
// The buffer comes from a pool only once bytes are there, so an idle conn holds none.

// readPool holds the buffers reads go into; a burst of small frames arrives in one read.
var readPool = sync.Pool{New: func() any { b := make([]byte, readBufferSize); return &b }}

// input is a conn's socket side of reading. Only the conn's reader uses it.
type input struct {
	raw  syscall.RawConn       // nil when the conn is not a socket: plain blocking reads then
	wake func(fd uintptr) bool // the raw read callback, made once per conn

	// Between read and its callback:
	into []byte  // where the read goes; nil for a pooled buffer
	buf  *[]byte // the pooled buffer it went into
	n    int
	err  error
}

// attachInput prepares the conn's reads.
func (c *Conn) attachInput() {
	c.input.wake = c.input.readReady
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
	for {
		n, err := readFD(fd, p)
		switch {
		case err == syscall.EINTR:
			continue
		case err == syscall.EAGAIN:
			if buf != nil {
				readPool.Put(buf)
			}
			return false
		case err != nil:
			in.err = &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("recvfrom", err)}
		case n == 0:
			in.err = io.EOF
		default:
			in.n, in.buf = n, buf
			return true
		}
		if buf != nil {
			readPool.Put(buf)
		}
		return true
	}
}
