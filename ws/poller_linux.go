package ws

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// poller reads every conn of a Server from one goroutine, the way Node and Bun do: one epoll
// set holds the sockets, one wait reports all those with input, and each gets one read. A
// conn therefore costs no goroutine (and no stack) of its own, a burst of messages across many
// conns is read in one wake-up, and the read that finds a socket empty, which Go's per-conn
// reads need before they park, never happens.
//
// The epoll set's own descriptor is watched by Go's poller, so the poller goroutine parks like
// any network wait instead of blocking a thread in epoll_wait. The sockets stay registered with
// Go's poller too (their writes go through it); they are read with RawConn.Control, which
// keeps a socket's descriptor from being closed and reused during the read.
//
// A socket closed by another goroutine (Terminate, a ping timeout, the end of a close
// handshake) leaves the epoll set without an event, so drop tells the poller through an
// eventfd, and the poller delivers the conn's end.
type poller struct {
	log    func(msg string, args ...any)
	epfd   int      // open until the poller stops, which needs no conn left in it
	file   *os.File // epfd, watched by Go's poller
	raw    syscall.RawConn
	wakeFD int // eventfd in the set: drop and stop wake the poller through it

	// Poller goroutine only:
	events []unix.EpollEvent
	batch  []*Conn
	buf    []byte // every read goes here first; messages are copied out

	mu       sync.Mutex
	slots    []*Conn // conns by slot, which epoll events carry with the conn's Seq
	free     []int32
	count    int     // conns in slots
	closed   []*Conn // dropped conns whose end the poller has not delivered yet
	stopping bool
	exited   bool // wakeFD is closed
	done     chan struct{}
}

// pollerReadSize is the poller's one read buffer: a read takes whatever a socket has up to it.
const pollerReadSize = 64 << 10

// wakeSlot tags the eventfd's events.
const wakeSlot = -1

var errPollerStopped = errors.New("ws: poller stopped")

func newPoller(log func(string, ...any)) (*poller, error) {
	epfd, err := unix.EpollCreate1(unix.EPOLL_CLOEXEC)
	if err != nil {
		return nil, fmt.Errorf("epoll_create1: %w", err)
	}
	wakeFD, err := unix.Eventfd(0, unix.EFD_NONBLOCK|unix.EFD_CLOEXEC)
	if err != nil {
		unix.Close(epfd)
		return nil, fmt.Errorf("eventfd: %w", err)
	}
	ev := unix.EpollEvent{Events: unix.EPOLLIN, Fd: wakeSlot}
	if err := unix.EpollCtl(epfd, unix.EPOLL_CTL_ADD, wakeFD, &ev); err != nil {
		unix.Close(epfd)
		unix.Close(wakeFD)
		return nil, fmt.Errorf("epoll_ctl eventfd: %w", err)
	}
	// A non-blocking descriptor makes os.NewFile register it with Go's poller.
	if err := unix.SetNonblock(epfd, true); err != nil {
		unix.Close(epfd)
		unix.Close(wakeFD)
		return nil, fmt.Errorf("epoll non-blocking: %w", err)
	}
	file := os.NewFile(uintptr(epfd), "ws-epoll")
	raw, err := file.SyscallConn()
	if err != nil {
		file.Close()
		unix.Close(wakeFD)
		return nil, fmt.Errorf("epoll raw conn: %w", err)
	}
	p := &poller{
		log:    log,
		epfd:   epfd,
		file:   file,
		raw:    raw,
		wakeFD: wakeFD,
		events: make([]unix.EpollEvent, 256),
		batch:  make([]*Conn, 256),
		buf:    make([]byte, pollerReadSize),
		done:   make(chan struct{}),
	}
	go p.run()
	return p, nil
}

func (p *poller) run() {
	defer close(p.done)
	err := p.raw.Read(p.drain) // returns once drain reports the poller stopped
	if err != nil {
		p.log("ws: poller stopped", "err", err)
	}
	p.file.Close()
	p.mu.Lock()
	p.exited = true
	unix.Close(p.wakeFD)
	p.mu.Unlock()
}

// drain is the raw read callback on the epoll descriptor: it handles events until none is
// left, then parks (false) until the set has input again. It returns true once stopped.
func (p *poller) drain(epfd uintptr) bool {
	for {
		n, err := unix.EpollWait(int(epfd), p.events, 0)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			p.log("ws: epoll_wait failed", "err", err)
			return true
		}
		if n == 0 {
			p.mu.Lock()
			done := p.stopping && p.count == 0
			p.mu.Unlock()
			return done
		}
		p.handle(p.events[:n])
	}
}

func (p *poller) handle(events []unix.EpollEvent) {
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
	for i, c := range p.batch[:len(events)] {
		if c != nil && c.pollInput(p.buf) {
			p.remove(c)
		}
		p.batch[i] = nil
	}
	if woken {
		var count [8]byte
		unix.Read(p.wakeFD, count[:])
		p.mu.Lock()
		closed := p.closed
		p.closed = nil
		p.mu.Unlock()
		for _, c := range closed {
			if c.pollClosed() {
				p.remove(c)
			}
		}
	}
}

// add registers c's socket; from then on the poller delivers c's events. It fails once the
// poller is stopping.
func (p *poller) add(c *Conn) error {
	p.mu.Lock()
	if p.stopping {
		p.mu.Unlock()
		return errPollerStopped
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
	p.count++
	c.input.slot = slot
	c.polled.Store(true)
	p.mu.Unlock()

	ev := unix.EpollEvent{Events: unix.EPOLLIN | unix.EPOLLRDHUP, Fd: slot, Pad: int32(uint32(c.seq))}
	var err error
	ctlErr := c.input.raw.Control(func(fd uintptr) {
		err = unix.EpollCtl(p.epfd, unix.EPOLL_CTL_ADD, int(fd), &ev)
	})
	if err != nil || ctlErr != nil {
		// Closed already, or the kernel refused (epoll's watch limit): either way the conn
		// ends through the poller like a dropped one, with 1006.
		if ctlErr == nil {
			p.log("ws: cannot watch a connection, dropping it", "seq", c.seq, "err", err)
		}
		p.closedConn(c)
	}
	return nil
}

// remove takes c out of the set once its reading is over. Poller goroutine only.
func (p *poller) remove(c *Conn) {
	if !c.polled.Load() {
		return
	}
	c.input.raw.Control(func(fd uintptr) {
		// A socket already closed has left the set by itself.
		unix.EpollCtl(p.epfd, unix.EPOLL_CTL_DEL, int(fd), nil)
	})
	p.mu.Lock()
	p.release(c)
	p.mu.Unlock()
}

func (p *poller) release(c *Conn) {
	p.slots[c.input.slot] = nil
	p.free = append(p.free, c.input.slot)
	p.count--
	c.polled.Store(false)
}

// closedConn tells the poller that c's socket was closed by another goroutine.
func (p *poller) closedConn(c *Conn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.exited {
		return // c was removed meanwhile, and the poller is gone
	}
	p.closed = append(p.closed, c)
	if len(p.closed) == 1 {
		p.wakeLocked()
	}
}

// wakeLocked makes the epoll set readable; under mu, so that wakeFD is still open.
func (p *poller) wakeLocked() {
	one := [8]byte{1}
	unix.Write(p.wakeFD, one[:])
}

// stop ends the poller once no conn is registered (at once if none is).
func (p *poller) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopping = true
	if !p.exited {
		p.wakeLocked()
	}
}
