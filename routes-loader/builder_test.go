package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// ageFiles sets every file under dir to a modification time an hour ago. esbuild trusts a
// file's inode, size and modification time only when that time is over 3 s old; aging the
// files puts every test on that path, where a stale cache would show.
func ageFiles(t testing.TB, dir string) {
	t.Helper()
	old := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		return os.Chtimes(p, old, old)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// newBuilderApp writes an aged app, scans it and makes its Builder.
func newBuilderApp(t *testing.T, files map[string]string) (*App, *Builder) {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	ageFiles(t, dir)
	app, err := Scan(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewBuilder(app)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.Dispose)
	return app, b
}

// routeResult rebuilds and returns what route i returns.
func routeResult(t *testing.T, b *Builder, i int) string {
	t.Helper()
	bundle, err := b.Rebuild()
	if err != nil {
		t.Fatal(err)
	}
	return mustRun(t, evalBundle(t, bundle.Code), fmt.Sprintf("registered.routes[%d]()", i)).String()
}

func TestBuilderMatchesBuild(t *testing.T) {
	t.Parallel()
	app, b := newBuilderApp(t, map[string]string{
		"lib/shared.ts":                  "export const shared = 'shared';\n",
		"routes/a.ts":                    "import { shared } from '../lib/shared';\nimport { defineHandler } from 'nitro';\nexport default defineHandler(() => shared + 'a');\n",
		"api/b.get.ts":                   "import pkg from 'pkg';\nexport default () => pkg;\n",
		"middleware/log.ts":              "export default () => {};\n",
		"node_modules/pkg/package.json":  `{"name":"pkg","main":"index.js"}`,
		"node_modules/pkg/index.js":      "module.exports = 'pkg';\n",
		"node_modules/pkg/unused/big.js": "module.exports = 'unused';\n",
	})
	want, err := Build(app)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 { // the first (full) build and a rebuild with nothing changed
		got, err := b.Rebuild()
		if err != nil {
			t.Fatal(err)
		}
		if got.Code != want.Code || !slices.Equal(got.Inputs, want.Inputs) {
			t.Errorf("Rebuild #%d differs from Build:\n%s\n%q\nvs\n%s\n%q", i+1, got.Code, got.Inputs, want.Code, want.Inputs)
		}
	}
}

func TestBuilderSeesEdits(t *testing.T) {
	t.Parallel()
	app, b := newBuilderApp(t, map[string]string{
		"lib/word.ts":  "export const word = 'one';\n",
		"routes/a.ts":  "import { word } from '../lib/word';\nexport default () => 'a:' + word;\n",
		"routes/b.ts":  "import { word } from '../lib/word';\nexport default () => 'b:' + word;\n",
		"lib/other.ts": "export const other = 'other';\n",
	})
	if got := routeResult(t, b, 0); got != "a:one" {
		t.Fatalf("first build: route a returned %q", got)
	}
	// Same size, same inode: only the modification time tells esbuild the file changed.
	write(t, app.Dir, "lib/word.ts", "export const word = 'two';\n")
	if got := routeResult(t, b, 1); got != "b:two" {
		t.Errorf("after editing a shared module: route b returned %q", got)
	}
	write(t, app.Dir, "routes/a.ts", "import { word } from '../lib/word';\nexport default () => 'A:' + word;\n")
	if got := routeResult(t, b, 0); got != "A:two" {
		t.Errorf("after editing the route: route a returned %q", got)
	}
	// A new file, imported by an edit: esbuild must not answer from a cached folder listing.
	write(t, app.Dir, "lib/fresh.ts", "export const fresh = 'fresh';\n")
	write(t, app.Dir, "routes/a.ts", "import { fresh } from '../lib/fresh';\nexport default () => fresh;\n")
	if got := routeResult(t, b, 0); got != "fresh" {
		t.Errorf("after importing a new file: route a returned %q", got)
	}
	bundle, err := b.Rebuild()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(bundle.Inputs, filepath.Join(app.Dir, "lib", "fresh.ts")) {
		t.Errorf("Inputs lack lib/fresh.ts: %q", bundle.Inputs)
	}
}

func TestBuilderSyntaxErrorThenFix(t *testing.T) {
	t.Parallel()
	app, b := newBuilderApp(t, map[string]string{
		"routes/a.ts": "export default () => 'ok';\n",
		"routes/b.ts": "export default () => 'b';\n",
	})
	if got := routeResult(t, b, 0); got != "ok" {
		t.Fatalf("route a returned %q", got)
	}
	const bad = "export default () => { return 1 2; };"
	write(t, app.Dir, "routes/a.ts", bad+"\n")
	// Route a is left out with its error; route b still builds.
	for range 2 { // a second failing rebuild reports the same
		bundle, err := b.Rebuild()
		if err != nil {
			t.Fatalf("Rebuild err = %v, want route a in Broken", err)
		}
		be := bundle.Broken["routes/a.ts"]
		if be == nil {
			t.Fatalf("Broken = %v, want routes/a.ts", bundle.Broken)
		}
		if m := be.Messages[0]; m.File != "routes/a.ts" || m.Line != 1 || m.Column != strings.Index(bad, "2")+1 {
			t.Errorf("message = %+v", m)
		}
		if !slices.Contains(bundle.Inputs, filepath.Join(app.Dir, "routes", "a.ts")) {
			t.Errorf("Inputs lack the broken routes/a.ts, so its fix would not be watched: %q", bundle.Inputs)
		}
		if got := routeResult(t, b, 1); got != "b" {
			t.Errorf("route b returned %q", got)
		}
	}
	write(t, app.Dir, "routes/a.ts", "export default () => 'fixed';\n")
	if got := routeResult(t, b, 0); got != "fixed" {
		t.Errorf("after the fix: route a returned %q", got)
	}
	if bundle, err := b.Rebuild(); err != nil || bundle.Broken != nil {
		t.Errorf("after the fix: err = %v, Broken = %v", err, bundle.Broken)
	}
}

func TestBuilderDispose(t *testing.T) {
	t.Parallel()
	_, b := newBuilderApp(t, map[string]string{"routes/a.ts": handler})
	b.Dispose()
	b.Dispose()
	if _, err := b.Rebuild(); !errors.Is(err, errDisposed) {
		t.Errorf("Rebuild after Dispose: err = %v", err)
	}
}

// benchApp writes an app of 50 routes that share a few modules, with files aged as an app's
// files are between edits.
func benchApp(b *testing.B) *App {
	b.Helper()
	files := map[string]string{}
	libs := []string{"store", "format", "auth", "schema"}
	for _, lib := range libs {
		var src strings.Builder
		fmt.Fprintf(&src, "export interface %sRecord { id: string; n: number; tags: string[] }\n", lib)
		for i := range 40 {
			fmt.Fprintf(&src, "export function %s%d(r: %sRecord, k: number): string {\n", lib, i, lib)
			fmt.Fprintf(&src, "  const parts = r.tags.map((t) => `${t}:${k + %d}`);\n", i)
			fmt.Fprintf(&src, "  return `%s/${r.id}/${r.n * %d}/` + parts.join(',');\n}\n", lib, i)
		}
		files["lib/"+lib+".ts"] = src.String()
	}
	for i := range 50 {
		a, c := libs[i%len(libs)], libs[(i+1)%len(libs)]
		files[fmt.Sprintf("routes/r%02d.ts", i)] = fmt.Sprintf(`import { defineHandler } from "nitro";
import { %[1]s%[3]d } from "../lib/%[1]s";
import { %[2]s%[4]d, type %[2]sRecord } from "../lib/%[2]s";

interface Query { id?: string; n?: string }

export default defineHandler(async (event: { query: Query }) => {
  const rec: %[2]sRecord = { id: event.query.id ?? "r%[5]d", n: Number(event.query.n ?? 1), tags: ["a", "b"] };
  const out: string[] = [];
  for (let k = 0; k < 3; k++) out.push(%[1]s%[3]d(rec, k), %[2]s%[4]d(rec, k));
  return { route: %[5]d, out };
});
`, a, c, i%40, (i*7)%40, i)
	}
	dir := b.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	ageFiles(b, dir)
	app, err := Scan(dir)
	if err != nil {
		b.Fatal(err)
	}
	return app
}

func BenchmarkBuild50(b *testing.B) {
	app := benchApp(b)
	for b.Loop() {
		if _, err := Build(app); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuild50 edits one route per iteration, as a save does, and rebuilds.
func BenchmarkRebuild50(b *testing.B) {
	app := benchApp(b)
	builder, err := NewBuilder(app)
	if err != nil {
		b.Fatal(err)
	}
	defer builder.Dispose()
	if _, err := builder.Rebuild(); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		b.StopTimer()
		p := filepath.Join(app.Dir, app.Routes[i%len(app.Routes)].File)
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(p, fmt.Appendf(src, "// edit %d\n", i), 0o644); err != nil {
			b.Fatal(err)
		}
		i++
		b.StartTimer()
		if _, err := builder.Rebuild(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRebuild50OneBroken rebuilds the 50-route app while one route has a syntax error:
// the cost of isolating it (each file built alone, then the app without it).
func BenchmarkRebuild50OneBroken(b *testing.B) {
	app := benchApp(b)
	p := filepath.Join(app.Dir, app.Routes[0].File)
	if err := os.WriteFile(p, []byte("export default () => { 1 2 };\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	builder, err := NewBuilder(app)
	if err != nil {
		b.Fatal(err)
	}
	defer builder.Dispose()
	for b.Loop() {
		bundle, err := builder.Rebuild()
		if err != nil || len(bundle.Broken) != 1 {
			b.Fatalf("err = %v, broken = %v", err, bundle.Broken)
		}
	}
}
