package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/eventloop"
)

// testLoop adapts goja_nodejs's event loop to Loop.
type testLoop struct {
	*eventloop.EventLoop
	ctx context.Context // nil: no Context method in effect (see ctxLoop)
}

func (l *testLoop) Run(fn func(vm *goja.Runtime)) bool { return l.RunOnLoop(fn) }

// ctxLoop is a testLoop whose end is announced through Context.
type ctxLoop struct{ *testLoop }

func (l ctxLoop) Context() context.Context { return l.ctx }

// startLoop runs an event loop with the web globals, fetch (on client, nil for the default)
// and `base` set to the server's URL.
func startLoop(t *testing.T, loop Loop, l *testLoop, client *http.Client, base string) {
	t.Helper()
	l.Start()
	t.Cleanup(l.Terminate)
	errc := make(chan error, 1)
	l.RunOnLoop(func(vm *goja.Runtime) {
		if err := EnableFetch(vm, loop, client); err != nil {
			errc <- err
			return
		}
		errc <- vm.Set("base", base)
	})
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
}

func newTestLoop(t *testing.T, client *http.Client, base string) *testLoop {
	l := &testLoop{EventLoop: eventloop.NewEventLoop(eventloop.EnableConsole(false))}
	startLoop(t, l, l, client, base)
	return l
}

// eval runs body as an async function on the loop and waits (bounded) for its result:
// JSON.stringify of the value, or "throws Name: message" for a rejection.
func (l *testLoop) eval(t *testing.T, body string) string {
	t.Helper()
	res := make(chan string, 1)
	l.RunOnLoop(func(vm *goja.Runtime) {
		_ = vm.Set("__done", func(s string) { res <- s })
		_, err := vm.RunString(`(async () => {` + body + "\n})().then(" +
			`(v) => __done(v === undefined ? "undefined" : JSON.stringify(v)),` +
			`(e) => __done("throws " + (e && e.name) + ": " + (e && e.message)))`)
		if err != nil {
			res <- "run error: " + err.Error()
		}
	})
	select {
	case r := <-res:
		return r
	case <-time.After(10 * time.Second):
		t.Fatalf("no result after 10 s\n%s", body)
		return ""
	}
}

// loopRun evaluates src on the loop goroutine, where t.Fatal must not be called.
func loopRun(t *testing.T, vm *goja.Runtime, src string) goja.Value {
	t.Helper()
	v, err := vm.RunString(src)
	if err != nil {
		t.Errorf("run %q: %v", src, err)
		return goja.Undefined()
	}
	return v
}

// onLoop runs fn on the loop and waits for it.
func (l *testLoop) onLoop(t *testing.T, fn func(vm *goja.Runtime)) {
	t.Helper()
	done := make(chan struct{})
	l.RunOnLoop(func(vm *goja.Runtime) {
		defer close(done)
		fn(vm)
	})
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("loop job did not run")
	}
}

// testServer is the peer of the fetch tests. Handlers that wait do so for at most 5 s.
type testServer struct {
	*httptest.Server
	blockHits atomic.Int32
	started   chan struct{} // /block and /stream: the handler is running (capacity 16)
	cancelled chan struct{} // /block and /stream: the handler saw the client go (capacity 16)
	release   chan struct{} // /stream: write the second chunk
}

