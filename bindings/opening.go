package bindings

import (
	"sync"

	"github.com/dop251/goja"
)

// openings keeps open hooks in handshake order. A client that has its 101 may count on its
// open hook running before that of any connection made after it (Node gives this for free:
// the 101 and the open hook happen in one turn of its loop), e.g. a chat peer that must see
// the next peer's "joined". Here handshakes finish on their own goroutines, so each takes a
// ticket before its 101 is written, and the open jobs are handed to the loop in ticket order.
type openings struct {
	mu      sync.Mutex
	issued  uint64
	next    uint64                         // the ticket whose job goes to the loop next
	waiting map[uint64]func(*goja.Runtime) // finished handshakes whose turn has not come
}

// take reserves a place in the order; call before the handshake writes its 101.
func (o *openings) take() uint64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	t := o.issued
	o.issued++
	return t
}

// done hands the ticket's open job to the loop in its turn (job nil: the handshake failed and
// only frees its place). It reports false when the loop is gone.
func (o *openings) done(a *App, ticket uint64, job func(*goja.Runtime)) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.waiting == nil {
		o.waiting = make(map[uint64]func(*goja.Runtime))
	}
	o.waiting[ticket] = job
	ok := true
	for {
		next, ready := o.waiting[o.next]
		if !ready {
			return ok
		}
		delete(o.waiting, o.next)
		o.next++
		if next != nil && !a.gen.Run(next) {
			ok = false
		}
	}
}
