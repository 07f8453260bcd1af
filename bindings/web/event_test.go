package web

import (
	"testing"

	"github.com/dop251/goja"
)

func TestEventsJS(t *testing.T) {
	runCases(t, []jsCase{
		{"Event", `
			const e = new Event("ping", {cancelable: true});
			e.preventDefault();
			return [e.type, e.cancelable, e.bubbles, e.defaultPrevented, e.target, e.eventPhase, e.isTrusted, typeof e.timeStamp];`,
			`["ping",true,false,true,null,0,false,"number"]`},
		{"dispatch in order with this, target and return value", `
			const t = new EventTarget();
			const log = [];
			t.addEventListener("x", function (e) { log.push(["f", this === t, e.target === t, e.currentTarget === t, e.eventPhase]); });
			t.addEventListener("x", {handleEvent(e) { log.push(["obj", e.type]); e.preventDefault(); }});
			t.addEventListener("y", () => log.push("wrong type"));
			const notCancelable = t.dispatchEvent(new Event("x"));
			const ev = new Event("x", {cancelable: true});
			const cancelable = t.dispatchEvent(ev);
			return [log.length, log[0], log[1], notCancelable, cancelable, ev.currentTarget, ev.target === t];`,
			`[4,["f",true,true,true,2],["obj","x"],true,false,null,true]`},
		{"duplicates, once, remove", `
			const t = new EventTarget();
			let n = 0;
			const f = () => n++;
			t.addEventListener("x", f);
			t.addEventListener("x", f);
			t.addEventListener("x", () => n += 10, {once: true});
			t.dispatchEvent(new Event("x"));
			t.dispatchEvent(new Event("x"));
			t.removeEventListener("x", f);
			t.dispatchEvent(new Event("x"));
			return n;`,
			`12`},
		{"stopImmediatePropagation", `
			const t = new EventTarget();
			const log = [];
			t.addEventListener("x", (e) => { log.push(1); e.stopImmediatePropagation(); });
			t.addEventListener("x", () => log.push(2));
			t.dispatchEvent(new Event("x"));
			return log;`,
			`[1]`},
		{"a throwing listener does not stop the others", `
			const t = new EventTarget();
			const log = [];
			t.addEventListener("x", () => { throw new Error("boom"); });
			t.addEventListener("x", () => log.push("second"));
			t.dispatchEvent(new Event("x"));
			return log;`,
			`["second"]`},
		{"listener removed by a signal", `
			const t = new EventTarget();
			const c = new AbortController();
			let n = 0;
			t.addEventListener("x", () => n++, {signal: c.signal});
			t.dispatchEvent(new Event("x"));
			c.abort();
			t.dispatchEvent(new Event("x"));
			return n;`,
			`1`},
		{"dispatchEvent needs an Event", `new EventTarget().dispatchEvent({type: "x"});`,
			`throws TypeError: The "event" argument must be an instance of Event.`},
	})
}

func TestAbortJS(t *testing.T) {
	runCases(t, []jsCase{
		{"abort with default reason", `
			const c = new AbortController();
			const s = c.signal;
			const log = [];
			s.onabort = (e) => log.push("onabort:" + e.type);
			s.addEventListener("abort", (e) => log.push("listener:" + (e.target === s)));
			const before = s.aborted;
			c.abort();
			c.abort();
			return [before, s.aborted, s.reason instanceof DOMException, s.reason.name, s.reason.message, s.reason.code, log];`,
			`[false,true,true,"AbortError","This operation was aborted",20,["onabort:abort","listener:true"]]`},
		{"custom reason and throwIfAborted", `
			const c = new AbortController();
			c.signal.throwIfAborted();
			c.abort(new Error("why"));
			try { c.signal.throwIfAborted(); } catch (e) { return [e.message, c.signal.reason === e]; }`,
			`["why",true]`},
		{"AbortSignal.abort and any", `
			const a = AbortSignal.abort("r");
			const c1 = new AbortController(), c2 = new AbortController();
			const any = AbortSignal.any([c1.signal, c2.signal]);
			const before = any.aborted;
			c2.abort("second");
			return [a.aborted, a.reason, before, any.aborted, any.reason, AbortSignal.any([a]).reason];`,
			`[true,"r",false,true,"second","r"]`},
		{"AbortSignal cannot be constructed", `new AbortSignal();`, `throws TypeError: Illegal constructor`},
		{"timeout needs a host setTimeout", `AbortSignal.timeout(10);`,
			`throws TypeError: AbortSignal.timeout needs setTimeout, which this runtime does not provide`},
		{"signal is an EventTarget", `
			const s = new AbortController().signal;
			return [s instanceof EventTarget, Object.prototype.toString.call(s)];`,
			`[true,"[object AbortSignal]"]`},
	})
}

func TestDOMExceptionJS(t *testing.T) {
	runCases(t, []jsCase{
		{"fields", `
			const e = new DOMException("msg", "NotFoundError");
			return [e.name, e.message, e.code, e instanceof Error, String(e), DOMException.NOT_FOUND_ERR, Object.keys(e)];`,
			`["NotFoundError","msg",8,true,"NotFoundError: msg",8,[]]`},
		{"defaults and options form", `
			const a = new DOMException();
			const b = new DOMException("m", {name: "DataCloneError", cause: 1});
			return [a.name, a.message, a.code, b.name, b.code, b.cause];`,
			`["Error","",0,"DataCloneError",25,1]`},
	})
}

func TestQueueMicrotask(t *testing.T) {
	vm := newVM(t)
	got := mustRun(t, vm, `
		var log = [];
		queueMicrotask(() => log.push("micro1"));
		Promise.resolve().then(() => log.push("promise"));
		queueMicrotask(() => log.push("micro2"));
		log.push("sync");
		log.slice()`).Export()
	if len(got.([]any)) != 1 {
		t.Fatalf("microtasks ran synchronously: %v", got)
	}
	log := mustRun(t, vm, `log.join()`).String()
	if log != "sync,micro1,promise,micro2" {
		t.Errorf("order %q", log)
	}
	if _, err := vm.RunString(`queueMicrotask(1)`); err == nil {
		t.Error("queueMicrotask(1) did not throw")
	}

	// A throw inside a microtask surfaces as an unhandled rejection.
	var rejected []goja.Value
	vm.SetPromiseRejectionTracker(func(p *goja.Promise, op goja.PromiseRejectionOperation) {
		if op == goja.PromiseRejectionReject {
			rejected = append(rejected, p.Result())
		}
	})
	mustRun(t, vm, `queueMicrotask(() => { throw new Error("late"); })`)
	if len(rejected) != 1 || rejected[0].ToObject(vm).Get("message").String() != "late" {
		t.Errorf("rejections: %v", rejected)
	}
}
