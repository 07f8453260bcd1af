//go:build !unix

package ws

import "errors"

// shallowWait is off where sockets are not plain file descriptors: readers wait in gorilla.
const shallowWait = false

func readFD(uintptr, []byte) (int, error) { return 0, errors.ErrUnsupported }
