package azote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Nitro 3's server entry: a root server.ts whose default export answers what no route does.
// Each form Nitro accepts runs unchanged: a { fetch } object (the hello-world example), an H3
// app with its own routes, and a plain handler; routes/ files still come first.
func TestServerEntry(t *testing.T) {
	cases := []struct {
		name, entry string
		want        map[string]string // path -> body
	}{
		{"fetch object", `export default {
  fetch(req: Request) {
    return new Response("Nitro Works! " + new URL(req.url).pathname + " " + req.method);
  },
};
`, map[string]string{"/": "Nitro Works! / GET", "/a/b?x=1": "Nitro Works! /a/b GET", "/hello": "route"}},
		{"H3 app", `import { H3 } from "h3";
const app = new H3().get("/", () => "h3 index").get("/users/:id", (event) => "user " + event.context.params!.id);
export default app;
`, map[string]string{"/": "h3 index", "/users/7": "user 7", "/hello": "route"}},
		{"handler", `import { defineHandler } from "nitro";
export default defineHandler((event) => "handler " + event.url.pathname);
`, map[string]string{"/x": "handler /x", "/hello": "route"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeApp(t, dir, map[string]string{"server.ts": c.entry, "routes/hello.get.ts": httpRoute("route")})
			ts := start(t, dir, Options{})
			for path, want := range c.want {
				if status, _, body := ts.get(path); status != 200 || body != want {
					t.Errorf("GET %s: %d %q, want %q", path, status, body, want)
				}
			}
		})
	}
}

// An app that is only a server entry starts (no routes/ folder), and an H3 app's own 404 is
// what an unknown path gets.
func TestServerEntryAlone(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{"server.ts": `import { H3 } from "h3";
export default new H3().get("/", () => "only the entry");
`})
	ts := start(t, dir, Options{})
	if status, _, body := ts.get("/"); status != 200 || body != "only the entry" {
		t.Errorf("GET /: %d %q", status, body)
	}
	if status, _, body := ts.get("/missing"); status != 404 || !strings.Contains(body, "/missing") {
		t.Errorf("GET /missing: %d %q, want h3's 404", status, body)
	}
}

// In dev, creating, editing and deleting server.ts reload like a route file does.
func TestServerEntryReloads(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{"routes/hello.get.ts": httpRoute("route")})
	ts := start(t, dir, Options{Watch: true})
	if status, _, _ := ts.get("/other"); status != 404 {
		t.Fatalf("GET /other before the entry: %d", status)
	}
	entry := func(text string) string {
		return `export default { fetch: () => new Response("` + text + `") };` + "\n"
	}
	writeApp(t, dir, map[string]string{"server.ts": entry("v1")})
	eventually(t, "the new entry to answer", func() bool { _, _, body := ts.get("/other"); return body == "v1" })
	writeApp(t, dir, map[string]string{"server.ts": entry("v2")})
	eventually(t, "the edited entry to answer", func() bool { _, _, body := ts.get("/other"); return body == "v2" })
	if err := os.Remove(filepath.Join(dir, "server.ts")); err != nil {
		t.Fatal(err)
	}
	eventually(t, "a 404 once the entry is gone", func() bool { status, _, _ := ts.get("/other"); return status == 404 })
	if status, _, body := ts.get("/hello"); status != 200 || body != "route" {
		t.Errorf("GET /hello: %d %q", status, body)
	}
}
