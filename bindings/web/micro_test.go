package web

import (
	"testing"

	"github.com/dop251/goja"
)

func BenchmarkMicro(b *testing.B) {
	for _, c := range []struct{ name, src string }{
		{"emptyClass", `class E { #a = 1; #b = 2; }; (() => new E())`},
		{"headersEmpty", `(() => new Headers())`},
		{"headersObj", `(() => new Headers({"x-a": "1"}))`},
		{"responseNull", `(() => new Response())`},
		{"responseStr", `(() => new Response("hello"))`},
		{"responseStrHdr", `(() => new Response("hello", {headers: {"x-a": "1"}}))`},
		{"regexTest", `(() => /^[!#$%&'*+\-.^_` + "`" + `|~0-9A-Za-z]+$/.test("content-type"))`},
		{"utf8Encode", `(() => new TextEncoder().encode("hello"))`},
		{"regexConstTest", `const re = /^[!#$%&'*+\-.^_` + "`" + `|~0-9A-Za-z]+$/; (() => re.test("content-type"))`},
		{"replaceTrim", `const re = /^[\t\n\r ]+|[\t\n\r ]+$/g; (() => "text/plain".replace(re, ""))`},
		{"loopToken", `const ok = new Uint8Array(128); for (const c of "!#$%&'*+-.^_|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ` + "`" + `") ok[c.charCodeAt(0)] = 1;
			function tok(s) { if (s.length === 0) return false; for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c > 127 || ok[c] === 0) return false; } return true; }
			(() => tok("content-type"))`},
		{"toLower", `(() => "Content-Type".toLowerCase())`},
		{"mapNew", `(() => new Map())`},
		{"objLit", `(() => ({bytes: null, used: false}))`},
		{"objectKeysForOf", `const o = {"x-a": "1"}; (() => { for (const k of Object.keys(o)) {} })`},
		{"objectKeysIdx", `const o = {"x-a": "1"}; (() => { const ks = Object.keys(o); for (let i = 0; i < ks.length; i++) {} })`},
		{"forIn", `const o = {"x-a": "1"}; (() => { for (const k in o) {} })`},
		{"abortSignal", `(() => new AbortController())`},
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
