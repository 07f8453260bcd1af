package web

import (
	"bytes"
	"testing"

	"github.com/dop251/goja"
	"github.com/evanw/esbuild/pkg/api"
)

// drainJS reads a reader to its end: drain(reader) resolves with the chunks it read.
const drainJS = `
	const drain = async (reader) => {
		const out = [];
		for (;;) {
			const { value, done } = await reader.read();
			if (done) return out;
			out.push(value instanceof Uint8Array ? [...value] : value);
		}
	};
	const ticks = async (n) => { for (let i = 0; i < n; i++) await null; };`

func TestReadableStreamJS(t *testing.T) {
	cases := []jsCase{
		{"enqueue, read in order, close", `
			const s = new ReadableStream({ start(c) { c.enqueue("a"); c.enqueue("b"); c.close(); } });
			const r = s.getReader();
			return [await drain(r), s.locked, await r.closed, await r.read()];`,
			`[["a","b"],true,null,{"done":true}]`},
		{"reads waiting for chunks are served in order", `
			let ctl;
			const s = new ReadableStream({ start(c) { ctl = c; } });
			const r = s.getReader();
			const p1 = r.read(), p2 = r.read();
			ctl.enqueue(1);
			ctl.enqueue(2);
			ctl.close();
			return [await p1, await p2, await r.read()];`,
			`[{"value":1,"done":false},{"value":2,"done":false},{"done":true}]`},
		{"error rejects reads and closed, drops the queue", `
			const s = new ReadableStream({ start(c) { c.enqueue(1); c.error(new Error("boom")); } });
			const r = s.getReader();
			return [await r.read().catch((e) => e.message), await r.closed.catch((e) => "closed: " + e.message)];`,
			`["boom","closed: boom"]`},
		{"start that throws makes the constructor throw", `
			new ReadableStream({ start() { throw new RangeError("no start"); } });`,
			`throws RangeError: no start`},
		{"pull rejection errors the stream", `
			const s = new ReadableStream({ pull() { return Promise.reject(new TypeError("no pull")); } });
			return await s.getReader().read().catch((e) => e.name + ": " + e.message);`,
			`"TypeError: no pull"`},
		{"cancel runs the source's cancel and closes", `
			let reason;
			const s = new ReadableStream({ start(c) { c.enqueue(1); }, cancel(r) { reason = r; } });
			const res = await s.cancel("bye");
			const r = s.getReader();
			return [res === undefined, reason, await r.read(), s.locked];`,
			`[true,"bye",{"done":true},true]`},
		{"cancel of a locked stream rejects; reader.cancel works", `
			let reason;
			const s = new ReadableStream({ cancel(r) { reason = r; } });
			const r = s.getReader();
			const locked = await s.cancel().catch((e) => e.name);
			await r.cancel("why");
			return [locked, reason, await r.read()];`,
			`["TypeError","why",{"done":true}]`},
		{"releaseLock unlocks and rejects closed", `
			const s = new ReadableStream();
			const r = s.getReader();
			let second;
			try { s.getReader(); } catch (e) { second = e.name; }
			r.releaseLock();
			return [second, s.locked, await r.closed.catch((e) => e.name), await r.read().catch((e) => e.name), s.getReader() !== r];`,
			`["TypeError",false,"TypeError","TypeError",true]`},
		{"pull is called up to the high-water mark, then per read", `
			let pulls = 0, i = 0;
			const s = new ReadableStream({ pull(c) { pulls++; c.enqueue(i++); } }, { highWaterMark: 3 });
			await ticks(10);
			const before = pulls;
			const r = s.getReader();
			const first = await r.read();
			await ticks(10);
			return [before, first.value, pulls];`,
			`[3,0,4]`},
		{"a slow pull is not called again until it settles", `
			let pulls = 0, resolvePull;
			const s = new ReadableStream({ pull(c) { pulls++; c.enqueue(pulls); return new Promise((res) => { resolvePull = res; }); } }, { highWaterMark: 5 });
			await ticks(10);
			const stalled = pulls;
			resolvePull();
			await ticks(10);
			return [stalled, pulls];`,
			`[1,2]`},
		{"desiredSize and strategies", `
			let ctl;
			const s = new ReadableStream({ start(c) { ctl = c; } }, { highWaterMark: 2 });
			const d = [ctl.desiredSize];
			ctl.enqueue("x");
			d.push(ctl.desiredSize);
			ctl.enqueue("y");
			ctl.enqueue("z");
			d.push(ctl.desiredSize);
			ctl.close();
			d.push(ctl.desiredSize);
			await drain(s.getReader());
			d.push(ctl.desiredSize);
			let bytesCtl;
			new ReadableStream({ start(c) { bytesCtl = c; } }, new ByteLengthQueuingStrategy({ highWaterMark: 10 }));
			bytesCtl.enqueue(new Uint8Array(4));
			d.push(bytesCtl.desiredSize, new CountQueuingStrategy({ highWaterMark: 7 }).highWaterMark);
			return d;`,
			`[2,1,-1,-1,0,6,7]`},
		{"enqueue after close throws", `
			let ctl;
			new ReadableStream({ start(c) { ctl = c; } });
			ctl.close();
			ctl.enqueue(1);`,
			`throws TypeError: Invalid state: Controller is already closed`},
		{"bad arguments", `
			const out = [];
			for (const f of [() => new ReadableStream({ pull: 1 }), () => new ReadableStream({}, { highWaterMark: -1 }),
				() => new ReadableStream({ type: "nope" }), () => new ReadableStream().getReader({ mode: "byob" }),
				() => new ReadableStreamDefaultReader({}), () => new ReadableStreamDefaultController()]) {
				try { f(); out.push("no throw"); } catch (e) { out.push(e.name); }
			}
			return out;`,
			`["TypeError","RangeError","TypeError","TypeError","TypeError","TypeError"]`},
		{"type bytes behaves as a default stream", `
			const s = new ReadableStream({ type: "bytes", start(c) { c.enqueue(new Uint8Array([1, 2])); c.close(); } });
			return await drain(s.getReader());`,
			`[[1,2]]`},
		{"async iteration", `
			const s = ReadableStream.from(["a", Promise.resolve("b"), "c"]);
			const it = s[Symbol.asyncIterator]();
			const out = [];
			for (;;) {
				const { value, done } = await it.next();
				if (done) break;
				out.push(value);
			}
			return [out, Symbol.asyncIterator === Symbol.for("Symbol.asyncIterator"), it[Symbol.asyncIterator]() === it, s.locked];`,
			`[["a","b","c"],true,true,false]`},
		{"async iterator return cancels unless preventCancel", `
			const mk = (log) => new ReadableStream({ pull(c) { c.enqueue(1); }, cancel(r) { log.push("cancel " + r); } });
			const log1 = [], log2 = [];
			const s1 = mk(log1), s2 = mk(log2);
			const it1 = s1.values();
			await it1.next();
			const ret = await it1.return("stop");
			const it2 = s2.values({ preventCancel: true });
			await it2.next();
			await it2.return();
			return [ret, log1, log2, s1.locked, s2.locked, await it1.next()];`,
			`[{"value":"stop","done":true},["cancel stop"],[],false,false,{"done":true}]`},
		{"ReadableStream.from an async iterable", `
			const iterable = { [Symbol.asyncIterator]() { let i = 0; return { next: async () => i < 2 ? { value: i++, done: false } : { done: true } }; } };
			return await drain(ReadableStream.from(iterable).getReader());`,
			`[0,1]`},
		{"ReadableStream.from a non-iterable", `ReadableStream.from(5);`, `throws TypeError: ReadableStream.from: Argument 1 is not iterable`},
		{"tee", `
			const [a, b] = ReadableStream.from(["x", "y"]).tee();
			return [await drain(a.getReader()), await drain(b.getReader())];`,
			`[["x","y"],["x","y"]]`},
		{"tee cancels the source once both branches cancel", `
			let reason;
			const src = new ReadableStream({ cancel(r) { reason = r; } });
			const [a, b] = src.tee();
			const first = a.cancel("one"); // settles once both branches are cancelled
			await ticks(5);
			const early = reason;
			await b.cancel("two");
			await first;
			return [early === undefined, reason];`,
			`[true,["one","two"]]`},
		{"Blob.stream", `return await drain(new Blob(["hi"]).stream().getReader());`, `[[104,105]]`},
	}
	for i := range cases {
		cases[i].body = drainJS + cases[i].body
	}
	runCases(t, cases)
}

