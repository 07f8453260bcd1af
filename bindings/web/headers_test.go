package web

import (
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestHeadersJS(t *testing.T) {
	runCases(t, []jsCase{
		{"get is case-insensitive", `
			const h = new Headers({"Content-Type": "text/html"});
			return [h.get("content-type"), h.get("CONTENT-TYPE"), h.has("Content-type"), h.get("missing")];`,
			`["text/html","text/html",true,null]`},
		{"append combines with comma", `
			const h = new Headers();
			h.append("Accept", "a"); h.append("accept", "b");
			return h.get("ACCEPT");`,
			`"a, b"`},
		{"set replaces, delete removes", `
			const h = new Headers([["X-A", "1"], ["x-a", "2"]]);
			h.set("X-a", "3");
			const after = h.get("x-a");
			h.delete("X-A");
			return [after, h.has("x-a")];`,
			`["3",false]`},
		{"iteration is sorted, lower-cased, combined", `
			const h = new Headers();
			h.append("Zeta", "z"); h.append("alpha", "1"); h.append("Alpha", "2"); h.append("Mid", "m");
			return [[...h], [...h.keys()], [...h.values()], [...h.entries()].length];`,
			`[[["alpha","1, 2"],["mid","m"],["zeta","z"]],["alpha","mid","zeta"],["1, 2","m","z"],3]`},
		{"set-cookie stays separate", `
			const h = new Headers();
			h.append("Set-Cookie", "a=1"); h.append("set-cookie", "b=2"); h.append("X", "y");
			return [h.getSetCookie(), h.get("set-cookie"), [...h]];`,
			`[["a=1","b=2"],"a=1, b=2",[["set-cookie","a=1"],["set-cookie","b=2"],["x","y"]]]`},
		{"forEach gets value, name, headers", `
			const h = new Headers({b: "2", a: "1"});
			const seen = [];
			h.forEach(function (v, k, self) { seen.push(k + "=" + v, self === h, this.tag); }, {tag: "t"});
			return seen;`,
			`["a=1",true,"t","b=2",true,"t"]`},
		{"values are trimmed of HTTP whitespace", `
			return new Headers({a: " \t v w \r\n"}).get("a");`,
			`"v w"`},
		{"init from Headers, Map and object", `
			const base = new Headers({a: "1"}); base.append("set-cookie", "x"); base.append("set-cookie", "y");
			const copy = new Headers(base);
			base.set("a", "changed");
			return [[...copy], [...new Headers(new Map([["k", "v"]]))], [...new Headers({n: 5})]];`,
			`[[["a","1"],["set-cookie","x"],["set-cookie","y"]],[["k","v"]],[["n","5"]]]`},
		{"invalid name throws TypeError", `new Headers({"bad name": "x"});`,
			`throws TypeError: Headers.append: "bad name" is an invalid header name.`},
		{"invalid value throws TypeError", `new Headers().set("a", "x\ny");`,
			"throws TypeError: Headers.set: \"x\ny\" is an invalid header value."},
		{"pair of wrong length throws", `new Headers([["a", "1", "2"]]);`,
			`throws TypeError: Headers constructor: expected name/value pair to be length 2, found 3.`},
		{"get with invalid name throws", `new Headers().get("a:b");`,
			`throws TypeError: Headers.get: "a:b" is an invalid header name.`},
		{"toStringTag and iterator", `
			const h = new Headers({a: "1"});
			const it = h.entries();
			return [Object.prototype.toString.call(h), Object.prototype.toString.call(it), it[Symbol.iterator]() === it, it.next(), it.next()];`,
			`["[object Headers]","[object Headers Iterator]",true,{"value":["a","1"],"done":false},{"done":true}]`},
		{"Headers are ordinary objects: expandos and subclass fields work in strict code", `
			"use strict";
			const h = new Headers({a: "1"});
			h.extra = 5;
			class Mine extends Headers { tag = "t"; #n = 2; n() { return this.#n; } }
			const m = new Mine([["b", "2"]]);
			return [h.extra, m.tag, m.n(), m.get("b"), m instanceof Headers, Object.keys(h), JSON.stringify(h)];`,
			`[5,"t",2,"2",true,["extra"],"{\"extra\":5}"]`},
		{"methods refuse foreign this", `Headers.prototype.get.call({}, "a");`,
			`throws TypeError: Illegal invocation: this is not a Headers`},
		{"Response.error headers are immutable", `Response.error().headers.set("a", "b");`,
			`throws TypeError: immutable`},
	})
}

func TestHeaderFromGo(t *testing.T) {
	vm := newVM(t)
	cases := []struct {
		name string
		src  string
		want http.Header
	}{
		{"undefined", `undefined`, http.Header{}},
		{"null", `null`, http.Header{}},
		{"object", `({"content-type": "text/plain", "X-Num": 1})`,
			http.Header{"Content-Type": {"text/plain"}, "X-Num": {"1"}}},
		{"pairs", `[["set-cookie", "a=1"], ["Set-Cookie", "b=2"], ["accept", "x"]]`,
			http.Header{"Set-Cookie": {"a=1", "b=2"}, "Accept": {"x"}}},
		{"Headers", `(() => { const h = new Headers(); h.append("Vary", "a"); h.append("vary", "b"); return h; })()`,
			http.Header{"Vary": {"a, b"}}}, // one line, as Node sends it
		{"Headers set-cookie", `(() => { const h = new Headers(); h.append("set-cookie", "a=1"); h.append("Set-Cookie", "b=2"); return h; })()`,
			http.Header{"Set-Cookie": {"a=1", "b=2"}}},
		{"Map", `new Map([["x-y", "z"]])`, http.Header{"X-Y": {"z"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h, err := Header(vm, mustRun(t, vm, c.src))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(h, c.want) {
				t.Errorf("got %v, want %v", h, c.want)
			}
		})
	}
	if h, err := Header(vm, nil); err != nil || len(h) != 0 {
		t.Errorf("Go nil: got %v, %v", h, err)
	}
	for _, bad := range []string{`({"a b": "c"})`, `[["a"]]`, `"a: b"`, `42`} {
		if _, err := Header(vm, mustRun(t, vm, bad)); err == nil || !strings.Contains(err.Error(), "TypeError") {
			t.Errorf("Header(%s): want a TypeError, got %v", bad, err)
		}
	}
}
