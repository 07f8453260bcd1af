//go:build !linux

package ws

import "errors"

// poller is Linux only (see poller_linux.go); elsewhere each conn has a reader goroutine.
type poller struct{ done chan struct{} }

var errPollerStopped = errors.New("ws: no poller on this platform")

func newPoller(func(string, ...any)) (*poller, error) { return nil, nil }

func (p *poller) add(*Conn) error  { return errPollerStopped }
func (p *poller) closedConn(*Conn) {}
func (p *poller) stop()            {}
