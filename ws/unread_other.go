//go:build !linux

package ws

// hasUnreadInput cannot look into the socket here: the sweeper judges by what was read.
func (c *Conn) hasUnreadInput() bool { return false }
