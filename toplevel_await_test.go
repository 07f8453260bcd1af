package azote

import (
	"strings"
	"testing"
	"time"
)

// Top-level await in a route and in a library it imports: the server serves only once the
// awaited promises have settled (here one waits on a timer), and a rejected one breaks only
// the routes that awaited it.
func TestTopLevelAwait(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"lib/data.ts": `export const data = await Promise.resolve(42);
export const late = await new Promise((resolve) => setTimeout(() => resolve("late"), 50));
`,
		"routes/data.ts": `import { defineHandler } from "nitro";
import { data, late } from "../lib/data";
const own = await Promise.resolve("own");
export default defineHandler(() => ({ data, late, own }));
`,
		"routes/rejects.ts": `await Promise.reject(new Error("tla boom"));
export default () => "never";
`,
		"routes/plain.ts": httpRoute("plain"),
	})
	ts := start(t, dir, Options{})
	if status, _, body := ts.get("/data"); status != 200 || body != `{"data":42,"late":"late","own":"own"}` {
		t.Errorf("GET /data = %d %s", status, body)
	}
	if status, _, body := ts.get("/plain"); status != 200 || body != "plain" {
		t.Errorf("GET /plain = %d %q", status, body)
	}
	if msg := brokenBody(t, ts, "/rejects"); msg != "routes/rejects.ts failed to load: Error: tla boom" {
		t.Errorf("message = %q", msg)
	}
}

// A top-level await that never settles fails the load after the handler timeout, naming it,
// instead of leaving a server that never registers its routes.
func TestTopLevelAwaitNeverSettles(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/hang.ts": "await new Promise(() => {});\nexport default () => 'never';\n",
	})
	srv, err := New(Options{Dir: dir, HandlerTimeout: 200 * time.Millisecond})
	if err == nil {
		srv.Close()
		t.Fatal("New succeeded with a top-level await that never settles")
	}
	if !strings.Contains(err.Error(), "top-level await did not settle within 200ms") {
		t.Errorf("err = %v", err)
	}
}