func TestBodyStreamJS(t *testing.T) {
	cases := []jsCase{
		{"Response(stream).text reads to the end", `
			const s = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode("hé")); c.enqueue("llo"); c.close(); } });
			const r = new Response(s);
			const same = r.body === s;
			const before = r.bodyUsed;
			const text = await r.text();
			return [same, before, text, r.bodyUsed, s.locked, await r.text().catch((e) => e.message), r.headers.get("content-type")];`,
			`[true,false,"héllo",true,true,"Body is unusable: Body has already been read",null]`},
		{"json, bytes and arrayBuffer of a stream body", `
			const mk = (...chunks) => new Response(ReadableStream.from(chunks.map((c) => new TextEncoder().encode(c))));
			return [await mk('{"a":', "[1]}").json(), [...await mk("a", "b").bytes()], (await mk("abc", "de").arrayBuffer()).byteLength,
				await (await mk("x").blob()).text()];`,
			`[{"a":[1]},[97,98],5,"x"]`},
		{"chunks arriving later", `
			let ctl;
			const r = new Response(new ReadableStream({ start(c) { ctl = c; } }));
			const p = r.text();
			ctl.enqueue("a");
			await ticks(3);
			ctl.enqueue(new Uint8Array([98]).buffer);
			ctl.close();
			return await p;`,
			`"ab"`},
		{"an erroring stream rejects text()", `
			const r = new Response(new ReadableStream({ pull(c) { c.error(new Error("broken")); } }));
			return await r.text().catch((e) => e.message);`,
			`"broken"`},
		{"a chunk that is not bytes rejects text()", `
			const r = new Response(ReadableStream.from([1]));
			return await r.text().catch((e) => e.name + ": " + e.message);`,
			`"TypeError: Received non-Uint8Array chunk"`},
		{"a locked or disturbed stream cannot be a body", `
			const s = new ReadableStream();
			s.getReader();
			new Response(s);`,
			`throws TypeError: Response body object should not be disturbed or locked`},
		{"a stream body with a null-body status throws", `new Response(new ReadableStream(), { status: 204 });`,
			`throws TypeError: Response constructor: Invalid response status code 204`},
		{"body of an in-memory body is made once and streams a copy", `
			const r = new Response("abc");
			const b = r.body;
			const chunks = await drain(b.getReader());
			return [b === r.body, chunks, r.bodyUsed, await r.text().catch((e) => e.name), new Response(null).body, new Response().body];`,
			`[true,[[97,98,99]],true,"TypeError",null,null]`},
		{"an untouched body stream does not stop text()", `
			const r = new Response("abc");
			const b = r.body;
			const text = await r.text();
			return [text, r.bodyUsed, await b.getReader().read()];`,
			`["abc",true,{"done":true}]`},
		{"body after text() is closed", `
			const r = new Response("abc");
			await r.text();
			return [await r.body.getReader().read(), r.bodyUsed];`,
			`[{"done":true},true]`},
		{"Request.body", `
			const r = new Request("http://x.test", { method: "POST", body: "hi" });
			return [await drain(r.body.getReader()), new Request("http://x.test").body];`,
			`[[[104,105]],null]`},
		{"Request with a stream body, and new Request(request) takes it", `
			const a = new Request("http://x.test", { method: "POST", body: ReadableStream.from(["s"]), duplex: "half" });
			const b = new Request(a);
			return [a.bodyUsed, await b.text(), await a.text().catch((e) => e.name)];`,
			`[true,"s","TypeError"]`},
		{"clone of a stream body tees it", `
			const r = new Response(ReadableStream.from([new Uint8Array([1]), new Uint8Array([2])]));
			const c = r.clone();
			return [[...await r.bytes()], [...await c.bytes()]];`,
			`[[1,2],[1,2]]`},
		{"clone of a used stream body throws", `
			const r = new Response(ReadableStream.from(["x"]));
			await r.text();
			r.clone();`,
			`throws TypeError: Response.clone: Body has already been consumed.`},
		{"async iteration of a response body", `
			const it = new Response("xyz").body[Symbol.asyncIterator]();
			const first = await it.next();
			return [[...first.value], (await it.next()).done];`,
			`[[120,121,122],true]`},
	}
	for i := range cases {
		cases[i].body = drainJS + cases[i].body
	}
	runCases(t, cases)
}

