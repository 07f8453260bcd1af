//go:build unix && !linux

package ws

import "syscall"

// shallowWait: readers wait for input through the socket's RawConn (see idlewait.go).
const shallowWait = true

func readFD(fd uintptr, p []byte) (int, error) { return syscall.Read(int(fd), p) }
