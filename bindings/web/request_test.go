package web

import (
	"net/http"
	"testing"
)

func TestRequestJS(t *testing.T) {
	runCases(t, []jsCase{
		{"defaults", `
			const r = new Request("http://example.test/a?b=1");
			return [r.url, r.method, [...r.headers], r.bodyUsed, r.signal.aborted, r.redirect, r.mode, r.credentials];`,
			`["http://example.test/a?b=1","GET",[],false,false,"follow","cors","same-origin"]`},
		{"url is serialized", `return new Request("HTTP://Example.TEST:80/a b").url;`,
			`"http://example.test/a%20b"`},
		{"URL object input", `return new Request(new URL("https://x.test/p")).url;`, `"https://x.test/p"`},
		{"standard methods are upper-cased, others kept", `
			return ["get", "post", "delete", "Options", "patch", "custom"].map((m) => new Request("http://x.test", {method: m}).method);`,
			`["GET","POST","DELETE","OPTIONS","patch","custom"]`},
		{"forbidden method", `new Request("http://x.test", {method: "CONNECT"});`,
			`throws TypeError: 'CONNECT' HTTP method is unsupported.`},
		{"relative url throws", `new Request("/relative");`,
			`throws TypeError: Failed to parse URL from /relative`},
		{"GET with body throws", `new Request("http://x.test", {body: "x"});`,
			`throws TypeError: Request with GET/HEAD method cannot have body.`},
		{"body readers resolve", `
			const mk = (body) => new Request("http://x.test", {method: "POST", body});
			const text = await mk("héllo").text();
			const json = await mk('{"a":[1]}').json();
			const ab = await mk("abc").arrayBuffer();
			const bytes = await mk("abc").bytes();
			const blob = await mk("abc").blob();
			return [text, json, ab instanceof ArrayBuffer, ab.byteLength, bytes instanceof Uint8Array, [...bytes], blob.type, await blob.text()];`,
			`["héllo",{"a":[1]},true,3,true,[97,98,99],"text/plain;charset=utf-8","abc"]`},
		{"readers return promises", `
			const r = new Request("http://x.test", {method: "POST", body: "x"});
			return ["text", "json", "arrayBuffer", "bytes", "blob", "formData"].map((m) => r.clone()[m]() instanceof Promise);`,
			`[true,true,true,true,true,true]`},
		{"body can be read once", `
			const r = new Request("http://x.test", {method: "POST", body: "x"});
			await r.text();
			return [r.bodyUsed, await r.text().catch((e) => e.name + ": " + e.message)];`,
			`[true,"TypeError: Body is unusable: Body has already been read"]`},
		{"null body reads as empty and stays unused", `
			const r = new Request("http://x.test");
			return [await r.text(), await r.text(), r.bodyUsed];`,
			`["","",false]`},
		{"json rejects on bad JSON", `
			return new Request("http://x.test", {method: "POST", body: "{"}).json().then(() => "ok", (e) => e.name);`,
			`"SyntaxError"`},
		{"clone copies body and headers", `
			const r = new Request("http://x.test", {method: "PUT", body: "data", headers: {a: "1"}});
			const c = r.clone();
			c.headers.set("a", "2");
			return [await r.text(), await c.text(), r.headers.get("a"), c.method, c.url];`,
			`["data","data","1","PUT","http://x.test/"]`},
		{"clone of used body throws", `
			const r = new Request("http://x.test", {method: "POST", body: "x"});
			await r.text();
			r.clone();`,
			`throws TypeError: Request.clone: Body has already been consumed.`},
		{"Request from Request takes its body", `
			const a = new Request("http://x.test", {method: "POST", body: "x", headers: {h: "v"}});
			const b = new Request(a, {headers: {other: "o"}});
			return [a.bodyUsed, await b.text(), b.method, [...b.headers]];`,
			`[true,"x","POST",[["other","o"]]]`},
		{"content-type from body unless given", `
			const r1 = new Request("http://x.test", {method: "POST", body: new URLSearchParams({a: "1"})});
			const r2 = new Request("http://x.test", {method: "POST", body: "x", headers: {"Content-Type": "text/csv"}});
			return [r1.headers.get("content-type"), await r1.text(), r2.headers.get("content-type")];`,
			`["application/x-www-form-urlencoded;charset=UTF-8","a=1","text/csv"]`},
		{"signal follows init.signal", `
			const c = new AbortController();
			const r = new Request("http://x.test", {signal: c.signal});
			c.abort("why");
			return [r.signal === c.signal, r.signal.aborted, r.signal.reason];`,
			`[false,true,"why"]`},
		{"toStringTag", `return Object.prototype.toString.call(new Request("http://x.test"));`, `"[object Request]"`},
	})
}

func TestNewRequest(t *testing.T) {
	vm := newVM(t)
	h := http.Header{"Content-Type": {"application/json"}, "X-Multi": {"a", "b"}, "Cookie": {"k=v"}}
	req, err := NewRequest(vm, "post", "http://localhost:3000/api/x?q=1", h, []byte(`{"n":1}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := vm.Set("req", req); err != nil {
		t.Fatal(err)
	}
	got := settle(t, vm, `
		return [req instanceof Request, req.method, req.url, req.headers.get("x-multi"), req.headers.get("COOKIE"),
			await req.json(), req.bodyUsed, req.signal.aborted];`)
	want := `[true,"POST","http://localhost:3000/api/x?q=1","a, b","k=v",{"n":1},true,false]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}

	noBody, err := NewRequest(vm, "GET", "http://h/", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := vm.Set("noBody", noBody); err != nil {
		t.Fatal(err)
	}
	if got := settle(t, vm, `return [await noBody.text(), noBody.bodyUsed, [...noBody.headers]];`); got != `["",false,[]]` {
		t.Errorf("no body: got %s", got)
	}
}
