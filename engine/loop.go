package engine

import (
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
)

// A Waiter is how an idle loop waits for work. Wait(true) returns once Wake has been called
// since the previous Wait(true) returned (at once if it already was); Wait(false) returns at once.
// Either may do work of its own on the loop goroutine first, such as reading sockets and handing
// what it read to the loop with Run, which then runs it without a goroutine switch. Wake is
// called from any goroutine, the loop's included.
//
// The default waiter only blocks on a channel. ws.Poller reads WebSocket connections this way,
// so a message goes from the socket to its hook on one goroutine, the way Node and Bun do it.
type Waiter interface {
	Wait(block bool)
	Wake()
}

// chanWaiter is the default Waiter.
type chanWaiter chan struct{}

func (w chanWaiter) Wait(block bool) {
	if block {
		<-w
	}
}

func (w chanWaiter) Wake() {
	select {
	case w <- struct{}{}:
	default:
	}
}

// loop runs a generation's jobs, in the order they were queued, on its one goroutine.
type loop struct {
	vm     *goja.Runtime
	waiter Waiter

	mu       sync.Mutex
	jobs     []func()
	spare    []func()
	sleeping bool // the loop found no job and waits: the next post wakes it
	stopping bool // no more jobs are taken; the loop runs what is queued and exits
	onStop   func()
	done     chan struct{}
}

// pollEvery is how many busy rounds in a row the loop runs before it lets the waiter work
// without blocking: a loop that never runs out of jobs still reads its sockets.
const pollEvery = 4

func newLoop(w Waiter) *loop {
	if w == nil {
		w = make(chanWaiter, 1)
	}
	vm := goja.New()
	new(require.Registry).Enable(vm) // Node's require, for goja_nodejs modules such as buffer
	return &loop{vm: vm, waiter: w, done: make(chan struct{})}
}

func (l *loop) start() { go l.run() }

// post queues fn; false once the loop is stopping.
func (l *loop) post(fn func()) bool {
	l.mu.Lock()
	if l.stopping {
		l.mu.Unlock()
		return false
	}
	l.jobs = append(l.jobs, fn)
	wake := l.sleeping
	l.sleeping = false
	l.mu.Unlock()
	if wake {
		l.waiter.Wake()
	}
	return true
}

func (l *loop) run() {
	defer close(l.done)
	busy := 0
	for {
		l.mu.Lock()
		jobs := l.jobs
		l.jobs, l.spare = l.spare, nil
		stopping := l.stopping
		if len(jobs) == 0 && !stopping {
			l.sleeping = true
		}
		l.mu.Unlock()
		if len(jobs) == 0 {
			if stopping {
				if l.onStop != nil {
					l.onStop()
				}
				return
			}
			busy = 0
			l.waiter.Wait(true)
			l.mu.Lock()
			l.sleeping = false
			l.mu.Unlock()
			continue
		}
		for i, job := range jobs {
			job()
			jobs[i] = nil
		}
		l.mu.Lock()
		if l.spare == nil {
			l.spare = jobs[:0]
		}
		l.mu.Unlock()
		if busy++; busy%pollEvery == 0 && !stopping {
			l.waiter.Wait(false)
		}
	}
}

// stop refuses new jobs and lets the loop finish the queued ones, run onStop and exit; done is
// closed then. It does not wait: a job that never ends would hold the caller forever.
func (l *loop) stop(onStop func()) {
	l.mu.Lock()
	if l.stopping {
		l.mu.Unlock()
		return
	}
	l.stopping = true
	l.onStop = onStop
	l.sleeping = false
	l.mu.Unlock()
	l.waiter.Wake()
}
