package engine

import (
	"container/heap"
	"math"
	"time"

	"github.com/dop251/goja"
)

// timers implements setTimeout, setInterval, setImmediate and their clear functions. Armed
// timers wait in one queue ordered by due time, then by the order they were armed, under one Go
// timer for the earliest: timers due together fire in the order they were set, as in Node (a Go
// timer each would race to the loop). Each callback runs in a guarded loop job of its own
// (watchdog, errors logged with their stack). An interval is re-armed after each callback, like
// Node's. All fields are touched on the loop goroutine only, except clock, a time.Timer.
type timers struct {
	g      *Generation
	nextID int64
	active map[int64]*timer
	newObj goja.Callable // JS: (id) => Timeout object

	queue   timerQueue
	armSeq  uint64      // arming order, the tie-break between timers due at the same time
	clock   *time.Timer // fires when queue[0] is due; nil until the first timer
	clockAt time.Time   // when clock fires; zero when stopped
}

type timer struct {
	id        int64
	fn        goja.Callable
	args      []goja.Value
	delay     time.Duration
	repeat    bool
	cancelled bool
	armed     int       // bumped by every arm, so a fire queued before a refresh is ignored
	due       time.Time // when it fires, while in the queue
	seq       uint64    // arming order
	index     int       // position in the queue; -1 when not in it
}

// timerQueue is a min-heap of armed timers by (due, seq).
type timerQueue []*timer

func (q timerQueue) Len() int { return len(q) }
func (q timerQueue) Less(i, j int) bool {
	if !q[i].due.Equal(q[j].due) {
		return q[i].due.Before(q[j].due)
	}
	return q[i].seq < q[j].seq
}
func (q timerQueue) Swap(i, j int) {
	q[i], q[j] = q[j], q[i]
	q[i].index, q[j].index = i, j
}
func (q *timerQueue) Push(x any) {
	tm := x.(*timer)
	tm.index = len(*q)
	*q = append(*q, tm)
}
func (q *timerQueue) Pop() any {
	old := *q
	tm := old[len(old)-1]
	old[len(old)-1] = nil
	*q = old[:len(old)-1]
	tm.index = -1
	return tm
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
	tm := &timer{id: t.nextID, fn: fn, index: -1}
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

// arm (re)starts tm's countdown: it goes to the queue, behind every timer armed before it that
// is due at the same time.
func (t *timers) arm(tm *timer) {
	tm.armed++
	tm.due = time.Now().Add(tm.delay)
	t.armSeq++
	tm.seq = t.armSeq
	if tm.index >= 0 {
		heap.Fix(&t.queue, tm.index)
	} else {
		heap.Push(&t.queue, tm)
	}
	t.setClock()
}

// setClock makes the Go timer fire when the earliest queued timer is due.
func (t *timers) setClock() {
	if len(t.queue) == 0 {
		return
	}
	due := t.queue[0].due
	if !t.clockAt.IsZero() && !due.Before(t.clockAt) {
		return // the clock fires first; runDue sets it again
	}
	t.clockAt = due
	if t.clock == nil {
		t.clock = time.AfterFunc(time.Until(due), func() { t.g.Run(t.runDue) })
		return
	}
	t.clock.Reset(time.Until(due))
}

// runDue hands every due timer's callback to the loop, in queue order, each in a job of its own.
func (t *timers) runDue(*goja.Runtime) {
	t.clockAt = time.Time{}
	now := time.Now()
	for len(t.queue) > 0 && !t.queue[0].due.After(now) {
		tm := heap.Pop(&t.queue).(*timer)
		armed := tm.armed
		t.g.Run(func(*goja.Runtime) {
			if tm.armed != armed {
				return // refreshed or cleared since
			}
			t.fire(tm)
			if tm.repeat && !tm.cancelled && tm.armed == armed {
				t.arm(tm)
			}
		})
	}
	t.setClock()
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
			t.g.log.Error("timer callback interrupted ("+reason+")", "error", DescribeError(t.g.vm, err))
			return
		}
		t.g.log.Error("uncaught exception in timer callback", "error", DescribeError(t.g.vm, err))
	}
}

func (t *timers) clearID(id int64) {
	tm, ok := t.active[id]
	if !ok {
		return
	}
	tm.cancelled = true
	delete(t.active, id)
	t.unqueue(tm)
}

// unqueue takes tm out of the queue; the clock may fire for nothing, which is harmless.
func (t *timers) unqueue(tm *timer) {
	if tm.index >= 0 {
		heap.Remove(&t.queue, tm.index)
	}
}

// refresh restarts a timer's countdown with its original delay, like Node's timeout.refresh().
func (t *timers) refresh(id int64) {
	tm, ok := t.active[id]
	if !ok || tm.cancelled {
		return
	}
	t.arm(tm)
}

// stopAll cancels every timer, when the loop stops: nothing of the generation stays reachable
// from Go's timers.
func (t *timers) stopAll() {
	for id, tm := range t.active {
		tm.cancelled = true
		delete(t.active, id)
	}
	clear(t.queue)
	t.queue = nil
	if t.clock != nil {
		t.clock.Stop()
	}
}

// count is the number of live timers (for leak checks in tests).
func (t *timers) count() int { return len(t.active) }
