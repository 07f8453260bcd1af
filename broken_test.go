package azote

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// brokenBody reads a broken route's answer: 500 with h3's JSON error body.
func brokenBody(t *testing.T, ts *testServer, path string) string {
	t.Helper()
	status, hdr, body := ts.get(path)
	var e struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	}
	if status != 500 || !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") || json.Unmarshal([]byte(body), &e) != nil || e.Status != 500 {
		t.Fatalf("GET %s = %d %q %s, want 500 with a JSON error body", path, status, hdr.Get("Content-Type"), body)
	}
	return e.Message
}

// One file that does not compile answers 500 with its error; every other route serves, and
// the error is logged once at load with file:line.
func TestBrokenRouteSyntaxError(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/good.ts": httpRoute("good"),
		"routes/_ws.ts":  wsRoute("hi"),
		"routes/bad.ts":  "import { defineHandler } from \"nitro\";\nexport default defineHandler(() => 1 2);\n",
	})
	ts := start(t, dir, Options{})
	if status, _, body := ts.get("/good"); status != 200 || body != "good" {
		t.Errorf("GET /good = %d %q", status, body)
	}
	if got := ts.dial("/_ws", nil).text(); got != "hi" {
		t.Errorf("WebSocket route: %q", got)
	}
	if msg := brokenBody(t, ts, "/bad"); !strings.HasPrefix(msg, "routes/bad.ts:2:") || !strings.Contains(msg, "error: Expected") {
		t.Errorf("message = %q, want the build error's first line at routes/bad.ts:2", msg)
	}
	// An upgrade to it is answered 500 too, not 404.
	if c, err := ts.tryDial("/bad", nil, nil); err == nil || c.resp == nil || c.resp.StatusCode != http.StatusInternalServerError {
		t.Errorf("upgrade to the broken route: err = %v, resp = %+v", err, c.resp)
	}
	if n := strings.Count(ts.logs.String(), "route broken"); n != 1 || !strings.Contains(ts.logs.String(), "routes/bad.ts:2:") {
		t.Errorf("%d 'route broken' lines, want 1 naming routes/bad.ts:2", n)
	}
}

func TestBrokenRouteMissingImport(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/good.ts":    httpRoute("good"),
		"routes/missing.ts": "import { x } from \"not-installed\";\nexport default () => x;\n",
	})
	ts := start(t, dir, Options{})
	if status, _, body := ts.get("/good"); status != 200 || body != "good" {
		t.Errorf("GET /good = %d %q", status, body)
	}
	if msg := brokenBody(t, ts, "/missing"); !strings.HasPrefix(msg, `routes/missing.ts:1:19: error: Could not resolve "not-installed"`) {
		t.Errorf("message = %q", msg)
	}
}

// A module that throws while the bundle evaluates breaks only the routes it belongs to: the
// route file itself, or the routes that import the file that throws.
func TestBrokenRouteThrowsAtLoad(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/good.ts":    httpRoute("good"),
		"routes/throws.ts":  httpRoute("never") + "throw new Error(\"top-level boom\");\n",
		"routes/viaLib.ts":  "import { v } from \"../lib/bad\";\nexport default () => v;\n",
		"routes/alsoLib.ts": "import { v } from \"../lib/bad\";\nexport default () => v + 1;\n",
		"lib/bad.ts":        "export const v = 1;\nthrow new TypeError(\"lib boom\");\n",
		"routes/after.ts":   httpRoute("after"),
	})
	ts := start(t, dir, Options{})
	for path, want := range map[string]string{"/good": "good", "/after": "after"} {
		if status, _, body := ts.get(path); status != 200 || body != want {
			t.Errorf("GET %s = %d %q", path, status, body)
		}
	}
	if msg := brokenBody(t, ts, "/throws"); msg != "routes/throws.ts failed to load: Error: top-level boom" {
		t.Errorf("message = %q", msg)
	}
	if msg := brokenBody(t, ts, "/viaLib"); msg != "routes/viaLib.ts failed to load: TypeError: lib boom" {
		t.Errorf("message = %q", msg)
	}
	// As in Node, a module that threw throws again for its next importer instead of handing
	// it half-initialised exports (esbuild's lazy initialiser keeps the error).
	if msg := brokenBody(t, ts, "/alsoLib"); msg != "routes/alsoLib.ts failed to load: TypeError: lib boom" {
		t.Errorf("second importer: message = %q", msg)
	}
	if !strings.Contains(ts.logs.String(), "lib/bad.ts:2:") {
		t.Errorf("the log does not name lib/bad.ts:2")
	}
}

// A middleware runs for every request, so one that does not compile or throws at load still
// fails the whole app, with its file named.
func TestBrokenMiddlewareFailsTheApp(t *testing.T) {
	for name, src := range map[string]string{
		"syntax": "export default (event) => { 1 2 };\n",
		"throws": "throw new Error(\"mw boom\");\nexport default () => {};\n",
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			writeApp(t, dir, map[string]string{
				"routes/good.ts":    httpRoute("good"),
				"middleware/bad.ts": src,
			})
			srv, err := New(Options{Dir: dir})
			if err == nil {
				srv.Close()
				t.Fatal("New succeeded with a broken middleware")
			}
			if !strings.Contains(err.Error(), "middleware/bad.ts:1:") {
				t.Errorf("err = %v, want it to name middleware/bad.ts:1", err)
			}
		})
	}
}
