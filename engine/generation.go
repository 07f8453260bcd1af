// Package engine runs one generation of an app: a goja runtime, its event loop, and the
// guarded calls into JavaScript.
//
// The one rule of concurrency: only the loop goroutine touches goja values. Any goroutine may
// hand work to the loop with Run (non-blocking, in order) or Sync (waits for the result, must not
// be called from the loop). Code running on the loop may use the *goja.Runtime it is given and
// call JavaScript functions directly: the job around it is guarded (time limit, panics).
package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// DefaultHandlerTimeout is how long one JavaScript call may run before it is interrupted.
const DefaultHandlerTimeout = 5 * time.Second

// MaxCallStackSize bounds JavaScript call depth (goja counts frames; a call through a native
// function such as Array.prototype.map counts two). Past it the call fails with "RangeError:
// Maximum call stack size exceeded", which goja does not let JavaScript catch. goja unwinds
// that error through native frames in time quadratic in their number (each level re-panics in
// a deferred function, and Go walks all the frames above for each), which is why the bound is
// below Node's ~10,800 frames: 3,000 frames of plain recursion unwind in milliseconds, 1,500
// levels of recursion through map in about a second on a loaded two-core machine (5,000 levels
// took 8 s, and unbounded recursion interrupted at the handler timeout took minutes).
const MaxCallStackSize = 3000

// Options configures a Generation.
type Options struct {
	// HandlerTimeout bounds one call into JavaScript (a hook, a handler, a timer callback).
	// Zero means DefaultHandlerTimeout.
	HandlerTimeout time.Duration
	// Logger receives console output, unhandled rejections and errors. Nil means slog.Default().
	Logger *slog.Logger
	// Waiter is how the loop waits when it has no job (see Waiter). Nil means a channel.
	Waiter Waiter
	// OnBroken is called, once and on a goroutine of its own, when the runtime can no longer
	// run promise jobs (see health.go): its owner should replace the generation. Nil: logged only.
	OnBroken func()
	// MaxMemory is the process memory past which the generation's running JavaScript is
	// interrupted (see memory.go). Zero or less: not watched.
	MaxMemory int64
}

// Generation is one loaded app: one goja runtime and its event loop. All JavaScript of the
// generation runs on that loop, in the order the work was handed to it.
type Generation struct {
	loop    *loop
	vm      *goja.Runtime // loop goroutine only
	log     *slog.Logger
	timeout time.Duration

	watchdog watchdog
	afterJob []func()        // loop goroutine only
	timers   timers          // loop goroutine only
	rejected []*goja.Promise // loop goroutine only: rejections not yet handled this turn

	probe    jobQueueProbe // loop goroutine only
	broken   atomic.Bool
	onBroken func()

	released  atomic.Bool
	abandoned atomic.Bool // Stop ran out of time: queued jobs are dropped, not run
	stopOnce  sync.Once
	ctx       context.Context // done once the generation is released
	cancel    context.CancelFunc
}

