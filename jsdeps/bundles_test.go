// Package jsdeps_test checks the generated bindings/jsdeps bundles: that each compiles once and
// loads in a runtime with azote's web globals, and that the h3 bundle is the whole of h3.
package jsdeps_test

import (
	"os"
	"sync"
	"testing"

	"github.com/azote-dev/azote/bindings/jsdeps"
	"github.com/azote-dev/azote/bindings/web"
	"github.com/dop251/goja"
)

func newWebRuntime(t *testing.T) *goja.Runtime {
	t.Helper()
	vm := goja.New()
	if err := web.Enable(vm); err != nil {
		t.Fatal(err)
	}
	return vm
}

// loadAs loads b in vm and makes its exports the global name.
func loadAs(t *testing.T, vm *goja.Runtime, b *jsdeps.Bundle, name string) {
	t.Helper()
	exports, err := b.Load(vm)
	if err != nil {
		t.Fatal(err)
	}
	if err := vm.Set(name, exports); err != nil {
		t.Fatal(err)
	}
}

// TestBundleCompiledOncePerProcess: every caller, on any goroutine, gets the same Program, so
// a new generation pays no compile.
func TestBundleCompiledOncePerProcess(t *testing.T) {
	for _, b := range jsdeps.All {
		var wg sync.WaitGroup
		progs := make([]*goja.Program, 4)
		for i := range progs {
			wg.Go(func() {
				p, err := b.Program()
				if err != nil {
					t.Error(err)
				}
				progs[i] = p
			})
		}
		wg.Wait()
		for i, p := range progs {
			if p == nil || p != progs[0] {
				t.Fatalf("%s: Program call %d returned %p, the first %p", b.Name, i, p, progs[0])
			}
		}
	}
}

// TestBundlesLoadInTwoRuntimes: one Program runs in several runtimes, and each gets exports of
// its own (a generation must not see another's objects).
func TestBundlesLoadInTwoRuntimes(t *testing.T) {
	for _, b := range jsdeps.All {
		a, err := b.Load(newWebRuntime(t))
		if err != nil {
			t.Fatalf("%s: %v", b.Name, err)
		}
		c, err := b.Load(newWebRuntime(t))
		if err != nil {
			t.Fatalf("%s: %v", b.Name, err)
		}
		if len(a.Keys()) == 0 || len(a.Keys()) != len(c.Keys()) {
			t.Fatalf("%s: exports %d and %d keys", b.Name, len(a.Keys()), len(c.Keys()))
		}
		if a == c {
			t.Fatalf("%s: two runtimes share one exports object", b.Name)
		}
	}
}

// TestH3BundleHasEveryExport: h3 2.0.8 on Node has 149 runtime exports, none undefined
// (node --input-type=module -e 'import * as h3 from "h3"; console.log(Object.keys(h3).length)'
// in the install folder). A missing or undefined one means the bundle lost part of h3.
func TestH3BundleHasEveryExport(t *testing.T) {
	vm := newWebRuntime(t)
	h3, err := jsdeps.H3.Load(vm)
	if err != nil {
		t.Fatal(err)
	}
	keys := h3.Keys()
	if len(keys) != 149 {
		t.Errorf("h3 bundle has %d exports, h3 2.0.8 has 149", len(keys))
	}
	for _, k := range keys {
		if goja.IsUndefined(h3.Get(k)) {
			t.Errorf("h3 export %s is undefined", k)
		}
	}
	for _, name := range []string{"H3", "defineHandler", "readValidatedBody", "useSession", "handleCors", "serveStatic"} {
		if _, ok := goja.AssertFunction(h3.Get(name)); !ok {
			t.Errorf("h3 export %s is %v, not a function", name, h3.Get(name))
		}
	}
}

// TestH3BundleAnswersARequest: the real H3 app routes a web Request built from azote's globals
// and answers with azote's Response, as a route handler will use it.
func TestH3BundleAnswersARequest(t *testing.T) {
	vm := newWebRuntime(t)
	loadAs(t, vm, jsdeps.H3, "h3")
	_, err := vm.RunString(`
		globalThis.result = "pending";
		const app = new h3.H3().get("/hello/:name", (event) => ({ hi: h3.getRouterParam(event, "name") }));
		Promise.resolve(app.fetch(new Request("http://localhost/hello/azote")))
			.then(async (res) => { result = res.status + " " + res.headers.get("content-type") + " " + await res.text(); })
			.catch((e) => { result = "error: " + e; });
	`)
	if err != nil {
		t.Fatal(err)
	}
	const want = `200 application/json;charset=UTF-8 {"hi":"azote"}`
	if got := vm.Get("result").String(); got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestWebStreamsBundlePipesThroughATransform: the polyfill's classes work on goja with the
// lowering the build applies (class fields, async iteration).
func TestWebStreamsBundlePipesThroughATransform(t *testing.T) {
	vm := goja.New()
	loadAs(t, vm, jsdeps.WebStreams, "ws")
	_, err := vm.RunString(`
		globalThis.result = "pending";
		const upper = new ws.TransformStream({ transform(chunk, c) { c.enqueue(chunk.toUpperCase()); } });
		const src = new ws.ReadableStream({ start(c) { c.enqueue("a"); c.enqueue("b"); c.close(); } });
		(async () => {
			const out = [];
			const reader = src.pipeThrough(upper).getReader();
			for (;;) { const { done, value } = await reader.read(); if (done) break; out.push(value); }
			result = out.join(",");
		})().catch((e) => { result = "error: " + e; });
	`)
	if err != nil {
		t.Fatal(err)
	}
	if got := vm.Get("result").String(); got != "A,B" {
		t.Fatalf("got %q, want A,B", got)
	}
}

// BenchmarkLoadH3 is what a generation pays for h3: running the compiled bundle in a fresh
// runtime with azote's web globals (the runtime's own set-up is outside the timer).
func BenchmarkLoadH3(b *testing.B) {
	if _, err := jsdeps.H3.Program(); err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		vm := goja.New()
		if err := web.Enable(vm); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if _, err := jsdeps.H3.Load(vm); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompileH3 is the once-per-process compile of the h3 bundle.
func BenchmarkCompileH3(b *testing.B) {
	src, err := os.ReadFile("../bindings/jsdeps/h3.js")
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		if _, err := goja.Compile("h3.js", string(src), true); err != nil {
			b.Fatal(err)
		}
	}
}
