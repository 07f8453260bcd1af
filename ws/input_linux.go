package ws

import (
	"unsafe"

	"golang.org/x/sys/unix"
)

// rawSocketReads: readers read through the socket's RawConn (see input.go).
const rawSocketReads = true

// readFD reads with recvfrom rather than read: same effect on a socket, without the file
// layer's bookkeeping. The socket is non-blocking, so the call never waits (see rawCall).
func readFD(fd uintptr, p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	n, err := rawCall(unix.SYS_RECVFROM, fd, uintptr(unsafe.Pointer(&p[0])), uintptr(len(p)), 0)
	return int(n), err
}

// rawCall makes a system call that cannot block (a non-blocking socket or eventfd, an epoll
// wait without timeout) without telling Go's scheduler. A scheduler-aware call (Syscall) wakes
// Go's sysmon thread whenever it has gone to sleep because every P was idle, which in a
// request-reply exchange is once per round trip: that thread's wake-ups and its 20 us ticks
// that follow cost about a tenth of the echo benchmark's CPU. A call here returns in
// microseconds, so skipping the scheduler's bookkeeping holds no other goroutine back.
func rawCall(trap, a1, a2, a3, a4 uintptr) (uintptr, error) {
	for {
		r, _, errno := unix.RawSyscall6(trap, a1, a2, a3, a4, 0, 0)
		switch errno {
		case 0:
			return r, nil
		case unix.EINTR:
			continue
		}
		return 0, errno
	}
}