// New starts a generation's runtime and loop with timers, queueMicrotask and console installed.
func New(opts Options) (*Generation, error) {
	if opts.HandlerTimeout <= 0 {
		opts.HandlerTimeout = DefaultHandlerTimeout
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if bound := boundRegexps(opts.HandlerTimeout); bound < regexpTimeoutFor(opts.HandlerTimeout) {
		opts.Logger.Warn("regular expressions give up after the match timeout the process's first runtime set, "+
			"shorter than this one's handler timeout needs: a backtracking match running that long answers no match",
			"regexp_timeout", bound, "handler_timeout", opts.HandlerTimeout)
	}
	g := &Generation{
		loop:    newLoop(opts.Waiter),
		log:     opts.Logger,
		timeout: opts.HandlerTimeout,

		onBroken: opts.OnBroken,
	}
	g.vm = g.loop.vm
	g.ctx, g.cancel = context.WithCancel(context.Background())
	g.loop.start()
	err := g.Sync(func(vm *goja.Runtime) error {
		vm.SetMaxCallStackSize(MaxCallStackSize)
		vm.SetPromiseRejectionTracker(g.trackRejection)
		g.timers.install(g, vm)
		if err := InstallJSON(vm); err != nil {
			return err
		}
		if err := g.probe.install(vm); err != nil {
			return err
		}
		return installConsole(vm, g.log)
	})
	if err != nil {
		g.Release()
		return nil, fmt.Errorf("start runtime: %w", err)
	}
	g.watchdog.start(g)
	g.watchMemory(opts.MaxMemory)
	return g, nil
}

// Logger is the generation's logger.
func (g *Generation) Logger() *slog.Logger { return g.log }

// Run queues fn on the loop and returns at once. Jobs run in the order they were queued. A JS
// call inside fn that overruns the handler timeout is interrupted (its Call returns an error for
// which IsTimeout is true); a Go panic inside fn is logged and the loop keeps going. Run reports
// false when the generation has been released.
func (g *Generation) Run(fn func(vm *goja.Runtime)) bool {
	if g.released.Load() {
		return false
	}
	return g.loop.post(func() { g.job(g.vm, fn) })
}

// Sync runs fn on the loop and waits for it. It must not be called from the loop.
func (g *Generation) Sync(fn func(vm *goja.Runtime) error) error {
	return g.SyncContext(context.Background(), fn)
}

// SyncContext is Sync that stops waiting when ctx is done: it then returns ctx's error, and fn
// may still run later. It must not be called from the loop.
func (g *Generation) SyncContext(ctx context.Context, fn func(vm *goja.Runtime) error) error {
	done := make(chan error, 1)
	ok := g.loop.post(func() {
		var err error
		g.job(g.vm, func(vm *goja.Runtime) { err = fn(vm) })
		done <- err
	})
	if !ok {
		return ErrReleased
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// ErrReleased is returned by Sync on a released generation.
var ErrReleased = errors.New("generation released")

// ErrStopped is the interrupt value of JavaScript still running when Stop ran out of time.
var ErrStopped = errors.New("generation stopped: JavaScript interrupted at shutdown")

// job is the frame around every unit of loop work: watchdog bookkeeping, panic containment and
// the unhandled-rejection report once the work and its microtasks are done.
func (g *Generation) job(vm *goja.Runtime, fn func(vm *goja.Runtime)) {
	g.watchdog.enter()
	top := g.watchdog.depth == 1
	var begun time.Time
	if top {
		begun = time.Now()
	}
	defer func() {
		if p := recover(); p != nil {
			g.log.Error("internal error on the event loop", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		}
		for _, fn := range g.afterJob {
			fn()
		}
		interrupted := g.watchdog.leave(vm)
		g.reportRejections()
		if top {
			g.checkJobQueue(begun, interrupted)
		}
	}()
	if g.abandoned.Load() {
		return
	}
	fn(vm)
}

// Serving names the route file the running loop job serves, for the watchdog's log lines
// (a job stuck past its interrupt). Loop goroutine only.
func (g *Generation) Serving(route string) { g.watchdog.serving(route) }

// AfterJob registers fn to run at the end of every loop job, after its JavaScript and
// microtasks: the bindings flush the writes a job queued there. Loop goroutine only.
func (g *Generation) AfterJob(fn func()) { g.afterJob = append(g.afterJob, fn) }

// ResetTimeout restarts the handler time limit for the running loop job, and clears the
// interrupt of a call that ran past it. A job that makes many independent calls (a batch of
// messages) calls it between them, so the limit stays per call and one runaway call does not
// stop the next. Loop goroutine only.
func (g *Generation) ResetTimeout() { g.watchdog.reset() }

// Compile compiles a script for any runtime. An inline source map in the script makes stacks
// name the original files, lines and columns (1-based, like Node).
func Compile(name, src string) (*goja.Program, error) {
	prg, err := goja.Compile(name, shiftSourceMapColumns(src), false)
	if err != nil {
		return nil, fmt.Errorf("compile %s: %w", name, err)
	}
	return prg, nil
}

// Eval compiles and runs a script on the loop and waits for it.
func (g *Generation) Eval(name, src string) error {
	prg, err := Compile(name, src)
	if err != nil {
		return err
	}
	return g.Sync(func(vm *goja.Runtime) error {
		_, err := vm.RunProgram(prg)
		return err
	})
}

// Release is Stop with the time a runaway job needs to be interrupted, and a little more.
func (g *Generation) Release() {
	ctx, cancel := context.WithTimeout(context.Background(), g.timeout+time.Second)
	defer cancel()
	g.Stop(ctx)
}

// Stop refuses new work, lets the queued jobs run (the watchdog still interrupts a runaway one),
// cancels every timer and interval and ends the loop. When ctx is done first, the running
// JavaScript is interrupted, the jobs still queued are dropped, and Stop returns at once with
// an error if the loop goroutine is still busy: native code (a regular expression that
// backtracks for hours) cannot be interrupted, and the process must still be able to exit.
// Done is closed when the loop has ended. It must not be called from the loop.
func (g *Generation) Stop(ctx context.Context) error {
	g.stopOnce.Do(func() {
		g.released.Store(true)
		g.cancel()
		g.unwatchMemory()
		g.loop.stop(g.timers.stopAll)
		// The watchdog stops only once the loop has: the jobs drained above are guarded too.
		go func() {
			<-g.loop.done
			g.watchdog.stop()
		}()
	})
	select {
	case <-g.loop.done:
		return nil
	case <-ctx.Done():
	}
	g.abandoned.Store(true)
	g.watchdog.interrupt(ErrStopped)
	select {
	case <-g.loop.done:
		return nil
	case <-time.After(abandonGrace):
		return errors.New("the JavaScript loop is still busy in native code that cannot be interrupted; left to finish on its own")
	}
}

// abandonGrace is how long Stop waits for interrupted JavaScript to unwind once out of time.
const abandonGrace = 100 * time.Millisecond

// Done is closed once the loop has ended (after Stop).
func (g *Generation) Done() <-chan struct{} { return g.loop.done }

// Context is done once the generation is released: work it started outside the loop (an
// outbound fetch) stops with it.
func (g *Generation) Context() context.Context { return g.ctx }

// Runtime is the generation's goja runtime. Loop goroutine only.
func (g *Generation) Runtime() *goja.Runtime { return g.vm }