// TestForAwaitLowered runs for-await the way user code arrives: lowered by esbuild for ES2017,
// which looks the iterator up through Symbol.asyncIterator.
func TestForAwaitLowered(t *testing.T) {
	src := `(async () => {
		const out = [];
		for await (const chunk of new Response("ab").body) out.push(chunk.length);
		let cancelled = "";
		const s = new ReadableStream({ pull(c) { c.enqueue("x"); }, cancel(r) { cancelled = "cancelled"; } });
		for await (const chunk of s) { out.push(chunk); break; }
		return JSON.stringify([out, cancelled, s.locked]);
	})()`
	res := api.Transform(src, api.TransformOptions{Target: api.ES2017, Loader: api.LoaderJS})
	if len(res.Errors) > 0 {
		t.Fatalf("esbuild: %v", res.Errors)
	}
	if bytes.Contains(res.Code, []byte("for await")) {
		t.Fatal("esbuild did not lower for-await")
	}
	vm := newVM(t)
	v := mustRun(t, vm, string(res.Code))
	p, ok := v.Export().(*goja.Promise)
	if !ok || p.State() != goja.PromiseStateFulfilled {
		t.Fatalf("not fulfilled: %v", v)
	}
	if got, want := p.Result().String(), `[[2,"x"],"cancelled",false]`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestNewRequestBodyStream(t *testing.T) {
	vm := newVM(t)
	req, err := NewRequest(vm, "POST", "http://h/", nil, []byte("abc"))
	if err != nil {
		t.Fatal(err)
	}
	if err := vm.Set("req", req); err != nil {
		t.Fatal(err)
	}
	got := settle(t, vm, drainJS+`
		const chunks = await drain(req.body.getReader());
		return [chunks, req.bodyUsed, await req.text().catch((e) => e.name)];`)
	if want := `[[[97,98,99]],true,"TypeError"]`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestAsResponseStream(t *testing.T) {
	vm := newVM(t)
	cases := []struct {
		name       string
		src        string
		body       string
		wantStream bool
	}{
		{"stream body", `new Response(new ReadableStream())`, "", true},
		{"bytes, body never asked for", `new Response("x")`, "x", false},
		{"bytes, body asked for but unread", `(() => { const r = new Response("x"); r.body; return r; })()`, "x", false},
		{"bytes, body being read", `(() => { const r = new Response("x"); r.body.getReader().read(); return r; })()`, "", true},
		{"bytes, already read by text()", `(() => { const r = new Response("x"); r.text(); return r; })()`, "x", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			parts, ok := AsResponse(vm, mustRun(t, vm, c.src))
			if !ok {
				t.Fatal("not a Response")
			}
			if (parts.Stream != nil) != c.wantStream || string(parts.Body) != c.body || (c.wantStream && parts.Body != nil) {
				t.Errorf("stream %v body %q; want stream %v body %q", parts.Stream != nil, parts.Body, c.wantStream, c.body)
			}
		})
	}
}

// readAllChunks drives ReadChunk to the end in a runtime without a loop: every chunk must be
// queued already.
func readAllChunks(t *testing.T, vm *goja.Runtime, stream *goja.Object) (chunks []string, err error) {
	t.Helper()
	for i := 0; i < 100; i++ {
		called, done := false, false
		ReadChunk(vm, stream, func(data []byte, d bool, e error) {
			called, done, err = true, d, e
			if data != nil {
				chunks = append(chunks, string(data))
			}
		})
		if !called {
			t.Fatal("ReadChunk did not answer for a queued chunk")
		}
		if done || err != nil {
			return chunks, err
		}
	}
	t.Fatal("stream never ended")
	return nil, nil
}

func TestReadChunkQueued(t *testing.T) {
	vm := newVM(t)
	s := mustRun(t, vm, `new ReadableStream({ start(c) {
		c.enqueue("h\u00e9"); c.enqueue(new Uint8Array([0, 65, 66, 0]).subarray(1, 3)); c.enqueue(new Uint16Array([0x4443]).buffer);
		c.enqueue(new DataView(new Uint8Array([69]).buffer)); c.enqueue("\ud800"); c.close(); } })`).ToObject(vm)
	chunks, err := readAllChunks(t, vm, s)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"hé", "AB", "CD", "E", "\uFFFD"}
	if len(chunks) != len(want) {
		t.Fatalf("chunks %q, want %q", chunks, want)
	}
	for i := range want {
		if chunks[i] != want[i] {
			t.Errorf("chunk %d: %q, want %q", i, chunks[i], want[i])
		}
	}
	locked, _ := goja.AssertFunction(mustRun(t, vm, `(s) => s.locked`))
	if v, _ := locked(goja.Undefined(), s); !v.ToBoolean() {
		t.Error("the stream is not locked to Go")
	}
}

