package engine

import (
	"context"
	"log/slog"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// Timers due at the same time fire in the order they were set, as in Node (issue 11: 49 of
// 2,000 setTimeout(f, 5) fired out of order when each had a Go timer of its own).
func TestTimersWithEqualDelaysFireInCreationOrder(t *testing.T) {
	g, logs := newGen(t, 5*time.Second)
	err := g.Eval("order.js", `
		globalThis.fired = [];
		for (let i = 0; i < 2000; i++) setTimeout(() => fired.push(i), 5);
		for (let i = 0; i < 500; i++) setTimeout(() => fired.push(2000 + i), 1);
		const iv = setInterval(() => { fired.push("iv"); clearInterval(iv); }, 5);
		setTimeout(() => console.log("all fired", fired.length), 20);
	`)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the timers", func() bool { return strings.Contains(logs.String(), "all fired") })
	var fired []any
	g.Sync(func(vm *goja.Runtime) error {
		fired = vm.Get("fired").Export().([]any)
		return nil
	})
	var fives []int64
	for _, v := range fired {
		if n, ok := v.(int64); ok && n < 2000 {
			fives = append(fives, n)
		}
	}
	if len(fives) != 2000 || len(fired) != 2501 {
		t.Fatalf("%d timers of 5 ms fired, %d in all", len(fives), len(fired))
	}
	late := 0
	for i, n := range fives {
		if n != int64(i) {
			late++
		}
	}
	if late > 0 {
		t.Errorf("%d of 2000 timers with equal delays fired out of creation order", late)
	}
}

// A stack overflow is a quick RangeError, with the stack cut to a readable length, also through
// native frames (Array.prototype.map), whose unwinding is quadratic in goja.
func TestDeepRecursionIsARangeError(t *testing.T) {
	g, _ := newGen(t, 30*time.Second)
	for _, src := range []string{
		"function f() { return f(); } f();",
		"function g() { return [1].map(g); } g();",
	} {
		start := time.Now()
		err := g.Eval("rec.js", src)
		t.Logf("%s: %v", src, time.Since(start))
		if !IsStackOverflow(err) {
			t.Fatalf("%s: want a stack overflow, got %v", src, err)
		}
		desc := Describe(err)
		if !strings.HasPrefix(desc, "RangeError: Maximum call stack size exceeded\n") || !strings.Contains(desc, "rec.js:1:") {
			t.Errorf("%s: description %q", src, desc)
		}
		if lines := strings.Count(desc, "\n"); lines > maxStackFrames+2 || !strings.Contains(desc, "more frames") {
			t.Errorf("%s: %d lines:\n%s", src, lines, desc)
		}
	}
	// An Error made deep down has a long stack: logged, it is cut too.
	err := g.Eval("deep.js", "function d(n) { if (n === 0) throw new Error('deep'); return d(n - 1); } d(2000);")
	if desc := Describe(err); len(desc) > 4096 || !strings.HasPrefix(desc, "Error: deep") || !strings.Contains(desc, "more frames") {
		t.Errorf("deep Error described in %d bytes:\n%.500s", len(desc), desc)
	}
}

// An interrupt inside an async function leaves goja unable to run promise jobs (see health.go):
// the generation finds out and says so, once.
func TestBrokenJobQueueIsReported(t *testing.T) {
	var broken atomic.Int32
	var logs syncBuffer
	g, err := New(Options{HandlerTimeout: 100 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(&logs, nil)),
		OnBroken: func() { broken.Add(1) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g.Release)
	// A sync runaway does not break it.
	if err := g.Eval("sync.js", "while (true) {}"); !IsTimeout(err) {
		t.Fatalf("want a timeout, got %v", err)
	}
	if err := g.Eval("ok.js", "1"); err != nil || g.Broken() {
		t.Fatalf("after a sync runaway: broken %v, %v", g.Broken(), err)
	}
	if err := g.Eval("async.js", "(async () => { await null; while (true) {} })()"); !IsTimeout(err) {
		t.Fatalf("want a timeout, got %v", err)
	}
	waitFor(t, "OnBroken", func() bool { return broken.Load() == 1 })
	g.Eval("again.js", "(async () => { await null; while (true) {} })()")
	g.Sync(func(*goja.Runtime) error { return nil })
	if n := broken.Load(); n != 1 || !strings.Contains(logs.String(), "no longer runs promise jobs") {
		t.Errorf("OnBroken called %d times; log:\n%s", n, logs.String())
	}

	// A stack overflow in an async function does the same, with no interrupt to say so.
	var overflowed atomic.Bool
	g2, err := New(Options{Logger: slog.New(slog.DiscardHandler), OnBroken: func() { overflowed.Store(true) }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(g2.Release)
	if err := g2.Eval("overflow.js", "function f() { return f(); } (async () => { await null; f(); })()"); !IsStackOverflow(err) {
		t.Fatalf("want a stack overflow, got %v", err)
	}
	waitFor(t, "OnBroken after a stack overflow", overflowed.Load)
}

// Stop keeps the watchdog until the loop has drained, so a runaway job queued at that moment is
// interrupted; and once ctx is done, Stop returns whatever the loop is doing.
func TestStopInterruptsRunawayJobs(t *testing.T) {
	g, _ := newGen(t, 100*time.Millisecond)
	// Two spinning intervals: while one is interrupted, the other's next run is queued.
	if err := g.Eval("spin.js", "setInterval(() => { for (;;) {} }, 1); setInterval(() => { for (;;) {} }, 1)"); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond)
	done := make(chan error, 1)
	go func() { done <- g.Stop(context.Background()) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Stop did not return: a runaway job ran without its watchdog")
	}

	// A loop held by Go code (as by uninterruptible native code): Stop returns at ctx's end.
	g2, _ := newGen(t, time.Hour)
	hold := make(chan struct{})
	defer close(hold)
	g2.Run(func(*goja.Runtime) { <-hold })
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	go func() { done <- g2.Stop(ctx) }()
	select {
	case err := <-done:
		if err == nil {
			t.Error("Stop reported a stopped loop while it was held")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Stop did not return once its context was done")
	}
}
