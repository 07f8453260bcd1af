package engine

import (
	"errors"
	"log/slog"
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

// stuckAfter is how long an interrupted job may go on before the watchdog logs that the loop
// is stuck: goja stops at its next instruction, so a job still running this long after is in
// native code that does not look at the interrupt, and every other request waits for it.
const stuckAfter = time.Second

// watchdog interrupts a loop job that runs past the handler timeout. The loop marks the start
// and end of each job under mu; the watchdog goroutine only interrupts the job it saw start, and
// the loop clears any interrupt under the same lock when the job ends, so an interrupt aimed at
// one job never lands on the next.
type watchdog struct {
	mu      sync.Mutex
	vm      *goja.Runtime
	log     *slog.Logger
	depth   int    // loop goroutine only
	seq     uint64 // job number, under mu
	active  bool   // a job is running, under mu
	fired   bool   // the running job was interrupted, under mu
	started time.Time
	route   string // what the running job serves, when known (Generation.Serving), under mu
	done    chan struct{}

	// The pending interrupt of the running call, under mu: when it was raised (zero: none),
	// why, and whether the watchdog has logged that the call goes on regardless.
	interruptedAt time.Time
	reason        any
	stuck         bool
}

func (w *watchdog) start(g *Generation) {
	w.vm = g.vm
	w.log = g.log
	w.done = make(chan struct{})
	go w.watch(g.timeout, watchPeriod(g.timeout))
}

// watchPeriod is how often the watchdog looks: a tenth of the limit, so a job is interrupted
// at most 10% late, and often enough to notice a stuck one about stuckAfter after its interrupt.
func watchPeriod(limit time.Duration) time.Duration {
	return min(max(limit/10, 5*time.Millisecond), stuckAfter/4)
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
	unstuck := w.unwound()
	w.route = ""
	w.mu.Unlock()
	unstuck()
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
	unstuck := w.unwound()
	w.route = ""
	w.mu.Unlock()
	unstuck()
	return interrupted
}

// serving names what the running job serves (a route's file) for the watchdog's log lines.
func (w *watchdog) serving(route string) {
	w.mu.Lock()
	w.route = route
	w.mu.Unlock()
}

// fire interrupts the running call with v. Under mu.
func (w *watchdog) fire(v any) {
	w.fired = true
	if w.interruptedAt.IsZero() {
		w.interruptedAt, w.reason = time.Now(), v
	}
	w.vm.Interrupt(v)
}

// unwound forgets the pending interrupt of a call that has returned, and gives what logs that
// the loop is free again if the watchdog had logged it stuck (called after mu is released).
// Under mu.
func (w *watchdog) unwound() func() {
	at, stuck, route := w.interruptedAt, w.stuck, w.route
	w.interruptedAt, w.reason, w.stuck = time.Time{}, nil, false
	if !stuck || w.log == nil {
		return func() {}
	}
	return func() {
		w.log.Warn("the interrupted JavaScript returned: the loop runs again",
			append(routeAttr(route), "after_interrupt", time.Since(at).Round(time.Millisecond))...)
	}
}

// interrupt stops the running job at once with v, if a job is running.
func (w *watchdog) interrupt(v any) {
	w.mu.Lock()
	if w.active && w.vm != nil {
		w.fire(v)
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
				w.fire(ErrTimeout)
			}
			var stuck []any
			if w.active && !w.interruptedAt.IsZero() && !w.stuck && now.Sub(w.interruptedAt) >= stuckAfter {
				w.stuck = true
				stuck = append(routeAttr(w.route), "interrupt", w.reason, "running", now.Sub(w.started).Round(time.Millisecond),
					"after_interrupt", now.Sub(w.interruptedAt).Round(time.Millisecond))
			}
			w.mu.Unlock()
			if stuck != nil && w.log != nil {
				w.log.Error("the JavaScript loop is stuck: interrupted JavaScript is still running, in native code that "+
					"does not stop at the interrupt (a backtracking regular expression, a huge JSON text); "+
					"every other request of the app waits for it", stuck...)
			}
		}
	}
}

// routeAttr is the log attribute naming a job's route, none when it is not known.
func routeAttr(route string) []any {
	if route == "" {
		return nil
	}
	return []any{"route", route}
}
