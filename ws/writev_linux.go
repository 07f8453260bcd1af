package ws

import (
	"syscall"
	"unsafe"
)

// maxIovecs is Linux's IOV_MAX: a longer batch is written in more than one call.
const maxIovecs = 1024

// vectorWriter makes non-blocking writev calls for one goroutine, reusing its iovec array.
type vectorWriter struct {
	iov      []syscall.Iovec
	callback func(fd uintptr) bool // writeFD, made once
	n        int
	errno    syscall.Errno
}

// write hands frames to the socket with one writev that never waits: it returns how many bytes
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
		v.iov = append(v.iov, syscall.Iovec{Base: &frame[0]})
		v.iov[len(v.iov)-1].SetLen(len(frame))
	}
	if len(v.iov) == 0 {
		return 0, nil
	}
	if v.callback == nil {
		v.callback = v.writeFD
	}
	v.n, v.errno = 0, 0
	err := raw.Write(v.callback)
	clear(v.iov) // drop references to the frames
	if err != nil {
		return 0, err
	}
	if v.errno != 0 {
		return 0, v.errno
	}
	return v.n, nil
}

// writeFD is the raw write callback; it always returns true, as the caller never waits.
func (v *vectorWriter) writeFD(fd uintptr) bool {
	for {
		n, _, errno := syscall.Syscall(syscall.SYS_WRITEV, fd, uintptr(unsafe.Pointer(&v.iov[0])), uintptr(len(v.iov)))
		switch errno {
		case 0:
			v.n = int(n)
		case syscall.EINTR:
			continue
		case syscall.EAGAIN:
		default:
			v.errno = errno
		}
		return true
	}
}
