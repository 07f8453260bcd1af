package azote

import (
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	loader "github.com/azote-dev/azote/routes-loader"
)

// writeApp writes files (path -> content) under dir.
func writeApp(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		// Write and rename over, like an editor's atomic save.
		tmp := p + ".tmp~"
		if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, p); err != nil {
			t.Fatal(err)
		}
	}
}

func countReloads(ts *testServer) int {
	return strings.Count(ts.logs.String(), "msg=reloaded")
}

func wsRoute(reply string) string {
	return `import { defineWebSocketHandler } from "nitro";
export default defineWebSocketHandler({
  open(peer) { peer.send("` + reply + `"); },
});
`
}

func httpRoute(body string) string {
	return `import { defineHandler } from "nitro";
export default defineHandler(() => "` + body + `");
`
}

// SPEC 10: an edit swaps in new code; open peers get 1012; the route table follows files and
// folders; build and load errors keep the old code serving until fixed.
func TestHotReload(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/_ws.ts":   wsRoute("v1"),
		"routes/hello.ts": httpRoute("hello v1"),
	})
	ts := start(t, dir, Options{Dev: true, Watch: true})
	ts.srv.errOut = ts.logs

	c := ts.dial("/_ws", nil)
	if got := c.text(); got != "v1" {
		t.Fatalf("first code: %q", got)
	}
	writeApp(t, dir, map[string]string{"routes/_ws.ts": wsRoute("v2")})
	if code, reason := c.closeCode(); code != 1012 || reason != "Service Restart" {
		t.Errorf("open peer got %d %q, want 1012 Service Restart", code, reason)
	}
	if got := ts.dial("/_ws", nil).text(); got != "v2" {
		t.Errorf("after the edit: %q", got)
	}

	// A new route file in a new folder, then its removal.
	writeApp(t, dir, map[string]string{"routes/deep/er/new.ts": httpRoute("new route")})
	eventually(t, "the new route", func() bool { s, _, b := ts.get("/deep/er/new"); return s == 200 && b == "new route" })
	os.RemoveAll(filepath.Join(dir, "routes", "deep"))
	eventually(t, "the route to go", func() bool { s, _, _ := ts.get("/deep/er/new"); return s == 404 })

	// A syntax error breaks that route only (500 with the error) while the others serve; the
	// fix recovers it.
	reloads := countReloads(ts)
	writeApp(t, dir, map[string]string{"routes/hello.ts": "export default defineHandler(() => {\n  return 'x'\n"})
	eventually(t, "the build error", func() bool { return strings.Contains(ts.logs.String(), "routes/hello.ts:3:") })
	if msg := brokenBody(t, ts, "/hello"); !strings.HasPrefix(msg, "routes/hello.ts:3:") {
		t.Errorf("while broken: %q", msg)
	}
	if got := ts.dial("/_ws", nil).text(); got != "v2" {
		t.Errorf("the other route while one is broken: %q", got)
	}
	if !strings.Contains(ts.logs.String(), "broken=routes/hello.ts") {
		t.Errorf("the reload line does not name the broken route")
	}
	writeApp(t, dir, map[string]string{"routes/hello.ts": httpRoute("hello v2")})
	eventually(t, "recovery", func() bool { _, _, b := ts.get("/hello"); return b == "hello v2" })
	if !strings.Contains(ts.logs.String(), "recovered=true") {
		t.Errorf("recovery not logged")
	}

	// An exception at module top level: same.
	writeApp(t, dir, map[string]string{"routes/hello.ts": httpRoute("hello v3") + "throw new Error('top-level boom');\n"})
	eventually(t, "the load error", func() bool {
		l := ts.logs.String()
		return strings.Contains(l, "top-level boom") && strings.Contains(l, "routes/hello.ts:3:")
	})
	if msg := brokenBody(t, ts, "/hello"); !strings.Contains(msg, "top-level boom") {
		t.Errorf("after a load error: %q", msg)
	}
	writeApp(t, dir, map[string]string{"routes/hello.ts": httpRoute("hello v4")})
	eventually(t, "recovery", func() bool { _, _, b := ts.get("/hello"); return b == "hello v4" })
	if countReloads(ts) < reloads+4 {
		t.Errorf("reload lines: %d then %d", reloads, countReloads(ts))
	}

	// A build error in every route (here the only file besides the WebSocket route is broken
	// alongside it) keeps the old code serving, as before.
	writeApp(t, dir, map[string]string{
		"routes/hello.ts": "export default defineHandler(() => {\n",
		"routes/_ws.ts":   "export default {\n",
	})
	eventually(t, "the whole build error", func() bool { return strings.Contains(ts.logs.String(), "reload failed") })
	if _, _, body := ts.get("/hello"); body != "hello v4" {
		t.Errorf("while every route is broken: %q", body)
	}
	writeApp(t, dir, map[string]string{"routes/hello.ts": httpRoute("hello v5"), "routes/_ws.ts": wsRoute("v3")})
	eventually(t, "recovery", func() bool { _, _, b := ts.get("/hello"); return b == "hello v5" })

	// nitro.config.ts changes apply.
	writeApp(t, dir, map[string]string{
		"nitro.config.ts": `export default { runtimeConfig: { greeting: "from config" } };`,
		"routes/cfg.ts": `import { defineHandler } from "nitro";
import { useRuntimeConfig } from "nitro/runtime-config";
export default defineHandler(() => useRuntimeConfig().greeting);
`})
	eventually(t, "config", func() bool { _, _, b := ts.get("/cfg"); return b == "from config" })
	writeApp(t, dir, map[string]string{"nitro.config.ts": `export default { runtimeConfig: { greeting: "changed" } };`})
	eventually(t, "config change", func() bool { _, _, b := ts.get("/cfg"); return b == "changed" })
}

