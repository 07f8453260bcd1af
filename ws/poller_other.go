//go:build !linux

package ws

import (
	"errors"
	"log/slog"
)

// Poller is Linux only (see poller_linux.go); elsewhere each conn has a reader goroutine and
// NewPoller fails.
type Poller struct{}

var errPollerStopped = errors.New("ws: no poller on this platform")

// NewPoller fails: there is no Poller on this platform.
func NewPoller(*slog.Logger) (*Poller, error) { return nil, errPollerStopped }

// Wait returns at once.
func (p *Poller) Wait(bool) {}

// Wake does nothing.
func (p *Poller) Wake() {}

// Close does nothing.
func (p *Poller) Close() {}

func (p *Poller) add(*Conn) error            { return errPollerStopped }
func (p *Poller) closedConn(*Conn)           {}
func (p *Poller) serve(done chan<- struct{}) { close(done) }
func (p *Poller) stop()                      {}