func newTestServer(t *testing.T) *testServer {
	s := &testServer{started: make(chan struct{}, 16), cancelled: make(chan struct{}, 16), release: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, "hello")
	})
	mux.HandleFunc("/json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"a":[1,2]}`)
	})
	mux.HandleFunc("/echo", func(w http.ResponseWriter, r *http.Request) {
		out := map[string]any{"method": r.Method, "contentType": r.Header.Get("Content-Type"), "length": r.ContentLength}
		if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
			if err := r.ParseMultipartForm(1 << 20); err != nil {
				http.Error(w, err.Error(), 400)
				return
			}
			var fields []string
			for name, values := range r.MultipartForm.Value {
				fields = append(fields, name+"="+strings.Join(values, ","))
			}
			for name, files := range r.MultipartForm.File {
				f, _ := files[0].Open()
				b, _ := io.ReadAll(f)
				fields = append(fields, fmt.Sprintf("%s=%s(%s):%s", name, files[0].Filename, files[0].Header.Get("Content-Type"), b))
			}
			sort.Strings(fields)
			out["form"] = fields
		} else {
			b, _ := io.ReadAll(r.Body)
			out["body"] = string(b)
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
	})
	mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Set-Cookie", "a=1")
		w.Header().Add("Set-Cookie", "b=2")
		w.Header().Set("X-Res", "yes")
		json.NewEncoder(w).Encode(map[string]string{
			"x-req": r.Header.Get("X-Req"), "user-agent": r.Header.Get("User-Agent"),
			"accept": r.Header.Get("Accept"), "host": r.Host,
		})
	})
	mux.HandleFunc("/redirect", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/text", http.StatusFound)
	})
	mux.HandleFunc("/redirect307", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/echo", http.StatusTemporaryRedirect)
	})
	mux.HandleFunc("/status/{code}", func(w http.ResponseWriter, r *http.Request) {
		var code int
		fmt.Sscan(r.PathValue("code"), &code)
		w.WriteHeader(code)
	})
	mux.HandleFunc("/block", func(w http.ResponseWriter, r *http.Request) {
		s.blockHits.Add(1)
		s.started <- struct{}{}
		select {
		case <-r.Context().Done():
			s.cancelled <- struct{}{}
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/truncated", func(w http.ResponseWriter, r *http.Request) {
		// Promise 100 bytes, send 5, hang up.
		conn, buf, err := http.NewResponseController(w).Hijack()
		if err != nil {
			return
		}
		buf.WriteString("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort")
		buf.Flush()
		conn.Close()
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(300 * time.Millisecond)
		io.WriteString(w, "slow")
	})
	mux.HandleFunc("/stream", func(w http.ResponseWriter, r *http.Request) {
		s.started <- struct{}{}
		io.WriteString(w, "one")
		w.(http.Flusher).Flush()
		select {
		case <-s.release:
		case <-r.Context().Done():
			s.cancelled <- struct{}{}
			return
		case <-time.After(5 * time.Second):
			return
		}
		io.WriteString(w, "two")
		w.(http.Flusher).Flush()
	})
	s.Server = httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// waitFor waits (bounded) for a signal on c.
func waitFor(t *testing.T, c chan struct{}, what string) {
	t.Helper()
	select {
	case <-c:
	case <-time.After(5 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
}

func TestFetchGet(t *testing.T) {
	srv := newTestServer(t)
	l := newTestLoop(t, nil, srv.URL)
	got := l.eval(t, `
		const r = await fetch(base + "/text");
		const j = await fetch(new URL("/json", base));
		return [r.status, r.statusText, r.ok, r.url === base + "/text", r.redirected, r.type, r.headers.get("content-type"),
			r.body instanceof ReadableStream, await r.text(), r.bodyUsed, await j.json()];`)
	want := `[200,"OK",true,true,false,"basic","text/plain; charset=utf-8",true,"hello",true,{"a":[1,2]}]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	got = l.eval(t, `
		const r = await fetch(base + "/text");
		const b = await (await fetch(base + "/text")).blob();
		const c = (await fetch(base + "/text")).clone();
		return [[...await r.bytes()].length, (await (await fetch(base + "/json")).arrayBuffer()).byteLength, b.type, await b.text(),
			await c.text(), (await fetch(new Request(base + "/text"))).status];`)
	want = `[5,11,"text/plain; charset=utf-8","hello","hello",200]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFetchStatuses(t *testing.T) {
	srv := newTestServer(t)
	l := newTestLoop(t, nil, srv.URL)
	got := l.eval(t, `
		const out = [];
		for (const code of [201, 204, 304, 404, 500]) {
			const r = await fetch(base + "/status/" + code);
			out.push([r.status, r.statusText, r.ok, r.body === null]);
		}
		const head = await fetch(base + "/text", { method: "HEAD" });
		out.push([head.status, head.body, await head.text()]);
		return out;`)
	want := `[[201,"Created",true,false],[204,"No Content",true,true],[304,"Not Modified",false,true],` +
		`[404,"Not Found",false,false],[500,"Internal Server Error",false,false],[200,null,""]]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFetchPostBodies(t *testing.T) {
	srv := newTestServer(t)
	l := newTestLoop(t, nil, srv.URL)
	got := l.eval(t, `
		const echo = async (body, init = {}) => {
			const r = await fetch(base + "/echo", { method: "POST", body, ...init });
			const j = await r.json();
			return [j.method, j.contentType, j.body ?? j.form];
		};
		const form = new FormData();
		form.append("a", "1");
		form.append("f", new Blob(["file body"], { type: "text/x" }), "f.txt");
		return [
			await echo("text"),
			await echo(new Uint8Array([104, 105])),
			await echo(new Uint8Array([0, 104, 105, 0]).subarray(1, 3)),
			await echo(new Uint8Array([111, 107]).buffer),
			await echo(new DataView(new Uint8Array([100, 118]).buffer)),
			await echo(new URLSearchParams({ q: "a b" })),
			await echo(form),
			await echo(new Blob(["blob"], { type: "application/x-b" })),
			await echo(ReadableStream.from(["str", new Uint8Array([101, 97, 109])]), { duplex: "half" }),
			await echo("put", { method: "PUT", headers: { "content-type": "text/csv" } }),
			await echo(undefined, { method: "DELETE" }),
		];`)
	want := `[["POST","text/plain;charset=UTF-8","text"],["POST","","hi"],["POST","","hi"],["POST","","ok"],["POST","","dv"],` +
		`["POST","application/x-www-form-urlencoded;charset=UTF-8","q=a+b"],` +
		`["POST",null,["a=1","f=f.txt(text/x):file body"]],` +
		`["POST","application/x-b","blob"],["POST","","stream"],["PUT","text/csv","put"],["DELETE","",""]]`
	// The multipart content type carries a random boundary: compare its prefix separately.
	got = strings.Replace(got, `"multipart/form-data; boundary=`, `"@`, 1)
	if i := strings.Index(got, `"@`); i >= 0 {
		end := strings.Index(got[i+2:], `"`)
		got = got[:i] + "null" + got[i+2+end+1:]
	}
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFetchHeaders(t *testing.T) {
	srv := newTestServer(t)
	l := newTestLoop(t, nil, srv.URL)
	got := l.eval(t, `
		const r = await fetch(base + "/headers", { headers: { "X-Req": "sent", "User-Agent": "mine" } });
		const j = await r.json();
		let immutable;
		try { r.headers.set("x", "y"); } catch (e) { immutable = e.name; }
		const d = await (await fetch(base + "/headers", { headers: [["host", "other.test"]] })).json();
		return [j["x-req"], j["user-agent"], j.accept, r.headers.getSetCookie(), r.headers.get("x-res"), immutable,
			d["user-agent"], d.host];`)
	want := `["sent","mine","*/*",["a=1","b=2"],"yes","TypeError","node","other.test"]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFetchRedirects(t *testing.T) {
	srv := newTestServer(t)
	l := newTestLoop(t, nil, srv.URL)
	got := l.eval(t, `
		const f = await fetch(base + "/redirect");
		const m = await fetch(base + "/redirect", { redirect: "manual" });
		const e = await fetch(base + "/redirect", { redirect: "error" }).catch((e) => [e.name, e.message, e.cause.message]);
		const p = await (await fetch(base + "/redirect307", { method: "POST", body: "kept" })).json();
		return [[f.status, f.redirected, f.url === base + "/text", await f.text()],
			[m.status, m.redirected, m.headers.get("location"), m.url === base + "/redirect"], e, [p.method, p.body]];`)
	want := `[[200,true,true,"hello"],[302,false,"/text",true],["TypeError","fetch failed","unexpected redirect"],["POST","kept"]]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFetchErrors(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	l := newTestLoop(t, nil, closed)
	got := l.eval(t, `
		const e = await fetch(base + "/x").catch((e) => e);
		const scheme = await fetch("ftp://x.test/").catch((e) => [e.name, e.message, e.cause.message]);
		const file = await fetch("file:///etc/hostname").catch((e) => e.name);
		const relative = await fetch("/relative").catch((e) => e.name);
		const badInit = await fetch(base, { method: "GET", body: "x" }).catch((e) => e.name);
		return [e.name, e.message, e.cause instanceof Error, e.cause.code, /connection refused/.test(e.cause.message),
			scheme, file, relative, badInit];`)
	want := `["TypeError","fetch failed",true,"ECONNREFUSED",true,["TypeError","fetch failed","URL scheme \"ftp\" is not supported."],` +
		`"TypeError","TypeError","TypeError"]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFetchTruncatedBody(t *testing.T) {
	srv := newTestServer(t)
	l := newTestLoop(t, nil, srv.URL)
	got := l.eval(t, `
		const whole = await (await fetch(base + "/truncated")).text().catch((e) => [e.name, e.message, e.cause.message]);
		const reader = (await fetch(base + "/truncated")).body.getReader();
		const first = new TextDecoder().decode((await reader.read()).value);
		const next = await reader.read().catch((e) => [e.name, e.message, e.cause.message]);
		return [whole, first, next];`)
	if want := `[["TypeError","terminated","unexpected EOF"],"short",["TypeError","terminated","unexpected EOF"]]`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFetchDataURL(t *testing.T) {
	l := newTestLoop(t, nil, "")
	got := l.eval(t, `
		const a = await fetch("data:,a%20b");
		const b = await fetch("data:text/plain;charset=utf-8;base64,aMOp");
		const c = await fetch("data:;base64,AAE=");
		return [a.status, a.statusText, a.headers.get("content-type"), await a.text(),
			b.headers.get("content-type"), await b.text(), [...await c.bytes()], c.headers.get("content-type"),
			await fetch("data:;base64,!").catch((e) => e.message)];`)
	want := `[200,"OK","text/plain;charset=US-ASCII","a b","text/plain;charset=utf-8","hé",[0,1],"text/plain;charset=US-ASCII","fetch failed"]`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFetchAbort(t *testing.T) {
	srv := newTestServer(t)
	l := newTestLoop(t, nil, srv.URL)

	t.Run("before", func(t *testing.T) {
		got := l.eval(t, `
			const c = new AbortController();
			c.abort();
			const e = await fetch(base + "/block", { signal: c.signal }).catch((e) => e);
			const custom = await fetch(base + "/block", { signal: AbortSignal.abort("mine") }).catch((e) => e);
			return [e.name, e instanceof DOMException, e.message, custom];`)
		if want := `["AbortError",true,"This operation was aborted","mine"]`; got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
		if n := srv.blockHits.Load(); n != 0 {
			t.Errorf("the server saw %d requests", n)
		}
	})

	t.Run("during", func(t *testing.T) {
		res := make(chan string, 1)
		l.RunOnLoop(func(vm *goja.Runtime) {
			_ = vm.Set("__done", func(s string) { res <- s })
			loopRun(t, vm, `
				var controller = new AbortController();
				fetch(base + "/block", { signal: controller.signal }).then(
					() => __done("resolved"), (e) => __done(e.name));`)
		})
		waitFor(t, srv.started, "the request")
		l.RunOnLoop(func(vm *goja.Runtime) { loopRun(t, vm, `controller.abort()`) })
		select {
		case got := <-res:
			if got != "AbortError" {
				t.Errorf("fetch settled with %s", got)
			}
		case <-time.After(5 * time.Second):
			t.Fatal("fetch did not settle")
		}
		waitFor(t, srv.cancelled, "the server to see the cancel")
	})

	t.Run("timeout", func(t *testing.T) {
		start := time.Now()
		got := l.eval(t, `
			const e = await fetch(base + "/block", { signal: AbortSignal.timeout(100) }).catch((e) => e);
			return [e.name, e.message];`)
		if want := `["TimeoutError","The operation was aborted due to timeout"]`; got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
		if d := time.Since(start); d > 3*time.Second {
			t.Errorf("took %v", d)
		}
		waitFor(t, srv.started, "the request")
		waitFor(t, srv.cancelled, "the server to see the cancel")
	})

	t.Run("any", func(t *testing.T) {
		got := l.eval(t, `
			const c = new AbortController();
			const signal = AbortSignal.any([c.signal, AbortSignal.timeout(5000)]);
			setTimeout(() => c.abort(), 50);
			const e = await fetch(base + "/block", { signal }).catch((e) => e);
			return e.name;`)
		if got != `"AbortError"` {
			t.Errorf("got %s", got)
		}
		waitFor(t, srv.started, "the request")
		waitFor(t, srv.cancelled, "the server to see the cancel")
	})

	t.Run("while streaming the body", func(t *testing.T) {
		got := l.eval(t, `
			const c = new AbortController();
			const r = await fetch(base + "/stream", { signal: c.signal });
			const reader = r.body.getReader();
			const first = new TextDecoder().decode((await reader.read()).value);
			c.abort();
			const e = await reader.read().catch((e) => e.name);
			return [first, e];`)
		if want := `["one","AbortError"]`; got != want {
			t.Errorf("got  %s\nwant %s", got, want)
		}
		waitFor(t, srv.started, "the request")
		waitFor(t, srv.cancelled, "the server to see the cancel")
	})
}

func TestFetchStreamsBody(t *testing.T) {
	srv := newTestServer(t)
	l := newTestLoop(t, nil, srv.URL)
	l.onLoop(t, func(vm *goja.Runtime) {
		_ = vm.Set("release", func() { close(srv.release) })
	})
	// The first chunk is read while the server is still writing: it writes the second only
	// once JavaScript has the first.
	got := l.eval(t, `
		const r = await fetch(base + "/stream");
		const chunks = [];
		const reader = r.body.getReader();
		for (;;) {
			const { value, done } = await reader.read();
			if (done) break;
			chunks.push(new TextDecoder().decode(value));
			if (chunks.length === 1) release();
		}
		return [chunks, r.bodyUsed];`)
	if want := `[["one","two"],true]`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestFetchDoesNotBlockTheLoop(t *testing.T) {
	srv := newTestServer(t)
	l := newTestLoop(t, nil, srv.URL)
	got := l.eval(t, `
		let ticks = 0;
		const timer = setInterval(() => ticks++, 10);
		const text = await (await fetch(base + "/slow")).text();
		clearInterval(timer);
		return [text, ticks >= 10 ? "ticking" : "blocked: " + ticks];`)
	if want := `["slow","ticking"]`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestFetchProxy is the server's streaming path: a handler returns a fetch response and Go
// sends its body chunk by chunk with ReadChunk.
func TestFetchProxy(t *testing.T) {
	srv := newTestServer(t)
	l := newTestLoop(t, nil, srv.URL)
	chunks := make(chan string, 8)
	var read func(vm *goja.Runtime, stream *goja.Object)
	read = func(vm *goja.Runtime, stream *goja.Object) {
		ReadChunk(vm, stream, func(data []byte, done bool, err error) {
			switch {
			case err != nil:
				chunks <- "error: " + err.Error()
			case done:
				close(chunks)
			default:
				chunks <- string(data)
				// Ask for the next chunk from a later job, as a server writing to a socket would.
				l.Run(func(vm *goja.Runtime) { read(vm, stream) })
			}
		})
	}
	l.onLoop(t, func(vm *goja.Runtime) {
		loopRun(t, vm, `var proxied; fetch(base + "/stream").then((r) => { proxied = new Response(r.body, r); });`)
	})
	deadline := time.Now().Add(5 * time.Second)
	var stream *goja.Object
	for stream == nil && time.Now().Before(deadline) {
		l.onLoop(t, func(vm *goja.Runtime) {
			if v := vm.Get("proxied"); v != nil && !goja.IsUndefined(v) {
				parts, ok := AsResponse(vm, v)
				if !ok || parts.Stream == nil || parts.Status != 200 {
					t.Errorf("AsResponse: %+v %v", parts, ok)
					return
				}
				stream = parts.Stream
				read(vm, stream)
			}
		})
		time.Sleep(5 * time.Millisecond)
	}
	if stream == nil {
		t.Fatal("no response")
	}
	var got []string
	for c := range chunks {
		got = append(got, c)
		if len(got) == 1 {
			close(srv.release)
		}
		if len(got) > 3 {
			break
		}
	}
	if strings.Join(got, "|") != "one|two" {
		t.Errorf("chunks %q", got)
	}
}

func TestReadChunkAcrossLoopTurns(t *testing.T) {
	l := newTestLoop(t, nil, "")
	type chunk struct {
		data      string
		done      bool
		err       error
		duringJob bool // onChunk ran inside the ReadChunk call
	}
	results := make(chan chunk, 16)
	var read func(vm *goja.Runtime, stream *goja.Object)
	read = func(vm *goja.Runtime, stream *goja.Object) {
		inside := true
		ReadChunk(vm, stream, func(data []byte, done bool, err error) {
			results <- chunk{string(data), done, err, inside}
			if !done && err == nil {
				l.Run(func(vm *goja.Runtime) { read(vm, stream) })
			}
		})
		inside = false
	}
	l.onLoop(t, func(vm *goja.Runtime) {
		s := loopRun(t, vm, `
			let n = 0;
			new ReadableStream({
				pull(c) {
					return new Promise((resolve) => setTimeout(() => {
						n++;
						if (n > 4) c.close(); else c.enqueue(n % 2 ? "s" + n : new TextEncoder().encode("b" + n));
						resolve();
					}, 5));
				},
			}, { highWaterMark: 0 })`).ToObject(vm)
		read(vm, s)
	})
	var got []string
	later := 0
	for r := range results {
		if r.err != nil {
			t.Fatal(r.err)
		}
		if !r.duringJob {
			later++
		}
		if r.done {
			break
		}
		got = append(got, r.data)
	}
	if strings.Join(got, ",") != "s1,b2,s3,b4" {
		t.Errorf("chunks %q", got)
	}
	if later < 4 {
		t.Errorf("only %d answers came from a later loop job", later)
	}
}

// TestFetchLoopContext: a Loop with a Context cancels requests in flight when it ends.
func TestFetchLoopContext(t *testing.T) {
	srv := newTestServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base := &testLoop{EventLoop: eventloop.NewEventLoop(eventloop.EnableConsole(false)), ctx: ctx}
	startLoop(t, ctxLoop{base}, base, nil, srv.URL)
	res := make(chan string, 1)
	base.RunOnLoop(func(vm *goja.Runtime) {
		_ = vm.Set("__done", func(s string) { res <- s })
		loopRun(t, vm, `fetch(base + "/block").then(() => __done("resolved"), (e) => __done(e.message + ": " + e.cause.message));`)
	})
	waitFor(t, srv.started, "the request")
	cancel()
	waitFor(t, srv.cancelled, "the server to see the cancel")
	select {
	case got := <-res:
		if got != "fetch failed: context canceled" {
			t.Errorf("fetch settled with %q", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("fetch did not settle")
	}
}

func TestFetchNoGoroutineLeak(t *testing.T) {
	srv := newTestServer(t)
	transport := &http.Transport{MaxIdleConnsPerHost: 4}
	client := &http.Client{Transport: transport}
	l := newTestLoop(t, client, srv.URL)
	l.eval(t, `await (await fetch(base + "/text")).text();`)
	transport.CloseIdleConnections()
	before := settledGoroutines(0)

	got := l.eval(t, `
		let ok = 0;
		for (let round = 0; round < 10; round++) {
			const all = [];
			for (let i = 0; i < 10; i++) {
				// Every way a body can end: read whole, streamed, cancelled, or never there.
				const kind = i % 4;
				all.push(fetch(base + (kind === 3 ? "/status/204" : "/json")).then(async (r) => {
					if (kind === 0) await r.json();
					else if (kind === 1) for (const reader = r.body.getReader(); !(await reader.read()).done;) {}
					else if (kind === 2) await r.body.cancel();
					ok++;
				}));
			}
			await Promise.all(all);
		}
		return ok;`)
	if got != "100" {
		t.Fatalf("got %s", got)
	}
	transport.CloseIdleConnections()
	if after := settledGoroutines(before); after > before+2 {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines: %d before, %d after\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
}

// settledGoroutines waits (up to 2 s) for the goroutine count to fall to target or below and
// returns the count; target 0 waits for it to stop changing.
func settledGoroutines(target int) int {
	n := runtime.NumGoroutine()
	for i := 0; i < 40; i++ {
		time.Sleep(50 * time.Millisecond)
		m := runtime.NumGoroutine()
		if (target > 0 && m <= target) || (target == 0 && m == n) {
			return m
		}
		n = m
	}
	return n
}
