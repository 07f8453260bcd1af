package web

import (
	"strings"
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
)

func TestEnableInstallsGlobals(t *testing.T) {
	vm := newVM(t)
	names := []string{"Headers", "Request", "Response", "Blob", "File", "FormData", "TextEncoder", "TextDecoder",
		"URL", "URLSearchParams", "crypto", "atob", "btoa", "structuredClone", "queueMicrotask",
		"AbortController", "AbortSignal", "Event", "EventTarget", "DOMException"}
	for _, name := range names {
		v := vm.Get(name)
		if v == nil || goja.IsUndefined(v) {
			t.Errorf("%s is missing", name)
		}
	}
	// Like Node: globals are writable and configurable but not enumerable.
	got := mustRun(t, vm, `
		const d = Object.getOwnPropertyDescriptor(globalThis, "Response");
		[d.writable, d.configurable, d.enumerable, Object.keys(globalThis).includes("Headers"), typeof Buffer].join()`).String()
	if got != "true,true,false,false,undefined" {
		t.Errorf("descriptor/enumeration: %s", got)
	}
	// Names and lengths come from the classes, not from Go.
	if got := mustRun(t, vm, `[Response.name, Response.length, Headers.prototype.append.name, atob.name, atob.length].join()`).String(); got != "Response,0,append,atob,1" {
		t.Errorf("function names: %s", got)
	}
}

func TestEnableTwiceIsNoop(t *testing.T) {
	vm := newVM(t)
	before := vm.Get("Response")
	if err := Enable(vm); err != nil {
		t.Fatal(err)
	}
	if vm.Get("Response") != before {
		t.Error("second Enable replaced Response")
	}
}

func TestUserCodeCannotBreakGoAPI(t *testing.T) {
	vm := newVM(t)
	mustRun(t, vm, `var r = new Response("x", {status: 202}); globalThis.Response = function Fake() {}; delete globalThis.Headers; JSON.parse = null;`)
	parts, ok := AsResponse(vm, vm.Get("r"))
	if !ok || parts.Status != 202 {
		t.Fatalf("AsResponse after globals were replaced: %+v, %v", parts, ok)
	}
	req, err := NewRequest(vm, "GET", "http://h/", nil, nil)
	if err != nil || req == nil {
		t.Fatalf("NewRequest after globals were replaced: %v", err)
	}
	if got := settle(t, vm, `return new (Object.getPrototypeOf(r).constructor)('{"a":1}').json();`); got != `{"a":1}` {
		t.Errorf("json() after JSON.parse was replaced: %s", got)
	}
}

func TestWithoutEnable(t *testing.T) {
	vm := goja.New()
	if _, err := NewRequest(vm, "GET", "http://h/", nil, nil); err == nil || !strings.Contains(err.Error(), "Enable") {
		t.Errorf("NewRequest: %v", err)
	}
	if _, err := Header(vm, vm.NewObject()); err == nil {
		t.Error("Header: no error")
	}
	if _, ok := AsResponse(vm, vm.NewObject()); ok {
		t.Error("AsResponse: ok")
	}
}

func TestURLSharesRequireModule(t *testing.T) {
	vm := goja.New()
	new(require.Registry).Enable(vm)
	if err := Enable(vm); err != nil {
		t.Fatal(err)
	}
	got := mustRun(t, vm, `[URL === require("url").URL, new URL("/p?q=1", "http://x.test").href,
		new URLSearchParams({a: "1"}).toString()].join()`).String()
	if got != "true,http://x.test/p?q=1,a=1" {
		t.Errorf("got %s", got)
	}
}

func TestRuntimesAreIndependent(t *testing.T) {
	done := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			vm := goja.New()
			if err := Enable(vm); err != nil {
				done <- err
				return
			}
			_, err := vm.RunString(`new Response(new Blob([crypto.randomUUID()])).text()`)
			done <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}

func BenchmarkEnable(b *testing.B) {
	if _, err := compiledScripts(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Enable(goja.New()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkNewRequestAsResponse(b *testing.B) {
	vm := goja.New()
	if err := Enable(vm); err != nil {
		b.Fatal(err)
	}
	handler, _ := goja.AssertFunction(mustRun(b, vm, `(req) => new Response("hello " + req.method, {headers: {"x-a": "1"}})`))
	header := map[string][]string{"Accept": {"*/*"}, "User-Agent": {"bench"}}
	b.ReportAllocs()
	for b.Loop() {
		req, err := NewRequest(vm, "GET", "http://localhost/x", header, nil)
		if err != nil {
			b.Fatal(err)
		}
		res, err := handler(goja.Undefined(), req)
		if err != nil {
			b.Fatal(err)
		}
		if _, ok := AsResponse(vm, res); !ok {
			b.Fatal("not a response")
		}
	}
}
