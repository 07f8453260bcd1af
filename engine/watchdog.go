package engine

import (
	"errors"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// ErrTimeout is the interrupt value of a JavaScript call that ran past the handler timeout.
var ErrTimeout = errors.New("handler timeout: JavaScript ran too long and was interrupted")

// IsTimeout reports whether err comes from a call interrupted by the watchdog.
func IsTimeout(err error) bool {
	var ie *goja.InterruptedError
	return errors.As(err, &ie) && ie.Value() == ErrTimeout
}

// watchdog interrupts a loop job that runs past the handler timeout. The loop marks the start
// and end of each job under mu; the watchdog goroutine only interrupts the job it saw start, and
// the loop clears any interrupt under the same lock when the job ends, so an interrupt aimed at
// one job never lands on the next.
type watchdog struct {
	mu      sync.Mutex
	vm      *goja.Runtime
	depth   int    // loop goroutine only
	seq     uint64 // job number, under mu
	active  bool   // a job is running, under mu
	fired   bool   // the running job was interrupted, under mu
	started time.Time
	done    chan struct{}
}

func (w *watchdog) start(g *Generation) {
	w.vm = g.vm
	w.done = make(chan struct{})
	period := g.timeout / 10
	if period < 5*time.Millisecond {
		period = 5 * time.Millisecond
	}
	go w.watch(g.timeout, period)
}

func (w *watchdog) stop() {
	if w.done != nil {
		close(w.done)
	}
}

func (w *watchdog) enter() {
	w.depth++
	if w.depth > 1 {
		return
	}
	w.mu.Lock()
	w.seq++
	w.active = true
	w.started = time.Now()
	w.mu.Unlock()
}

// reset restarts the running job's clock, so the limit applies to each of the independent
// calls a batching job makes. It also clears an interrupt that stopped the previous call:
// goja leaves the flag set after raising it, which would stop the next call at once.
func (w *watchdog) reset() {
	w.mu.Lock()
	w.seq++
	w.started = time.Now()
	if w.vm != nil {
		w.vm.ClearInterrupt()
	}
	w.mu.Unlock()
}

// leave ends the job and reports whether it was interrupted: an interrupt can leave the
// runtime unusable (see jobQueueProbe).
func (w *watchdog) leave(vm *goja.Runtime) (interrupted bool) {
	w.depth--
	if w.depth > 0 {
		return false
	}
	w.mu.Lock()
	w.active = false
	interrupted, w.fired = w.fired, false
	if vm != nil {
		vm.ClearInterrupt()
	}
	w.mu.Unlock()
	return interrupted
}

// interrupt stops the running job at once with v, if a job is running.
func (w *watchdog) interrupt(v any) {
	w.mu.Lock()
	if w.active && w.vm != nil {
		w.fired = true
		w.vm.Interrupt(v)
	}
	w.mu.Unlock()
}

func (w *watchdog) watch(limit, period time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	var firedSeq uint64
	for {
		select {
		case <-w.done:
			return
		case now := <-t.C:
			w.mu.Lock()
			if w.active && w.seq != firedSeq && now.Sub(w.started) > limit && w.vm != nil {
				firedSeq = w.seq
				w.fired = true
				w.vm.Interrupt(ErrTimeout)
			}
			w.mu.Unlock()
		}
	}
}
