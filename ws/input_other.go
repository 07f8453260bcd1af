//go:build !unix

package ws

import "errors"

// rawSocketReads is off where sockets are not plain file descriptors: readers use Read.
const rawSocketReads = false

func readFD(uintptr, []byte) (int, error) { return 0, errors.ErrUnsupported }
