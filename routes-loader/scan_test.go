package loader

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// writeFiles creates files (slash-separated paths relative to dir) with their contents.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const handler = "export default () => 1;\n"

func TestScan(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"api/index.ts":                handler,
		"api/users/[id].get.ts":       handler,
		"routes/index.ts":             handler,
		"routes/chat.ts":              handler,
		"routes/a.js":                 handler,
		"routes/a.ts":                 handler, // beats a.js: TypeScript first among equal stems
		"routes/api/index.ts":         handler, // same route as api/index.ts, which comes first
		"routes/rooms/[room].ts":      handler,
		"routes/rooms/[id].ts":        handler, // same pattern as [room] up to the name
		"routes/(marketing)/about.ts": handler,
		"routes/files/[...path].ts":   handler,
		"routes/hello.get.ts":         handler,
		"routes/hello.post.ts":        handler,
		"routes/[id].json.ts":         handler, // unsupported, skipped with a warning
		"routes/types.d.ts":           "export type A = 1;",
		"routes/chat.test.ts":         handler,
		"routes/chat.spec.js":         handler,
		"routes/.hidden.ts":           handler,
		"routes/.git/x.ts":            handler,
		"routes/node_modules/y.ts":    handler,
		"routes/readme.md":            "#",
		"routes/data.json":            "{}",
		"middleware/2.auth.ts":        handler,
		"middleware/1.log.ts":         handler,
		"middleware/0/inner.ts":       handler,
		"public/index.html":           "<p>",
		"nitro.config.ts":             "export default {}",
		"nitro.config.js":             "export default {}",
	})
	link := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}

	app, err := Scan(link)
	if err != nil {
		t.Fatal(err)
	}
	realDir, _ := filepath.EvalSymlinks(dir)
	if app.Dir != realDir {
		t.Errorf("Dir = %q, want %q", app.Dir, realDir)
	}
	want := []Route{
		{Path: "/api", File: "api/index.ts"},
		{Path: "/api/users/:id", Method: "GET", File: "api/users/[id].get.ts"},
		{Path: "/about", File: "routes/(marketing)/about.ts"},
		{Path: "/a", File: "routes/a.ts"},
		{Path: "/chat", File: "routes/chat.ts"},
		{Path: "/files/**:path", File: "routes/files/[...path].ts"},
		{Path: "/hello", Method: "GET", File: "routes/hello.get.ts"},
		{Path: "/hello", Method: "POST", File: "routes/hello.post.ts"},
		{Path: "/", File: "routes/index.ts"},
		{Path: "/rooms/:id", File: "routes/rooms/[id].ts"},
	}
	if !reflect.DeepEqual(app.Routes, want) {
		t.Errorf("Routes =\n%v\nwant\n%v", app.Routes, want)
	}
	wantMW := []string{"middleware/0/inner.ts", "middleware/1.log.ts", "middleware/2.auth.ts"}
	if !reflect.DeepEqual(app.Middleware, wantMW) {
		t.Errorf("Middleware = %v, want %v", app.Middleware, wantMW)
	}
	if app.PublicDir != filepath.Join(realDir, "public") {
		t.Errorf("PublicDir = %q", app.PublicDir)
	}
	if app.ConfigFile != "nitro.config.ts" {
		t.Errorf("ConfigFile = %q", app.ConfigFile)
	}
	wantWarn := []string{
		"skipping routes/[id].json.ts: ",
		"routes/a.ts and routes/a.js both map to /a; using routes/a.ts",
		"api/index.ts and routes/api/index.ts both map to /api; using api/index.ts",
		"routes/rooms/[id].ts and routes/rooms/[room].ts both map to /rooms/:id; using routes/rooms/[id].ts",
	}
	if len(app.Warnings) != len(wantWarn) {
		t.Fatalf("Warnings = %q, want %d", app.Warnings, len(wantWarn))
	}
	for _, w := range wantWarn {
		found := false
		for _, got := range app.Warnings {
			found = found || strings.HasPrefix(got, w)
		}
		if !found {
			t.Errorf("no warning starting %q in %q", w, app.Warnings)
		}
	}
}

func TestScanMethodDuplicate(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"routes/a.get.ts":  handler,
		"routes/a.get.mjs": handler,
	})
	app, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(app.Routes) != 1 || app.Routes[0].File != "routes/a.get.ts" {
		t.Errorf("Routes = %v", app.Routes)
	}
	want := "routes/a.get.ts and routes/a.get.mjs both map to GET /a; using routes/a.get.ts"
	if len(app.Warnings) != 1 || app.Warnings[0] != want {
		t.Errorf("Warnings = %q, want %q", app.Warnings, want)
	}
}

