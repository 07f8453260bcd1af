package web

import (
	"testing"

	"github.com/dop251/goja"
)

func BenchmarkMicro(b *testing.B) {
	for _, c := range []struct{ name, src string }{
		{"noop", `(() => 1)`},
		{"callOne", `function f(a) { return a; } (() => f(1))`},
		{"headersEmpty", `(() => new Headers())`},
		{"headersAppend", `(() => { const h = new Headers(); h.append("x-a", "1"); })`},
		{"headersSet", `(() => { const h = new Headers(); h.set("x-a", "1"); })`},
		{"headersArr", `(() => new Headers([["x-a", "1"]]))`},
		{"headersObj", `(() => new Headers({"x-a": "1"}))`},
		{"headersGet", `const h = new Headers({"x-a": "1"}); (() => h.get("x-a"))`},
		{"headersHas", `const h = new Headers({"x-a": "1"}); (() => h.has("x-a"))`},
		{"mapSetArr", `(() => { const m = new Map(); m.set("x-a", ["1"]); })`},
		{"symIter", `const o = {"x-a": "1"}; (() => typeof o[Symbol.iterator])`},
} {
		b.Run(c.name, func(b *testing.B) {
			vm := goja.New()
			if err := Enable(vm); err != nil {
				b.Fatal(err)
			}
			v, err := vm.RunString(c.src)
			if err != nil {
				b.Fatal(err)
			}
			f, _ := goja.AssertFunction(v)
			for b.Loop() {
				if _, err := f(goja.Undefined()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
