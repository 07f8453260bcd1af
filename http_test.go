package azote

import (
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

func do(t *testing.T, req *http.Request) (*http.Response, string) {
	t.Helper()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// SPEC 7: each return type with its status, headers and body, as h3 2.0.8 on srvx (Node)
// answers them: h3's own answers spell text "text/plain; charset=UTF-8" as srvx's Node
// response does, a Response made by hand keeps the web standard's spelling.
func TestReturnValues(t *testing.T) {
	ts := start(t, httpApp, Options{HandlerTimeout: 300 * time.Millisecond})
	const text, js = "text/plain; charset=UTF-8", "application/json;charset=UTF-8"
	cases := []struct {
		kind, status, ctype, body string
	}{
		{"string", "200 OK", text, "plain text"},
		{"html", "200 OK", "text/html; charset=utf-8", "<h1>hi</h1>"},
		{"object", "200 OK", js, `{"a":1,"list":[1,2]}`},
		{"array", "200 OK", js, `[1,"two"]`},
		{"number", "200 OK", js, "42"},
		{"boolean", "200 OK", js, "true"},
		{"null", "200 OK", text, ""},
		{"undefined", "200 OK", text, ""},
		{"bytes", "200 OK", "", "\x01\x02\x03"},
		{"arraybuffer", "200 OK", "", "\x04\x05"},
		{"response", "201 Made", "text/plain;charset=UTF-8", "made by hand"},
		{"promise", "200 OK", js, `{"late":true}`},
		{"status", "202 Accepted Later", text, "accepted"},
		{"http-error", "422 Unprocessable", js, `{"status":422,"statusText":"Unprocessable","message":"bad input","data":{"field":"name"}}`},
		{"create-error", "409 Conflict", js, `{"status":409,"message":"conflict"}`},
		{"returned-error", "400 Bad Request", js, `{"status":400,"message":"returned, not thrown"}`},
		{"throw", "500 Internal Server Error", js, `{"status":500,"unhandled":true,"message":"HTTPError"}`},
		{"reject", "500 Internal Server Error", js, `{"status":500,"unhandled":true,"message":"HTTPError"}`},
		{"spin", "500 Internal Server Error", js, `{"status":500,"message":"Handler timeout"}`},
	}
	for _, tc := range cases {
		req, _ := http.NewRequest("GET", ts.url("/types?kind="+tc.kind), nil)
		resp, body := do(t, req)
		if resp.Status != tc.status || resp.Header.Get("Content-Type") != tc.ctype || body != tc.body {
			t.Errorf("%s: %q %q %q, want %q %q %q", tc.kind, resp.Status, resp.Header.Get("Content-Type"), body, tc.status, tc.ctype, tc.body)
		}
		if tc.kind == "response" && resp.Header.Get("X-Made") != "yes" {
			t.Errorf("response headers lost")
		}
		if tc.kind == "status" && resp.Header.Get("X-Extra") != "1" {
			t.Errorf("event.res.headers lost")
		}
	}
	logs := ts.logs.String()
	if !strings.Contains(logs, "secret internals") || !strings.Contains(logs, "routes/types.ts:") {
		t.Errorf("the 500's error and its source line were not logged")
	}
}

// SPEC 7: dev shows the message and the stack of an unhandled error.
func TestDevErrorDetails(t *testing.T) {
	ts := start(t, httpApp, Options{Dev: true})
	req, _ := http.NewRequest("GET", ts.url("/types?kind=throw"), nil)
	resp, body := do(t, req)
	if resp.StatusCode != 500 || !strings.Contains(body, `"message":"secret internals"`) || !strings.Contains(body, "routes/types.ts:") {
		t.Errorf("dev 500: %s", body)
	}
}

// SPEC 7: helpers.
func TestHelpers(t *testing.T) {
	ts := start(t, httpApp, Options{})
	get := func(path string, header ...string) (*http.Response, string) {
		req, _ := http.NewRequest("GET", ts.url(path), nil)
		for i := 0; i+1 < len(header); i += 2 {
			req.Header.Set(header[i], header[i+1])
		}
		return do(t, req)
	}
	if _, body := get("/helpers?op=query&a=1&b=two"); body != `{"op":"query","a":"1","b":"two"}` {
		t.Errorf("getQuery: %s", body)
	}
	if _, body := get("/helpers?op=headers", "x-one", "1", "x-two", "2"); body != `{"one":"1","all":"2"}` {
		t.Errorf("headers: %s", body)
	}
	req, _ := http.NewRequest("POST", ts.url("/helpers?op=body"), strings.NewReader(`{"n":1}`))
	req.Header.Set("Content-Type", "application/json")
	if _, body := do(t, req); body != `{"body":{"n":1}}` {
		t.Errorf("readBody json: %s", body)
	}
	req, _ = http.NewRequest("POST", ts.url("/helpers?op=body"), strings.NewReader(`a=1&b=2`))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if _, body := do(t, req); body != `{"body":{"a":"1","b":"2"}}` {
		t.Errorf("readBody form: %s", body)
	}
	if resp, body := get("/helpers?op=status"); resp.Status != "418 Teapot Here" || body != "short and stout" {
		t.Errorf("setResponseStatus: %s %s", resp.Status, body)
	}
	if resp, _ := get("/helpers?op=set-headers"); resp.Header.Get("X-A") != "1" || resp.Header.Get("X-B") != "2" {
		t.Errorf("setResponseHeader(s): %v", resp.Header)
	}
	if _, body := get("/helpers?op=ip"); body != `{"ip":"127.0.0.1"}` {
		t.Errorf("getRequestIP: %s", body)
	}
	resp, body := get("/helpers?op=cookies", "cookie", "theme=dark; other=1")
	cookies := strings.Join(resp.Header.Values("Set-Cookie"), "\n")
	if body != `{"theme":"dark"}` || !strings.Contains(cookies, "session=abc%20def; Max-Age=60; Path=/; HttpOnly") || !strings.Contains(cookies, "old=; Max-Age=0") {
		t.Errorf("cookies: %s\n%s", body, cookies)
	}
	if resp, _ := get("/helpers?op=redirect"); resp.StatusCode != 307 || resp.Header.Get("Location") != "/elsewhere" {
		t.Errorf("sendRedirect: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, _ := get("/helpers?op=redirect2"); resp.StatusCode != 302 || resp.Header.Get("Location") != "/other" {
		t.Errorf("redirect: %d", resp.StatusCode)
	}
	if resp, _ := get("/helpers?op=no-content"); resp.StatusCode != 204 {
		t.Errorf("noContent: %d", resp.StatusCode)
	}
	if _, body := get("/api/items/42%20x"); body != `{"item":"42%20x","method":"GET"}` { // as in h3 v2: not decoded
		t.Errorf("api route params: %s", body)
	}
}

// SPEC 7: request bodies are bounded.
func TestBodyLimit(t *testing.T) {
	ts := start(t, httpApp, Options{MaxBodyBytes: 1024})
	req, _ := http.NewRequest("POST", ts.url("/helpers?op=body"), strings.NewReader(strings.Repeat("x", 2048)))
	if resp, _ := do(t, req); resp.StatusCode != 413 {
		t.Errorf("over the limit: %d", resp.StatusCode)
	}
	// 1,000 bytes of JSON: readBody answers text that is not JSON with 400, like h3.
	req, _ = http.NewRequest("POST", ts.url("/helpers?op=body"), strings.NewReader(`"`+strings.Repeat("x", 998)+`"`))
	if resp, _ := do(t, req); resp.StatusCode != 200 {
		t.Errorf("under the limit: %d", resp.StatusCode)
	}
}

// SPEC 7: a ReadableStream body is sent chunk by chunk, each as it is enqueued.
func TestStreamedResponseBody(t *testing.T) {
	ts := start(t, httpApp, Options{})
	resp, err := http.Get(ts.url("/stream-body"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, 64)
	n, err := resp.Body.Read(buf)
	if err != nil || string(buf[:n]) != "first;" {
		t.Fatalf("first read: %q %v (the first chunk must arrive before the stream ends)", buf[:n], err)
	}
	rest, _ := io.ReadAll(resp.Body)
	if string(rest) != "chunk 1;chunk 2;chunk 3;" {
		t.Errorf("rest %q", rest)
	}
}

// Outbound fetch from a handler, with headers, and abort through AbortController.
func TestFetch(t *testing.T) {
	upstream := http.NewServeMux()
	upstream.HandleFunc("/data", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"from":"`+r.Header.Get("X-From")+`"}`)
	})
	upstream.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done()
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	up := &http.Server{Handler: upstream}
	go up.Serve(ln)
	t.Cleanup(func() { up.Close() })
	base := "http://" + ln.Addr().String()

	ts := start(t, httpApp, Options{})
	if _, _, body := ts.get("/proxy?url=" + base + "/data"); body != `{"status":200,"body":"{\"from\":\"azote\"}","type":"application/json"}` {
		t.Errorf("fetch: %s", body)
	}
	start := time.Now()
	if _, _, body := ts.get("/proxy?timeout=50&url=" + base + "/slow"); !strings.Contains(body, `"error":"AbortError"`) || time.Since(start) > 3*time.Second {
		t.Errorf("abort: %s after %v", body, time.Since(start))
	}
	// The loop kept serving while a fetch was in flight: a plain route answers at once.
	if status, _, _ := ts.get("/context"); status != 200 {
		t.Errorf("loop blocked? %d", status)
	}
}

// SPEC 7: event.req.formData() for urlencoded and multipart bodies.
func TestFormData(t *testing.T) {
	ts := start(t, httpApp, Options{})
	resp, err := http.PostForm(ts.url("/form"), map[string][]string{"a": {"1"}, "b": {"two words"}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != `{"a":"1","b":"two words"}` {
		t.Errorf("urlencoded: %s", body)
	}
	var buf strings.Builder
	mw := multipart.NewWriter(&buf)
	mw.WriteField("name", "azote")
	fw, _ := mw.CreateFormFile("upload", "note.txt")
	io.WriteString(fw, "file body")
	mw.Close()
	resp, err = http.Post(ts.url("/form"), mw.FormDataContentType(), strings.NewReader(buf.String()))
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(body) != `{"name":"azote","upload":"file:note.txt:file body"}` {
		t.Errorf("multipart: %s", body)
	}
}

// process.env (with the app's .env in dev, like Nitro), NODE_ENV, global and performance.now.
func TestProcessGlobals(t *testing.T) {
	t.Setenv("AZOTE_TEST_VALUE", "from the environment")
	serve := start(t, httpApp, Options{})
	if _, _, body := serve.get("/env"); body != `{"fromEnv":"from the environment","fromDotEnv":null,"nodeEnv":"production","platform":"linux","global":true,"hrtime":true,"perf":true,"buffer":"aGk="}` {
		t.Errorf("serve: %s", body)
	}
	dev := start(t, httpApp, Options{Dev: true})
	if _, _, body := dev.get("/env"); !strings.Contains(body, `"fromDotEnv":"dotenv value"`) || !strings.Contains(body, `"nodeEnv":"development"`) {
		t.Errorf("dev: %s", body)
	}
}