func TestScanServerLayout(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"server/routes/x.ts":     handler,
		"server/api/y.ts":        handler,
		"server/middleware/m.ts": handler,
		"server/public/a.txt":    "a",
		"routes.ts":              handler, // a file, not the routes/ folder
	})
	app, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []Route{{Path: "/api/y", File: "server/api/y.ts"}, {Path: "/x", File: "server/routes/x.ts"}}
	if !reflect.DeepEqual(app.Routes, want) {
		t.Errorf("Routes = %v, want %v", app.Routes, want)
	}
	if !reflect.DeepEqual(app.Middleware, []string{"server/middleware/m.ts"}) {
		t.Errorf("Middleware = %v", app.Middleware)
	}
	if app.PublicDir != filepath.Join(app.Dir, "server", "public") {
		t.Errorf("PublicDir = %q", app.PublicDir)
	}

	// DIR/public wins over server/public.
	writeFiles(t, dir, map[string]string{"public/b.txt": "b"})
	if app, err = Scan(dir); err != nil || app.PublicDir != filepath.Join(app.Dir, "public") {
		t.Errorf("PublicDir = %q, %v", app.PublicDir, err)
	}

	// With a top-level routes/ folder, server/ is ignored.
	writeFiles(t, dir, map[string]string{"routes/z.ts": handler})
	if app, err = Scan(dir); err != nil || len(app.Routes) != 1 || app.Routes[0].File != "routes/z.ts" {
		t.Errorf("Routes = %v, %v", app.Routes, err)
	}
}

func TestScanErrors(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	if _, err := Scan(missing); err == nil || !strings.Contains(err.Error(), missing) {
		t.Errorf("missing dir: err = %v", err)
	}

	empty := t.TempDir()
	if _, err := Scan(empty); err == nil || !strings.Contains(err.Error(), empty) || !strings.Contains(err.Error(), "no route files") {
		t.Errorf("empty dir: err = %v", err)
	}

	onlyMiddleware := t.TempDir()
	writeFiles(t, onlyMiddleware, map[string]string{"middleware/m.ts": handler, "routes/x.d.ts": ""})
	if _, err := Scan(onlyMiddleware); err == nil || !strings.Contains(err.Error(), onlyMiddleware) {
		t.Errorf("no routes: err = %v", err)
	}

	file := filepath.Join(t.TempDir(), "f.ts")
	writeFiles(t, filepath.Dir(file), map[string]string{"f.ts": handler})
	if _, err := Scan(file); err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("file as dir: err = %v", err)
	}
}

// A server entry at the app's root (server.node.ts before server.ts) is the last route, a
// fallback for every path and method; an app may be only that.
func TestScanServerEntry(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"server.ts":      "export default { fetch: () => new Response('entry') };\n",
		"server.node.ts": "export default { fetch: () => new Response('node entry') };\n",
	})
	app, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := []Route{{Path: "/**", File: "server.node.ts", Fallback: true}}; !reflect.DeepEqual(app.Routes, want) {
		t.Errorf("routes = %+v, want %+v", app.Routes, want)
	}
	writeFiles(t, dir, map[string]string{"routes/hello.get.ts": "export default () => 'hi';\n"})
	app, err = Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(app.Routes); n != 2 || !app.Routes[n-1].Fallback || app.Routes[0].File != "routes/hello.get.ts" {
		t.Errorf("routes = %+v, want hello then the entry", app.Routes)
	}
}

// Build suffixes: "x.dev.ts" only in a dev scan, "x.prod.ts" only in the other, ".prerender"
// never; the suffix comes after the method ("x.get.dev.ts") and is not part of the route.
func TestScanBuildSuffixes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"routes/a.ts":              "export default () => 'a';\n",
		"routes/debug.get.dev.ts":  "export default () => 'debug';\n",
		"routes/only.prod.ts":      "export default () => 'prod';\n",
		"routes/page.prerender.ts": "export default () => 'pre';\n",
		"routes/dev.ts":            "export default () => 'a route named dev';\n",
	})
	for _, dev := range []bool{true, false} {
		app, err := ScanLayout(dir, Layout{Dev: dev})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range app.Routes {
			got = append(got, r.Method+" "+r.Path+" "+r.File)
		}
		want := []string{" /a routes/a.ts", " /dev routes/dev.ts", " /only routes/only.prod.ts"}
		if dev {
			want = []string{" /a routes/a.ts", "GET /debug routes/debug.get.dev.ts", " /dev routes/dev.ts"}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("dev=%v: routes %q, want %q", dev, got, want)
		}
		if app.Dev != dev {
			t.Errorf("dev=%v: App.Dev = %v", dev, app.Dev)
		}
	}
}