// A burst of saves is one or two reloads, not twenty.
func TestReloadBurst(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{"routes/hello.ts": httpRoute("0")})
	ts := start(t, dir, Options{Watch: true})
	for i := 1; i <= 20; i++ {
		writeApp(t, dir, map[string]string{"routes/hello.ts": httpRoute(strings.Repeat("x", i))})
		time.Sleep(time.Millisecond)
	}
	eventually(t, "the last save", func() bool { _, _, b := ts.get("/hello"); return b == strings.Repeat("x", 20) })
	time.Sleep(150 * time.Millisecond)
	if n := countReloads(ts); n < 1 || n > 2 {
		t.Errorf("%d reloads for a burst of 20 saves", n)
	}
}

// 100 reloads leave no goroutines, timers, runtimes or file descriptors (each generation has its
// own epoll poller) behind.
func TestReloadsDoNotLeak(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/hello.ts": `import { defineHandler } from "nitro";
const big = new Array(100000).fill("leak?");
setInterval(() => big.length, 1000);
setTimeout(() => {}, 60000);
export default defineHandler(() => "hi " + big.length);
`,
		"routes/sock.ts": wsRoute("hi"),
	})
	ts := start(t, dir, Options{Watch: true})
	ts.get("/hello")
	c := ts.dial("/sock", nil)
	c.text()
	change := loader.Change{Paths: []string{filepath.Join(ts.srv.reload.dir, "routes", "hello.ts")}}
	measure := func() (int, uint64) {
		var ms runtime.MemStats
		for i := 0; i < 3; i++ {
			runtime.GC()
			time.Sleep(20 * time.Millisecond)
		}
		runtime.ReadMemStats(&ms)
		return runtime.NumGoroutine(), ms.HeapAlloc
	}
	// Warm up, then measure.
	for i := 0; i < 5; i++ {
		ts.srv.reload.onChange(change)
	}
	eventually(t, "old generations to drain", func() bool { return ts.srv.cur.Load().js.PeerCount() == 0 })
	time.Sleep(100 * time.Millisecond)
	g0, h0 := measure()
	fd0 := openFiles(t)
	for i := 0; i < 100; i++ {
		ts.srv.reload.onChange(change)
		if s, _, b := ts.get("/hello"); s != http.StatusOK || b != "hi 100000" {
			t.Fatalf("reload %d: %d %q", i, s, b)
		}
	}
	var g1 int
	var h1 uint64
	deadline := time.Now().Add(10 * time.Second)
	for {
		g1, h1 = measure()
		if g1 <= g0+2 || time.Now().After(deadline) {
			break
		}
	}
	if g1 > g0+2 {
		t.Errorf("goroutines: %d before, %d after 100 reloads", g0, g1)
	}
	// Each generation holds ~1 MB of JS array: 100 leaked runtimes would be 100 MB.
	if h1 > h0+20<<20 {
		t.Errorf("heap: %d MB before, %d MB after 100 reloads", h0>>20, h1>>20)
	}
	if fd1 := openFiles(t); fd0 >= 0 && fd1 > fd0+10 {
		t.Errorf("open files: %d before, %d after 100 reloads", fd0, fd1)
	}
}

// openFiles counts the process's open file descriptors, -1 where /proc is missing.
func openFiles(t *testing.T) int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(entries)
}

// SPEC 10: a reload ends the old generation's event streams (EventSource reconnects to the new
// code) and lets an in-flight HTTP request finish on the old code.
func TestReloadEndsStreamsAndFinishesRequests(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/feed.ts": `import { defineHandler } from "nitro";
import { createEventStream } from "nitro/h3";
export default defineHandler((event) => {
  const stream = createEventStream(event);
  stream.push("v1");
  return stream.send();
});
`,
		"routes/slow.ts": `import { defineHandler } from "nitro";
export default defineHandler(() => new Promise((resolve) => setTimeout(() => resolve("slow v1"), 300)));
`,
	})
	ts := start(t, dir, Options{Watch: true})
	_, br, _ := openStream(t, ts.url("/feed"))
	if got := readEvent(t, br); got != "data: v1\n" {
		t.Fatalf("first event %q", got)
	}
	slow := make(chan string, 1)
	go func() { _, _, body := ts.get("/slow"); slow <- body }()
	time.Sleep(50 * time.Millisecond) // the request is in flight on the old code
	writeApp(t, dir, map[string]string{"routes/slow.ts": strings.ReplaceAll(httpRoute("slow v2"), "hello", "slow")})
	ended := make(chan error, 1)
	go func() { _, err := br.ReadString('\n'); ended <- err }()
	select {
	case err := <-ended:
		if err == nil {
			t.Errorf("the old stream sent more instead of ending")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the old generation's stream did not end on reload")
	}
	if body := <-slow; body != "slow v1" {
		t.Errorf("in-flight request finished with %q, want the old code's answer", body)
	}
	eventually(t, "new code", func() bool { _, _, b := ts.get("/slow"); return b == "slow v2" })
}
