//go:build unix && !linux

package ws

import "syscall"

// rawSocketReads: readers read through the socket's RawConn (see input.go).
const rawSocketReads = true

func readFD(fd uintptr, p []byte) (int, error) { return syscall.Read(int(fd), p) }
