//go:build !linux

package ws

import "log/slog"

// Poller is Linux only (see poller_linux.go); elsewhere each conn has a reader goroutine and
// NewPoller fails.
type Poller struct{}

// NewPoller fails with ErrNoPoller: there is no Poller on this platform.
func NewPoller(*slog.Logger) (*Poller, error) { return nil, ErrNoPoller }

// Wait returns at once.
func (p *Poller) Wait(bool) {}

// Wake does nothing.
func (p *Poller) Wake() {}

// Close does nothing.
func (p *Poller) Close() {}

func (p *Poller) add(*Conn) error  { return ErrNoPoller }
func (p *Poller) closedConn(*Conn) {}
