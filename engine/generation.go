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

// Options configures a Generation.
type Options struct {
	// HandlerTimeout bounds one call into JavaScript (a hook, a handler, a timer callback).
	// Zero means DefaultHandlerTimeout.
	HandlerTimeout time.Duration
	// Logger receives console output, unhandled rejections and errors. Nil means slog.Default().
	Logger *slog.Logger
	// Waiter is how the loop waits when it has no job (see Waiter). Nil means a channel.
	Waiter Waiter
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

	released atomic.Bool
	stopOnce sync.Once
	ctx      context.Context // done once the generation is released
	cancel   context.CancelFunc
}

// New starts a generation's runtime and loop with timers, queueMicrotask and console installed.
func New(opts Options) (*Generation, error) {
	if opts.HandlerTimeout <= 0 {
		opts.HandlerTimeout = DefaultHandlerTimeout
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	g := &Generation{
		loop:    newLoop(opts.Waiter),
		log:     opts.Logger,
		timeout: opts.HandlerTimeout,
	}
	g.vm = g.loop.vm
	g.ctx, g.cancel = context.WithCancel(context.Background())
	g.loop.start()
	err := g.Sync(func(vm *goja.Runtime) error {
		vm.SetPromiseRejectionTracker(g.trackRejection)
		g.timers.install(g, vm)
		if err := InstallJSON(vm); err != nil {
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
	done := make(chan error, 1)
	ok := g.loop.post(func() {
		var err error
		g.job(g.vm, func(vm *goja.Runtime) { err = fn(vm) })
		done <- err
	})
	if !ok {
		return ErrReleased
	}
	return <-done
}

// ErrReleased is returned by Sync on a released generation.
var ErrReleased = errors.New("generation released")

// job is the frame around every unit of loop work: watchdog bookkeeping, panic containment and
// the unhandled-rejection report once the work and its microtasks are done.
func (g *Generation) job(vm *goja.Runtime, fn func(vm *goja.Runtime)) {
	g.watchdog.enter()
	defer func() {
		if p := recover(); p != nil {
			g.log.Error("internal error on the event loop", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		}
		for _, fn := range g.afterJob {
			fn()
		}
		g.watchdog.leave(vm)
		g.reportRejections()
	}()
	fn(vm)
}

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

// Release stops the loop, cancels every timer and interval, and frees the runtime. Work queued
// after Release is dropped. It must not be called from the loop.
func (g *Generation) Release() {
	g.stopOnce.Do(func() {
		g.released.Store(true)
		g.cancel()
		g.unwatchMemory()
		g.watchdog.stop()
		g.loop.stop(g.timers.stopAll)
	})
}

// Context is done once the generation is released: work it started outside the loop (an
// outbound fetch) stops with it.
func (g *Generation) Context() context.Context { return g.ctx }

// Runtime is the generation's goja runtime. Loop goroutine only.
func (g *Generation) Runtime() *goja.Runtime { return g.vm }
