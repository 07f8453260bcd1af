package ws

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Poller reads a set of conns from one goroutine, the way Node and Bun do: one epoll set holds
// the sockets, one wait reports all those with input, and each gets one read. A conn therefore
// costs no goroutine (and no stack) of its own, a burst of messages across many conns is read
// in one wake-up, and the read that finds a socket empty, which Go's per-conn reads need before
// they park, never happens.
//
// A JavaScript event loop runs a Poller as its idle wait (Wait and Wake make it an
// engine.Waiter): the conns started on it with StartOn are read on the loop goroutine itself, and
// a message reaches its hook without a goroutine switch.
//
// The epoll set's own descriptor is watched by Go's poller, so Wait parks like any network wait
// instead of blocking a thread in epoll_wait. The sockets stay registered with Go's poller too
// (their writes go through it); they are read with RawConn.Control, which keeps a socket's
// descriptor from being closed and reused during the read. A socket closed by another goroutine
// (Terminate, a ping timeout, the end of a close handshake) leaves the epoll set without an
// event, so drop tells the Poller through an eventfd, and the Poller delivers the conn's end.
//
// Wait must be called from one goroutine at a time; Wake, and Start/StartOn of conns, from any.
type Poller struct {
	log    *slog.Logger
	epfd   int      // open until Close
	file   *os.File // epfd, watched by Go's poller
	raw    syscall.RawConn
	wakeFD int // eventfd in the set: Wake, drop and Close signal through it

	// The goroutine in Wait only:
	events []unix.EpollEvent
	batch  []*Conn
	buf    []byte // every read goes here first; messages are copied out. Made on first use.

	pending atomic.Bool // Wake was called since Wait(true) last returned
	parked  atomic.Bool // Wait(true) sleeps until the set has input: Wake must signal

	mu     sync.Mutex
	slots  []*Conn // conns by slot, which epoll events carry with the conn's Seq
	free   []int32
	closed []*Conn // dropped conns whose end the Poller has not delivered yet
	exited bool    // Close ran: the descriptors are closed
}

// pollerReadSize is a Poller's one read buffer: a read takes whatever a socket has up to it.
const pollerReadSize = 64 << 10

// wakeSlot tags the eventfd's events.
const wakeSlot = -1

var errPollerClosed = errors.New("ws: poller closed")

// NewPoller makes a Poller; log receives what goes wrong with it. Close releases it.
func NewPoller(log *slog.Logger) (*Poller, error) {
	if log == nil {
		log = slog.Default()
	}
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, fmt.Errorf("epoll_create1: %w", err)
	}
	wakeFD, err := unix.Eventfd(0, unix.EFD_NONBLOCK|unix.EFD_CLOEXEC)
	if err != nil {
		unix.Close(epfd)
		return nil, fmt.Errorf("eventfd: %w", err)
	}
	fail := func(what string, err error) (*Poller, error) {
		unix.Close(epfd)
		unix.Close(wakeFD)
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN, Fd: wakeSlot}
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, wakeFD, &ev); err != nil {
		return fail("epoll_ctl eventfd", err)
	}
	// A non-blocking descriptor makes os.NewFile register it with Go's poller.
	if err := unix.SetNonblock(epfd, true); err != nil {
		return fail("epoll non-blocking", err)
	}
	file := os.NewFile(uintptr(epfd), "ws-epoll")
	raw, err := file.SyscallConn()
	if err != nil {
		return fail("epoll raw conn", err)
	}
	return &Poller{
		log:    log,
		epfd:   epfd,
		file:   file,
		raw:    raw,
		wakeFD: wakeFD,
		events: make([]unix.EpollEvent, 256),
		batch:  make([]*Conn, 256),
	}, nil
}

// Wait reads and delivers the input of the Poller's conns. With block, it returns once Wake
// has been called (at once if it was since the last return), parking while nothing happens;
// without, it takes one round of what is already there and returns.
func (p *Poller) Wait(block bool) {
	if !block {
		p.round(p.epfd)
		return
	}
	if err := p.raw.Read(p.waitReady); err != nil {
		p.log.Warn("ws: poller wait failed", "err", err)
	}
}

// waitReady is Wait's raw read callback on the epoll descriptor: false parks until the set has
// input (or Wake signals), true returns from Wait.
func (p *Poller) waitReady(epfd uintptr) bool {
	p.parked.Store(false)
	for {
		n, err := p.round(int(epfd))
		if err != nil {
			p.log.Warn("ws: epoll_wait failed", "err", err)
			return true
		}
		if p.pending.Swap(false) {
			return true
		}
		if n > 0 {
			continue
		}
		// Wake checks parked after setting pending: one of the two sees the other.
		p.parked.Store(true)
		if p.pending.Swap(false) {
			p.parked.Store(false)
			return true
		}
		return false
	}
}

