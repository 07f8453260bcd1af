package engine

import (
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

// Issue 11: native code that does not look at the interrupt (a backtracking regular
// expression) held the loop long past the handler timeout, and nothing said so. The watchdog
// logs a job still running a second after its interrupt, naming its route, and logs again
// when it returns.
func TestWatchdogLogsAJobStuckPastItsInterrupt(t *testing.T) {
	g, logs := newGen(t, 100*time.Millisecond)
	err := g.Sync(func(vm *goja.Runtime) error {
		g.Serving("routes/stuck.ts")
		vm.Set("nativeSpin", func() { time.Sleep(stuckAfter + 500*time.Millisecond) })
		_, err := vm.RunString(`nativeSpin(); "not reached"`)
		return err
	})
	if !IsTimeout(err) {
		t.Fatalf("want the handler timeout once the native call returned, got %v", err)
	}
	out := logs.String()
	stuck := strings.Index(out, "the JavaScript loop is stuck")
	back := strings.Index(out, "the interrupted JavaScript returned")
	if stuck < 0 || back < stuck {
		t.Fatalf("want the stuck line, then the returned line:\n%s", out)
	}
	if line := out[stuck:back]; !strings.Contains(line, "route=routes/stuck.ts") || !strings.Contains(line, "interrupt=") {
		t.Fatalf("the stuck line does not name the route and the interrupt: %s", line)
	}
	// The next job is not labelled with the last one's route.
	g.Sync(func(vm *goja.Runtime) error {
		vm.Set("nativeSpin2", func() { time.Sleep(stuckAfter + 500*time.Millisecond) })
		_, err := vm.RunString(`nativeSpin2()`)
		return err
	})
	if rest := logs.String()[len(out):]; !strings.Contains(rest, "the JavaScript loop is stuck") || strings.Contains(rest, "routes/stuck.ts") {
		t.Fatalf("second stuck job: %s", rest)
	}
}

// A job interrupted and returning at once is not reported stuck.
func TestWatchdogDoesNotLogAJobThatStopsAtItsInterrupt(t *testing.T) {
	g, logs := newGen(t, 50*time.Millisecond)
	err := g.Eval("spin.js", `while (true) {}`)
	if !IsTimeout(err) {
		t.Fatalf("want the handler timeout, got %v", err)
	}
	time.Sleep(stuckAfter + 300*time.Millisecond)
	if strings.Contains(logs.String(), "stuck") {
		t.Fatalf("a job that stopped at its interrupt was logged stuck:\n%s", logs.String())
	}
}
