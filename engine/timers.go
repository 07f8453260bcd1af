package engine

import (
	"math"
	"time"

	"github.com/dop251/goja"
)

// timers implements setTimeout, setInterval, setImmediate and their clear functions: a Go timer
// per JavaScript timer hands the callback to the loop, where it runs inside a guarded loop job
// (watchdog, errors logged with their stack). An interval is re-armed after each callback, like
// Node's. All fields are touched on the loop goroutine only.
type timers struct {
	g      *Generation
	nextID int64
	active map[int64]*timer
	newObj goja.Callable // JS: (id) => Timeout object
}

type timer struct {
	id        int64
	fn        goja.Callable
	args      []goja.Value
	delay     time.Duration
	repeat    bool
	cancelled bool
	armed     int // bumped by every arm, so a fire queued before a refresh is ignored
	clock     *time.Timer
}

// timeoutClass gives JavaScript Node's Timeout object: a handle with ref/unref/hasRef/refresh/
// close that converts to its numeric id, so both clearTimeout(handle) and clearTimeout(+handle)
// work.
const timeoutClass = `(function (refresh, clear) {
  class Timeout {
    constructor(id) { Object.defineProperty(this, "_azoteId", { value: id }); }
    ref() { return this; }
    unref() { return this; }
    hasRef() { return true; }
    refresh() { refresh(this._azoteId); return this; }
    close() { clear(this._azoteId); return this; }
    [Symbol.toPrimitive]() { return this._azoteId; }
  }
  return (id) => new Timeout(id);
})`

func (t *timers) install(g *Generation, vm *goja.Runtime) {
	t.g = g
	t.active = make(map[int64]*timer)
	factory, err := vm.RunString(timeoutClass)
	if err != nil {
		panic(err)
	}
	mk, _ := goja.AssertFunction(factory)
	obj, err := mk(goja.Undefined(), vm.ToValue(t.refresh), vm.ToValue(t.clearID))
	if err != nil {
		panic(err)
	}
	t.newObj, _ = goja.AssertFunction(obj)

	vm.Set("setTimeout", func(call goja.FunctionCall) goja.Value { return t.schedule(vm, call, false) })
	vm.Set("setInterval", func(call goja.FunctionCall) goja.Value { return t.schedule(vm, call, true) })
	vm.Set("setImmediate", func(call goja.FunctionCall) goja.Value { return t.immediate(vm, call) })
	clear := func(call goja.FunctionCall) goja.Value {
		t.clearID(handleID(call.Argument(0)))
		return goja.Undefined()
	}
	vm.Set("clearTimeout", clear)
	vm.Set("clearInterval", clear)
	vm.Set("clearImmediate", clear)
}

func handleID(v goja.Value) int64 {
	if obj, ok := v.(*goja.Object); ok {
		if id := obj.Get("_azoteId"); id != nil {
			return id.ToInteger()
		}
		return 0
	}
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return 0
	}
	return v.ToInteger()
}

// delayOf follows Node: a delay that is not a number in [1, 2^31-1] ms becomes 1 ms.
func delayOf(v goja.Value) time.Duration {
	ms := v.ToFloat()
	if math.IsNaN(ms) || ms < 1 || ms > math.MaxInt32 {
		ms = 1
	}
	return time.Duration(ms * float64(time.Millisecond))
}

func (t *timers) add(vm *goja.Runtime, call goja.FunctionCall, argsFrom int) *timer {
	fn, ok := goja.AssertFunction(call.Argument(0))
	if !ok {
		panic(vm.NewTypeError(`The "callback" argument must be of type function`))
	}
	t.nextID++
	tm := &timer{id: t.nextID, fn: fn}
	if len(call.Arguments) > argsFrom {
		tm.args = append([]goja.Value(nil), call.Arguments[argsFrom:]...)
	}
	t.active[tm.id] = tm
	return tm
}

func (t *timers) schedule(vm *goja.Runtime, call goja.FunctionCall, repeat bool) goja.Value {
	tm := t.add(vm, call, 2)
	tm.delay = delayOf(call.Argument(1))
	tm.repeat = repeat
	t.arm(tm)
	return t.handle(tm.id)
}

func (t *timers) arm(tm *timer) {
	tm.armed++
	armed := tm.armed
	fire := func(*goja.Runtime) {
		if tm.armed != armed {
			return
		}
		t.fire(tm)
		if tm.repeat && !tm.cancelled && tm.armed == armed {
			t.arm(tm)
		}
	}
	tm.clock = time.AfterFunc(tm.delay, func() { t.g.Run(fire) })
}

func (t *timers) immediate(vm *goja.Runtime, call goja.FunctionCall) goja.Value {
	tm := t.add(vm, call, 1)
	t.g.Run(func(*goja.Runtime) { t.fire(tm) })
	return t.handle(tm.id)
}

func (t *timers) handle(id int64) goja.Value {
	v, err := t.newObj(goja.Undefined(), t.g.vm.ToValue(id))
	if err != nil {
		panic(err)
	}
	return v
}

func (t *timers) fire(tm *timer) {
	if tm.cancelled {
		return
	}
	if !tm.repeat {
		tm.cancelled = true
		delete(t.active, tm.id)
	}
	if _, err := tm.fn(goja.Undefined(), tm.args...); err != nil {
		if reason, interrupted := Interruption(err); interrupted {
			t.g.log.Error("timer callback interrupted ("+reason+")", "error", Describe(err))
			return
		}
		t.g.log.Error("uncaught exception in timer callback", "error", Describe(err))
	}
}

func (t *timers) clearID(id int64) {
	tm, ok := t.active[id]
	if !ok {
		return
	}
	tm.cancelled = true
	delete(t.active, id)
	if tm.clock != nil {
		tm.clock.Stop()
	}
}

// refresh restarts a timer's countdown with its original delay, like Node's timeout.refresh().
func (t *timers) refresh(id int64) {
	tm, ok := t.active[id]
	if !ok || tm.cancelled {
		return
	}
	if tm.clock != nil {
		tm.clock.Stop()
	}
	t.arm(tm)
}

// stopAll cancels every timer, when the loop stops: nothing of the generation stays reachable
// from Go's timers.
func (t *timers) stopAll() {
	for id, tm := range t.active {
		tm.cancelled = true
		if tm.clock != nil {
			tm.clock.Stop()
		}
		delete(t.active, id)
	}
}

// count is the number of live timers (for leak checks in tests).
func (t *timers) count() int { return len(t.active) }