// round takes one epoll_wait's worth of events without waiting and handles them.
func (p *Poller) round(epfd int) (int, error) {
	r, err := rawCall(unix.SYS_EPOLL_PWAIT, uintptr(epfd), uintptr(unsafe.Pointer(&p.events[0])), uintptr(len(p.events)), 0)
	n := int(r)
	if n > 0 {
		p.handle(p.events[:n])
	}
	return n, err
}

// Wake makes a blocked Wait return, or the next one return at once.
func (p *Poller) Wake() {
	p.pending.Store(true)
	if p.parked.Load() {
		p.mu.Lock()
		p.signalLocked()
		p.mu.Unlock()
	}
}

// signalLocked makes the epoll set readable; under mu, so that wakeFD is still open.
func (p *Poller) signalLocked() {
	if !p.exited {
		one := [8]byte{1}
		rawCall(unix.SYS_WRITE, uintptr(p.wakeFD), uintptr(unsafe.Pointer(&one[0])), 8, 0)
	}
}

func (p *Poller) handle(events []unix.EpollEvent) {
	woken := false
	p.mu.Lock()
	for i, ev := range events {
		p.batch[i] = nil
		if ev.Fd == wakeSlot {
			woken = true
			continue
		}
		// A stale event (its conn left and the slot was reused) carries another Seq.
		if c := p.slots[ev.Fd]; c != nil && uint32(c.seq) == uint32(ev.Pad) {
			p.batch[i] = c
		}
	}
	p.mu.Unlock()
	if p.buf == nil {
		p.buf = make([]byte, pollerReadSize)
	}
	for i, c := range p.batch[:len(events)] {
		if c != nil && c.pollInput(p.buf) {
			p.remove(c)
		}
		p.batch[i] = nil
	}
	if woken {
		var count [8]byte
		rawCall(unix.SYS_READ, uintptr(p.wakeFD), uintptr(unsafe.Pointer(&count[0])), 8, 0)
		p.mu.Lock()
		closed := p.closed
		p.closed = nil
		p.mu.Unlock()
		for _, c := range closed {
			c.pollClosed()
			p.remove(c)
		}
	}
}

// add registers c's socket; from then on the Poller delivers c's events. It fails once the
// Poller is closed.
func (p *Poller) add(c *Conn) error {
	p.mu.Lock()
	if p.exited {
		p.mu.Unlock()
		return errPollerClosed
	}
	var slot int32
	if n := len(p.free); n > 0 {
		slot = p.free[n-1]
		p.free = p.free[:n-1]
	} else {
		slot = int32(len(p.slots))
		p.slots = append(p.slots, nil)
	}
	p.slots[slot] = c
	c.input.slot = slot
	c.poller = p
	c.polled.Store(true)
	p.mu.Unlock()

	ev := unix.EpollEvent{Events: unix.EPOLLIN | unix.EPOLLRDHUP, Fd: slot, Pad: int32(uint32(c.seq))}
	var err error
	ctlErr := c.input.raw.Control(func(fd uintptr) {
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, int(fd), &ev)
	})
	if err != nil || ctlErr != nil {
		// Closed already, or the kernel refused (epoll's watch limit): either way the conn
		// ends through the Poller like a dropped one, with 1006.
		if ctlErr == nil {
			p.log.Warn("ws: cannot watch a connection, dropping it", "seq", c.seq, "err", err)
		}
		p.closedConn(c)
	}
	return nil
}

// remove takes c out of the set once its reading is over. Wait's goroutine only.
func (p *Poller) remove(c *Conn) {
	if !c.polled.Load() {
		return
	}
	c.input.raw.Control(func(fd uintptr) {
		// A socket already closed has left the set by itself.
		unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, int(fd), nil)
	})
	p.mu.Lock()
	p.slots[c.input.slot] = nil
	p.free = append(p.free, c.input.slot)
	c.polled.Store(false)
	p.mu.Unlock()
}

// closedConn tells the Poller that c's socket was closed by another goroutine.
func (p *Poller) closedConn(c *Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.exited {
		return
	}
	p.closed = append(p.closed, c)
	if len(p.closed) == 1 {
		p.signalLocked()
	}
}

// Close releases the Poller, once whoever runs Wait has stopped calling it: the conns still in
// it are dropped and end (OnClose, 1006), and its descriptors are closed.
func (p *Poller) Close() {
	p.mu.Lock()
	if p.exited {
		p.mu.Unlock()
		return
	}
	var conns []*Conn
	for _, c := range p.slots {
		if c != nil {
			conns = append(conns, c)
		}
	}
	p.mu.Unlock()
	for _, c := range conns {
		c.drop(CloseAbnormal, "")
		c.pollClosed()
		p.remove(c)
	}
	p.mu.Lock()
	p.exited = true
	p.closed = nil
	p.file.Close()
	unix.Close(p.wakeFD)
	p.mu.Unlock()
}
