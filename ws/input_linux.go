package ws

import "golang.org/x/sys/unix"

// rawSocketReads: readers read through the socket's RawConn (see input.go).
const rawSocketReads = true

// readFD reads with recvfrom rather than read: same effect on a socket, without the file
// layer's bookkeeping.
func readFD(fd uintptr, p []byte) (int, error) {
	n, _, err := unix.Recvfrom(int(fd), p, 0)
	return n, err
}
