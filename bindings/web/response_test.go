package web

import (
	"bytes"
	"net/http"
	"reflect"
	"strings"
	"testing"
)

func TestResponseJS(t *testing.T) {
	runCases(t, []jsCase{
		{"defaults", `
			const r = new Response();
			return [r.status, r.statusText, r.ok, r.type, r.url, r.redirected, [...r.headers], r.bodyUsed, await r.text()];`,
			`[200,"",true,"default","",false,[],false,""]`},
		{"init", `
			const r = new Response("x", {status: 404, statusText: "Nope", headers: [["X-A", "1"]]});
			return [r.status, r.statusText, r.ok, r.headers.get("x-a")];`,
			`[404,"Nope",false,"1"]`},
		{"content-type by body kind", `
			const ct = (body, init) => new Response(body, init).headers.get("content-type");
			return [
				ct("s"), ct(new URLSearchParams("a=1")), ct(new Blob(["x"], {type: "Image/PNG"})), ct(new Blob(["x"])),
				ct(new ArrayBuffer(1)), ct(new Uint8Array(1)), ct(new DataView(new ArrayBuffer(1))), ct(null), ct(undefined),
				ct("s", {headers: {"content-type": "text/html"}}), ct({}),
			];`,
			`["text/plain;charset=UTF-8","application/x-www-form-urlencoded;charset=UTF-8","image/png",null,null,null,null,null,null,"text/html","text/plain;charset=UTF-8"]`},
		{"object body is stringified", `return new Response({}).text();`, `"[object Object]"`},
		{"status out of range", `new Response("", {status: 600});`,
			`throws RangeError: init["status"] must be in the range of 200 to 599, inclusive.`},
		{"null body status with body", `new Response("x", {status: 204});`,
			`throws TypeError: Response constructor: Invalid response status code 204`},
		{"null body status without body", `return new Response(null, {status: 204}).status;`, `204`},
		{"bad statusText", `new Response("", {statusText: "a\nb"});`, `throws TypeError: Invalid statusText`},
		{"body readers", `
			const mk = () => new Response(new Uint8Array([104, 105]), {headers: {"content-type": "Text/Plain"}});
			const b = await mk().blob();
			return [await mk().text(), [...await mk().bytes()], (await mk().arrayBuffer()).byteLength, b.type, b.size, await mk().json().catch((e) => e.name)];`,
			`["hi",[104,105],2,"text/plain",2,"SyntaxError"]`},
		{"read twice rejects, clone before works", `
			const r = new Response("once");
			const c = r.clone();
			const first = await r.text();
			const again = await r.text().catch((e) => e.message);
			let cloneErr;
			try { r.clone(); } catch (e) { cloneErr = e.message; }
			return [first, await c.text(), again, cloneErr, r.bodyUsed];`,
			`["once","once","Body is unusable: Body has already been read","Response.clone: Body has already been consumed.",true]`},
		{"Response.json", `
			const r = Response.json({a: 1}, {status: 201, headers: {"x-y": "z"}});
			return [r.status, r.headers.get("content-type"), r.headers.get("x-y"), await r.json()];`,
			`[201,"application/json","z",{"a":1}]`},
		{"Response.json of undefined", `Response.json(undefined);`, `throws TypeError: Value is not JSON serializable`},
		{"Response.redirect", `
			const r = Response.redirect("https://x.test/next");
			const r2 = Response.redirect(new URL("http://y.test"), 307);
			return [r.status, r.headers.get("location"), r2.status, r2.headers.get("location")];`,
			`[302,"https://x.test/next",307,"http://y.test/"]`},
		{"Response.redirect bad status", `Response.redirect("http://x.test", 200);`, `throws RangeError: Invalid status code 200`},
		{"Response.error", `
			const r = Response.error();
			return [r.status, r.type, r.ok, r.statusText];`,
			`[0,"error",false,""]`},
		{"Blob body shares type and bytes", `
			const r = new Response(new Blob(["a", "b"], {type: "text/x"}));
			return [r.headers.get("content-type"), await r.text()];`,
			`["text/x","ab"]`},
		{"typed array body is copied at construction", `
			const u = new Uint8Array([1, 2, 3]);
			const r = new Response(u.subarray(1));
			u[1] = 9;
			return [...await r.bytes()];`,
			`[2,3]`},
		{"subclass", `
			class My extends Response { extra() { return this.status; } }
			const m = new My("x", {status: 201});
			return [m instanceof Response, m.extra(), await m.text()];`,
			`[true,201,"x"]`},
		{"string bodies are USVStrings: lone surrogates become U+FFFD, a BOM is dropped on read", `
			return [await new Response("a\ud800").text() === "a\ufffd", [...await new Response("\ud800").bytes()],
				(await new Response("\ufeffx").text()).length, (await new Response("\ufeffx").arrayBuffer()).byteLength];`,
			`[true,[239,191,189],1,4]`},
		{"getters reject foreign this", `
			try { Object.getOwnPropertyDescriptor(Response.prototype, "status").get.call({}); return "no throw"; }
			catch (e) { return e.name; }`,
			`"TypeError"`},
	})
}

