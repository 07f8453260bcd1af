package engine

import (
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// countingWaiter is a channel waiter that counts how it was called.
type countingWaiter struct {
	ch       chan struct{}
	blocking atomic.Int64
	polls    atomic.Int64
}

func (w *countingWaiter) Wait(block bool) {
	if !block {
		w.polls.Add(1)
		return
	}
	w.blocking.Add(1)
	<-w.ch
}

func (w *countingWaiter) Wake() {
	select {
	case w.ch <- struct{}{}:
	default:
	}
}

// TestLoopLetsWaiterPollWhileBusy checks the Waiter contract: an idle loop blocks in Wait(true)
// and is woken by Run from another goroutine, and a loop that never runs out of jobs still
// gives its waiter a non-blocking turn now and then (where ws.Poller reads sockets).
func TestLoopLetsWaiterPollWhileBusy(t *testing.T) {
	w := &countingWaiter{ch: make(chan struct{}, 1)}
	g, err := New(Options{HandlerTimeout: time.Second, Logger: slog.New(slog.DiscardHandler), Waiter: w})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Release)

	waitFor(t, "the loop to block", func() bool { return w.blocking.Load() > 0 })
	before := w.blocking.Load()
	if err := g.Sync(func(*goja.Runtime) error { return nil }); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the loop to block again", func() bool { return w.blocking.Load() > before })

	// Jobs that queue the next job keep the loop busy for 100 rounds.
	done := make(chan struct{})
	var step func(n int) func(*goja.Runtime)
	step = func(n int) func(*goja.Runtime) {
		return func(*goja.Runtime) {
			if n == 0 {
				close(done)
				return
			}
			g.Run(step(n - 1))
		}
	}
	polls := w.polls.Load()
	g.Run(step(100))
	<-done
	if got := w.polls.Load() - polls; got < 100/pollEvery-1 {
		t.Fatalf("%d non-blocking polls in 100 busy rounds, want about %d", got, 100/pollEvery)
	}
}
