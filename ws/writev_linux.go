package ws

import (
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// maxIovecs is Linux's IOV_MAX: a longer batch is written in more than one call.
const maxIovecs = 1024

// vectorWriter makes non-blocking vectored writes for one goroutine, reusing its iovec array.
// It calls sendmsg rather than writev: same effect on a socket, without the file layer's
// bookkeeping (position lock, fsnotify), a few percent of a fan-out's kernel time.
type vectorWriter struct {
	iov      []unix.Iovec
	msg      unix.Msghdr
	callback func(fd uintptr) bool // writeFD, made once
	n        int
	errno    syscall.Errno
}

// write hands frames to the socket with one call that never waits: it returns how many bytes
// the socket took, possibly 0 or a part of a frame.
func (v *vectorWriter) write(raw syscall.RawConn, frames [][]byte) (int, error) {
	v.iov = v.iov[:0]
	for _, frame := range frames {
		if len(frame) == 0 {
			continue
		}
		if len(v.iov) == maxIovecs {
			break
		}
		v.iov = append(v.iov, unix.Iovec{Base: &frame[0]})
		v.iov[len(v.iov)-1].SetLen(len(frame))
	}
	if len(v.iov) == 0 {
		return 0, nil
	}
	if v.callback == nil {
		v.callback = v.writeFD
	}
	v.n, v.errno = 0, 0
	v.msg.Iov = &v.iov[0]
	v.msg.SetIovlen(len(v.iov))
	err := raw.Write(v.callback)
	v.msg.Iov = nil
	clear(v.iov) // drop references to the frames
	if err != nil {
		return 0, err
	}
	if v.errno != 0 {
		return 0, v.errno
	}
	return v.n, nil
}

// writeFD is the raw write callback; it always returns true, as the caller never waits. The
// call cannot block (MSG_DONTWAIT), so it skips the scheduler's bookkeeping (see rawCall).
func (v *vectorWriter) writeFD(fd uintptr) bool {
	n, err := rawCall(unix.SYS_SENDMSG, fd, uintptr(unsafe.Pointer(&v.msg)), unix.MSG_DONTWAIT|unix.MSG_NOSIGNAL, 0)
	switch err {
	case nil:
		v.n = int(n)
	case syscall.EAGAIN:
	default:
		v.errno = err.(syscall.Errno)
	}
	return true
}