func TestReadChunkErrors(t *testing.T) {
	vm := newVM(t)
	t.Run("errored stream", func(t *testing.T) {
		s := mustRun(t, vm, `new ReadableStream({ start(c) { c.error(new RangeError("bad")); } })`).ToObject(vm)
		_, err := readAllChunks(t, vm, s)
		if err == nil || err.Error() != "web: readable stream errored: RangeError: bad" {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("chunk that is not bytes cancels the stream", func(t *testing.T) {
		mustRun(t, vm, `var cancelReason; var numbers = new ReadableStream({ start(c) { c.enqueue(42); }, cancel(r) { cancelReason = r.name; } });`)
		_, err := readAllChunks(t, vm, vm.Get("numbers").ToObject(vm))
		if err == nil || err.Error() != "web: readable stream chunk is a number, not bytes or a string" {
			t.Errorf("err = %v", err)
		}
		if got := vm.Get("cancelReason").String(); got != "TypeError" {
			t.Errorf("cancel reason %s", got)
		}
	})
	t.Run("locked by JavaScript", func(t *testing.T) {
		s := mustRun(t, vm, `(() => { const s = new ReadableStream(); s.getReader(); return s; })()`).ToObject(vm)
		_, err := readAllChunks(t, vm, s)
		if err == nil {
			t.Error("no error")
		}
	})
	t.Run("not a stream", func(t *testing.T) {
		_, err := readAllChunks(t, vm, vm.NewObject())
		if err == nil {
			t.Error("no error")
		}
	})
}

func TestCancelStream(t *testing.T) {
	vm := newVM(t)
	mustRun(t, vm, `var reason; var s = new ReadableStream({ pull(c) { c.enqueue("x"); }, cancel(r) { reason = r; } }, { highWaterMark: 0 });`)
	s := vm.Get("s").ToObject(vm)
	var first string
	ReadChunk(vm, s, func(data []byte, _ bool, _ error) { first = string(data) })
	CancelStream(vm, s, "client gone")
	if got := vm.Get("reason").String(); first != "x" || got != "client gone" {
		t.Errorf("first chunk %q, reason %q", first, got)
	}
	chunks, err := readAllChunks(t, vm, s)
	if err != nil || len(chunks) != 0 {
		t.Errorf("after cancel: %q %v", chunks, err)
	}
	CancelStream(vm, s, "again") // a closed stream is left alone
}
