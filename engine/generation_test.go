package engine

import (
	"bytes"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// syncBuffer is a log sink that tests read while the loop writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func newGen(t *testing.T, timeout time.Duration) (*Generation, *syncBuffer) {
	t.Helper()
	var logs syncBuffer
	g, err := New(Options{HandlerTimeout: timeout, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Release)
	return g, &logs
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(3 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestTimersRunInOrderAndClear(t *testing.T) {
	g, logs := newGen(t, time.Second)
	err := g.Eval("timers.js", `
		globalThis.out = [];
		setTimeout(() => out.push("t20"), 20);
		setTimeout((a, b) => out.push("t5:" + a + b), 5, "x", "y");
		setImmediate(() => out.push("imm"));
		const gone = setTimeout(() => out.push("cleared"), 10);
		clearTimeout(gone);
		const byId = setTimeout(() => out.push("cleared-by-id"), 10);
		clearTimeout(+byId);
		let n = 0;
		const iv = setInterval(() => { out.push("iv" + (++n)); if (n === 3) clearInterval(iv); }, 2);
		setTimeout(() => console.log("done", out.length), 60);
	`)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "console line", func() bool { return strings.Contains(logs.String(), "done") })
	var out string
	g.Sync(func(vm *goja.Runtime) error {
		out = vm.Get("out").String()
		if n := g.timers.count(); n != 0 {
			t.Errorf("%d timers left", n)
		}
		return nil
	})
	for _, want := range []string{"imm", "t5:xy", "iv1", "iv2", "iv3", "t20"} {
		if !strings.Contains(out, want) {
			t.Errorf("out %q lacks %q", out, want)
		}
	}
	if strings.Contains(out, "cleared") || strings.Contains(out, "iv4") {
		t.Errorf("cleared timer ran: %q", out)
	}
	if !strings.HasPrefix(out, "imm") {
		t.Errorf("setImmediate should run first: %q", out)
	}
}

func TestRunawayCodeIsInterrupted(t *testing.T) {
	g, logs := newGen(t, 100*time.Millisecond)
	start := time.Now()
	err := g.Eval("spin.js", "while (true) {}")
	if !IsTimeout(err) {
		t.Fatalf("want timeout, got %v", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("interrupt took %v", d)
	}
	// The runtime still works, and a runaway timer is logged.
	if err := g.Eval("ok.js", "setTimeout(() => { for(;;){} }, 1); setTimeout(() => console.log('still alive'), 5)"); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "timer interrupted + next timer", func() bool {
		s := logs.String()
		return strings.Contains(s, "timer callback interrupted") && strings.Contains(s, "still alive")
	})
}

func TestErrorsAndRejectionsAreLogged(t *testing.T) {
	g, logs := newGen(t, time.Second)
	if err := g.Eval("rej.js", `
		Promise.reject(new Error("nobody listens"));
		Promise.reject(new Error("handled later")).catch(() => {});
		setTimeout(() => { throw new TypeError("boom in timer") }, 1);
	`); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "logs", func() bool {
		s := logs.String()
		return strings.Contains(s, "nobody listens") && strings.Contains(s, "boom in timer")
	})
	if strings.Contains(logs.String(), "handled later") {
		t.Errorf("a handled rejection was reported:\n%s", logs)
	}
}

func TestPanicInJobIsContained(t *testing.T) {
	g, logs := newGen(t, time.Second)
	g.Run(func(vm *goja.Runtime) { panic("bug") })
	if err := g.Eval("after.js", "1+1"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), "internal error") {
		t.Errorf("panic not logged: %s", logs)
	}
}

func TestConsoleFormatsLikeNode(t *testing.T) {
	g, logs := newGen(t, time.Second)
	if err := g.Eval("console.js", `
		console.log("a", 1, { x: "y", n: [1, 2] }, null, undefined);
		console.log("%s=%d %j", "k", 42, { a: 1 });
		console.warn(new Map([["k", 1]]), new Set([1]));
	`); err != nil {
		t.Fatal(err)
	}
	s := logs.String()
	for _, want := range []string{`a 1 { x: 'y', n: [ 1, 2 ] } null undefined`, `k=42 {\"a\":1}`, `Map(1) { 'k' => 1 } Set(1) { 1 }`, "level=WARN"} {
		if !strings.Contains(s, want) {
			t.Errorf("log lacks %q:\n%s", want, s)
		}
	}
}

func TestReleaseLeavesNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	for i := 0; i < 20; i++ {
		g, err := New(Options{Logger: slog.New(slog.NewTextHandler(&bytes.Buffer{}, nil))})
		if err != nil {
			t.Fatal(err)
		}
		g.Eval("t.js", "setInterval(() => {}, 1000); setTimeout(() => {}, 100000)")
		g.Release()
	}
	waitFor(t, "goroutines to drain", func() bool { return runtime.NumGoroutine() <= before+1 })
}

// In a job that makes several calls nested in one JavaScript frame (as the bindings batch
// hooks), one runaway call is interrupted and the next call, after ResetTimeout, runs normally.
func TestResetTimeoutLetsTheNextCallRun(t *testing.T) {
	g, _ := newGen(t, 100*time.Millisecond)
	if err := g.Eval("fns.js", "globalThis.spin = () => { for (;;) {} }; globalThis.ok = () => 42; globalThis.nest = (f) => f();"); err != nil {
		t.Fatal(err)
	}
	err := g.Sync(func(vm *goja.Runtime) error {
		spin, _ := goja.AssertFunction(vm.Get("spin"))
		ok, _ := goja.AssertFunction(vm.Get("ok"))
		nest, _ := goja.AssertFunction(vm.Get("nest"))
		_, err := nest(goja.Undefined(), vm.ToValue(func(goja.FunctionCall) goja.Value {
			if _, err := spin(goja.Undefined()); !IsTimeout(err) {
				t.Errorf("spin: want a timeout, got %v", err)
			}
			g.ResetTimeout()
			v, err := ok(goja.Undefined())
			if err != nil || v.ToInteger() != 42 {
				t.Errorf("the call after an interrupted one: %v %v", v, err)
			}
			g.ResetTimeout()
			return goja.Undefined()
		}))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