func TestAsResponse(t *testing.T) {
	vm := newVM(t)
	cases := []struct {
		name string
		src  string
		want ResponseParts
	}{
		{"string", `new Response("héllo", {status: 201, statusText: "Made", headers: {"X-A": "1"}})`,
			ResponseParts{201, "Made", http.Header{"Content-Type": {"text/plain;charset=UTF-8"}, "X-A": {"1"}}, []byte("héllo"), nil}},
		{"null body", `new Response(null, {status: 204})`, ResponseParts{204, "", http.Header{}, nil, nil}},
		{"no body", `new Response()`, ResponseParts{200, "", http.Header{}, nil, nil}},
		{"empty string", `new Response("")`,
			ResponseParts{200, "", http.Header{"Content-Type": {"text/plain;charset=UTF-8"}}, []byte{}, nil}},
		{"ArrayBuffer", `new Response(new Uint8Array([1, 2, 3]).buffer)`, ResponseParts{200, "", http.Header{}, []byte{1, 2, 3}, nil}},
		{"typed array with offset", `new Response(new Uint8Array([0, 1, 2, 3, 4]).subarray(1, 3))`,
			ResponseParts{200, "", http.Header{}, []byte{1, 2}, nil}},
		{"Int16Array", `new Response(new Int16Array([258]))`, ResponseParts{200, "", http.Header{}, []byte{2, 1}, nil}},
		{"DataView with offset", `new Response(new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2))`,
			ResponseParts{200, "", http.Header{}, []byte{8, 7}, nil}},
		{"Blob", `new Response(new Blob(["ab", new Uint8Array([99])], {type: "text/x"}))`,
			ResponseParts{200, "", http.Header{"Content-Type": {"text/x"}}, []byte("abc"), nil}},
		{"Blob slice", `new Response(new Blob(["abcdef"]).slice(1, -1))`, ResponseParts{200, "", http.Header{}, []byte("bcde"), nil}},
		{"URLSearchParams", `new Response(new URLSearchParams({q: "a b", r: "é"}))`,
			ResponseParts{200, "", http.Header{"Content-Type": {"application/x-www-form-urlencoded;charset=UTF-8"}}, []byte("q=a+b&r=%C3%A9"), nil}},
		{"Response.json", `Response.json([1, "x"])`,
			ResponseParts{200, "", http.Header{"Content-Type": {"application/json"}}, []byte(`[1,"x"]`), nil}},
		{"non-ASCII string", `new Response("\u20ac\ud800")`,
			ResponseParts{200, "", http.Header{"Content-Type": {"text/plain;charset=UTF-8"}}, []byte("\u20ac\ufffd"), nil}},
		{"redirect", `Response.redirect("http://x.test/a", 301)`,
			ResponseParts{301, "", http.Header{"Location": {"http://x.test/a"}}, nil, nil}},
		{"error", `Response.error()`, ResponseParts{0, "", http.Header{}, nil, nil}},
		{"set-cookie values", `new Response(null, {headers: [["Set-Cookie", "a=1"], ["Set-Cookie", "b=2"]]})`,
			ResponseParts{200, "", http.Header{"Set-Cookie": {"a=1", "b=2"}}, nil, nil}},
		{"subclass", `new (class extends Response {})("s")`,
			ResponseParts{200, "", http.Header{"Content-Type": {"text/plain;charset=UTF-8"}}, []byte("s"), nil}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := AsResponse(vm, mustRun(t, vm, c.src))
			if !ok {
				t.Fatal("not a Response")
			}
			if got.Status != c.want.Status || got.StatusText != c.want.StatusText ||
				!reflect.DeepEqual(got.Header, c.want.Header) || !bytes.Equal(got.Body, c.want.Body) ||
				(got.Body == nil) != (c.want.Body == nil) {
				t.Errorf("got  %+v\nwant %+v", *got, c.want)
			}
		})
	}

	t.Run("FormData", func(t *testing.T) {
		got, ok := AsResponse(vm, mustRun(t, vm, `(() => { const f = new FormData(); f.append("a", "1"); return new Response(f); })()`))
		if !ok {
			t.Fatal("not a Response")
		}
		ct := got.Header.Get("Content-Type")
		if !strings.HasPrefix(ct, "multipart/form-data; boundary=") || !bytes.Contains(got.Body, []byte(`name="a"`)) {
			t.Errorf("got %q %q", ct, got.Body)
		}
	})

	t.Run("not responses", func(t *testing.T) {
		for _, src := range []string{`"x"`, `1`, `null`, `undefined`, `({status: 200, headers: {}})`,
			`Object.create(Response.prototype)`, `new Request("http://x.test")`, `Response`} {
			if _, ok := AsResponse(vm, mustRun(t, vm, src)); ok {
				t.Errorf("%s: reported as a Response", src)
			}
		}
		if _, ok := AsResponse(vm, nil); ok {
			t.Error("Go nil reported as a Response")
		}
	})

	t.Run("body is not affected by later JS", func(t *testing.T) {
		mustRun(t, vm, `var keep = new Uint8Array([1, 2]); var resp = new Response(keep);`)
		got, _ := AsResponse(vm, vm.Get("resp"))
		mustRun(t, vm, `keep[0] = 7; resp.text();`)
		if !bytes.Equal(got.Body, []byte{1, 2}) {
			t.Errorf("body changed: %v", got.Body)
		}
	})
}
