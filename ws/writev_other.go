//go:build !linux

package ws

import "syscall"

// vectorWriter has no non-blocking writev here: it reports that the socket took nothing, so
// Cork.Flush leaves every batch to the conn's writer goroutine.
type vectorWriter struct{}

func (v *vectorWriter) write(syscall.RawConn, [][]byte) (int, error) { return 0, nil }
