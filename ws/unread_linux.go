package ws

import "golang.org/x/sys/unix"

// hasUnreadInput reports whether the conn's socket holds bytes the server has not read yet
// (SIOCINQ: the bytes waiting in its receive queue).
func (c *Conn) hasUnreadInput() bool {
	if c.input.raw == nil {
		return false
	}
	n := 0
	err := c.input.raw.Control(func(fd uintptr) {
		n, _ = unix.IoctlGetInt(int(fd), unix.SIOCINQ)
	})
	return err == nil && n > 0
}
