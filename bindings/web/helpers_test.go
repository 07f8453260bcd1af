package web

import (
	"testing"

	"github.com/dop251/goja"
)

// jsCase is one JavaScript snippet: the body of an async function whose result, rendered by
// settle, must equal want.
type jsCase struct {
	name string
	body string
	want string
}

func newVM(t testing.TB) *goja.Runtime {
	t.Helper()
	vm := goja.New()
	if err := Enable(vm); err != nil {
		t.Fatalf("Enable: %v", err)
	}
	return vm
}

// settle runs body inside an async function and drains its promise. goja runs promise jobs
// when control returns to Go, so the promise must be settled once RunString returns. The
// result is JSON.stringify of the value, or "throws Name: message" for a rejection.
func settle(t testing.TB, vm *goja.Runtime, body string) string {
	t.Helper()
	v, err := vm.RunString(`(async () => {` + body + "\n})().then(" +
		`(v) => v === undefined ? "undefined" : JSON.stringify(v),` +
		`(e) => "throws " + (e && e.name) + ": " + (e && e.message))`)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, body)
	}
	p, ok := v.Export().(*goja.Promise)
	if !ok {
		t.Fatalf("not a promise: %v", v)
	}
	if p.State() != goja.PromiseStateFulfilled {
		t.Fatalf("promise %v, not fulfilled\n%s", p.State(), body)
	}
	return p.Result().String()
}

func runCases(t *testing.T, cases []jsCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vm := newVM(t)
			if got := settle(t, vm, c.body); got != c.want {
				t.Errorf("got  %s\nwant %s\n%s", got, c.want, c.body)
			}
		})
	}
}

// mustRun evaluates src and fails the test on an exception.
func mustRun(t testing.TB, vm *goja.Runtime, src string) goja.Value {
	t.Helper()
	v, err := vm.RunString(src)
	if err != nil {
		t.Fatalf("run %q: %v", src, err)
	}
	return v
}
