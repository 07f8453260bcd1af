package engine

import (
	"time"

	"github.com/dop251/goja"
)

// An uncatchable error (an interrupt, a stack overflow) that unwinds through an async function
// or a resumed generator leaves goja with a call frame and a try frame it never pops: the
// function's enter/next pushes them without a deferred pop. From then on every call from Go looks
// nested to goja, so it never drains its promise job queue again: each await hangs for good,
// while plain calls still work. Nothing in goja's API pops those frames, so the generation
// cannot be repaired; the probe below finds it out and the generation reports itself broken
// (Options.OnBroken), for its owner to replace it as a reload does.
//
// The probe schedules a promise job from the top level and checks that it ran when the call
// returned, which goja does on every healthy top-level call. It costs a couple of microseconds,
// so it does not run after every job: after each job that was interrupted or ran long (a stack
// overflow takes milliseconds; the engine does not see the error itself), and now and then.
const (
	probeEvery   = 50 * time.Millisecond // the longest a busy loop goes without a check
	probeLongJob = time.Millisecond      // a job this long is checked
)

const probeSource = `(function (mark) { Promise.resolve().then(mark); })`

type jobQueueProbe struct {
	schedule goja.Callable // JS: (mark) => a promise job calling mark
	mark     goja.Value    // Go: sets ran
	ran      bool
	last     time.Time
}

func (p *jobQueueProbe) install(vm *goja.Runtime) error {
	fn, err := vm.RunString(probeSource)
	if err != nil {
		return err
	}
	p.schedule, _ = goja.AssertFunction(fn)
	p.mark = vm.ToValue(func(goja.FunctionCall) goja.Value {
		p.ran = true
		return goja.Undefined()
	})
	p.last = time.Now()
	return nil
}

// due reports whether the loop should check now, at the end of a job begun at begun.
func (p *jobQueueProbe) due(begun time.Time, interrupted bool) bool {
	if p.schedule == nil {
		return false
	}
	now := time.Now()
	return interrupted || now.Sub(begun) >= probeLongJob || now.Sub(p.last) > probeEvery
}

// works reports whether a promise job scheduled by a top-level call runs before it returns.
func (p *jobQueueProbe) works() bool {
	p.last = time.Now()
	p.ran = false
	_, err := p.schedule(goja.Undefined(), p.mark)
	return err == nil && p.ran
}

// checkJobQueue is the end of a top-level job: when the probe is due and finds the job queue
// stuck, the generation is broken; it is reported once and the probe stops. Loop goroutine
// only, with no JavaScript running.
func (g *Generation) checkJobQueue(begun time.Time, interrupted bool) {
	if g.broken.Load() || g.released.Load() || !g.probe.due(begun, interrupted) || g.probe.works() {
		return
	}
	g.broken.Store(true)
	g.log.Error("the JavaScript runtime no longer runs promise jobs after an interrupt or a stack overflow in an async function; the generation must be replaced")
	if g.onBroken != nil {
		go g.onBroken()
	}
}

// Broken reports whether the generation found its runtime unusable (see Options.OnBroken).
func (g *Generation) Broken() bool { return g.broken.Load() }
