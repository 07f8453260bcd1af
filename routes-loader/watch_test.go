package loader

import (
	"cmp"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// waitLimit bounds every wait for a Change; changes normally arrive within 100 ms.
const waitLimit = 5 * time.Second

// changeLog receives the Changes of one watch.
type changeLog struct {
	t        *testing.T
	root     string // the resolved app folder
	debounce time.Duration
	ch       chan Change
	prev     []string      // the paths of the previous step
	lastStep time.Duration // how long the last step run with do took
}

// failOnLog turns any log line of the watcher into a test failure: every one is a warning.
type failOnLog struct{ t *testing.T }

func (f failOnLog) Write(p []byte) (int, error) {
	f.t.Errorf("watcher logged: %s", p)
	return len(p), nil
}

// startWatch watches dir until the test ends.
func startWatch(t *testing.T, dir string, debounce time.Duration) (*changeLog, *watcher) {
	t.Helper()
	cl := &changeLog{t: t, debounce: cmp.Or(debounce, defaultDebounce), ch: make(chan Change, 64)}
	w, err := newWatcher(dir, debounce, func(c Change) { cl.ch <- c }, slog.New(slog.NewTextHandler(failOnLog{t}, nil)))
	if err != nil {
		t.Fatal(err)
	}
	cl.root = w.root
	t.Cleanup(w.start())
	return cl, w
}

// abs maps slash-separated paths relative to the app folder to what Change reports.
func (cl *changeLog) abs(rels ...string) []string {
	out := make([]string, len(rels))
	for i, r := range rels {
		out[i] = filepath.Join(cl.root, filepath.FromSlash(r))
	}
	slices.Sort(out)
	return out
}

func (cl *changeLog) next() Change {
	cl.t.Helper()
	select {
	case c := <-cl.ch:
		return c
	case <-time.After(waitLimit):
		cl.t.Fatalf("no Change within %v", waitLimit)
		return Change{}
	}
}

// do runs one step of file operations, timing it for expectOne.
func (cl *changeLog) do(step func()) {
	start := time.Now()
	step()
	cl.lastStep = time.Since(start)
}

// expectOne is expect for a step run with do, which must come as one Change unless the step
// itself was slowed down (a loaded machine) long enough to split it.
func (cl *changeLog) expectOne(rels ...string) Change {
	cl.t.Helper()
	got := cl.expect(rels...)
	if len(got) > 1 {
		if cl.lastStep < cl.debounce/4 {
			cl.t.Errorf("a %v step made %d Changes: %+v", cl.lastStep, len(got), got)
		} else {
			cl.t.Logf("a %v step made %d Changes", cl.lastStep, len(got))
		}
	}
	return got[0]
}

// expect waits for the Changes of one step, which together name exactly rels.
func (cl *changeLog) expect(rels ...string) []Change {
	cl.t.Helper()
	return cl.expectCovering(2, rels)
}

// expectCovering waits for the Changes of one step until they name every path of need;
// every path they name must be in need or allowed. One Change is the rule, but when the
// machine stalls longer than the quiet time a step splits: up to max Changes are accepted,
// and a late Change of the previous step is skipped.
func (cl *changeLog) expectCovering(max int, need []string, allowed ...string) []Change {
	cl.t.Helper()
	needAbs, okAbs := cl.abs(need...), cl.abs(append(allowed, need...)...)
	seen := map[string]bool{}
	var got []Change
	for !containsAll(seen, needAbs) {
		c := cl.next()
		ours := false
		for _, p := range c.Paths {
			switch {
			case slices.Contains(okAbs, p):
				seen[p], ours = true, true
			case slices.Contains(cl.prev, p):
			default:
				cl.t.Errorf("unexpected path %q in %+v", p, c)
			}
		}
		if ours {
			got = append(got, c)
		}
		if len(got) > max {
			cl.t.Fatalf("%d Changes, want at most %d: %+v", len(got), max, got)
		}
	}
	if len(got) > 1 {
		cl.t.Logf("%d Changes for one step: %+v", len(got), got)
	}
	cl.prev = okAbs
	return got
}

func containsAll(set map[string]bool, paths []string) bool {
	for _, p := range paths {
		if !set[p] {
			return false
		}
	}
	return true
}

func write(t *testing.T, dir, rel, body string) {
	t.Helper()
	writeFiles(t, dir, map[string]string{rel: body})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// newAppDir makes an app folder with one route and returns it.
func newAppDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"routes/a.ts": handler})
	writeFiles(t, dir, files)
	return dir
}

func TestWatchFileOperations(t *testing.T) {
	t.Parallel()
	dir := newAppDir(t, nil)
	// A longer quiet time than the default keeps each multi-step save in one batch even when
	// this goroutine is descheduled between its steps.
	cl, _ := startWatch(t, dir, 100*time.Millisecond)
	p := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }

	cl.do(func() { write(t, dir, "routes/new.ts", handler) })
	cl.expectOne("routes/new.ts")

	cl.do(func() { write(t, dir, "routes/a.ts", "export default () => 2;\n") })
	cl.expectOne("routes/a.ts")

	// Atomic save: write a temp file, rename it over the target (sed -i, many editors).
	cl.do(func() {
		write(t, dir, "routes/a.ts.atomic1234", "export default () => 3;\n")
		must(t, os.Rename(p("routes/a.ts.atomic1234"), p("routes/a.ts")))
	})
	cl.expectOne("routes/a.ts")

	// vim's save: probe file, move the original to a backup, write anew, drop the backup.
	cl.do(func() {
		write(t, dir, "routes/4913", "")
		must(t, os.Remove(p("routes/4913")))
		must(t, os.Rename(p("routes/a.ts"), p("routes/a.ts~")))
		write(t, dir, "routes/a.ts", "export default () => 4;\n")
		must(t, os.Remove(p("routes/a.ts~")))
	})
	cl.expectOne("routes/a.ts")

	cl.do(func() { must(t, os.Remove(p("routes/new.ts"))) })
	cl.expectOne("routes/new.ts")

	// A file that comes and goes within one batch is no change at all, nor is a chmod.
	cl.do(func() {
		write(t, dir, "routes/flash.ts", handler)
		must(t, os.Remove(p("routes/flash.ts")))
		must(t, os.Chmod(p("routes/a.ts"), 0o600))
		write(t, dir, "nitro.config.ts", "export default {};\n")
		write(t, dir, "package.json", "{}\n")
	})
	cl.expectOne("nitro.config.ts", "package.json")
}

func TestWatchBurstIsOneChange(t *testing.T) {
	t.Parallel()
	dir := newAppDir(t, nil)
	cl, _ := startWatch(t, dir, 0)
	var names []string
	for i := range 5 {
		names = append(names, "routes/b"+string(rune('0'+i))+".ts")
	}
	start, last, maxGap := time.Now(), time.Now(), time.Duration(0)
	for i := range 20 {
		write(t, dir, names[i%5], strings.Repeat("x", i))
		time.Sleep(time.Millisecond)
		maxGap, last = max(maxGap, time.Since(last)), time.Now()
	}
	t.Logf("20 writes took %v, at most %v apart", time.Since(start), maxGap)
	got := cl.expectCovering(2, names)
	// The last writes may still be waiting for their quiet time.
	select {
	case c := <-cl.ch:
		got = append(got, c)
	case <-time.After(4 * defaultDebounce):
	}
	switch {
	case len(got) <= 2:
	case maxGap >= defaultDebounce/2:
		// This goroutine was descheduled mid-burst (a loaded machine): the writes were not
		// a burst, so how many batches they made says nothing.
		t.Logf("%d Changes after a %v pause between writes", len(got), maxGap)
	default:
		t.Errorf("%d Changes for one burst: %+v", len(got), got)
	}
}

func TestWatchBatchHasDeadline(t *testing.T) {
	t.Parallel()
	dir := newAppDir(t, nil)
	const debounce = 10 * time.Millisecond
	cl, _ := startWatch(t, dir, debounce)
	// Writes every 5 ms never leave 10 ms of quiet; the batch must still come out after
	// maxDelayFactor*debounce (250 ms), long before the writes end.
	deadline := time.Now().Add(2 * time.Second)
	for time.Now().Before(deadline) {
		write(t, dir, "routes/log.ts", time.Now().String())
		select {
		case c := <-cl.ch:
			if !slices.Equal(c.Paths, cl.abs("routes/log.ts")) {
				t.Errorf("paths = %q", c.Paths)
			}
			return
		case <-time.After(5 * time.Millisecond):
		}
	}
	t.Fatal("no Change while writes never paused")
}

func TestWatchFolders(t *testing.T) {
	t.Parallel()
	dir := newAppDir(t, nil)
	cl, _ := startWatch(t, dir, 0)
	p := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }

	// Files written right after mkdir land before the watch on the new folder exists;
	// the watcher finds them by walking it.
	writeFiles(t, dir, map[string]string{"routes/sub/deep/x.ts": handler, "routes/sub/y.ts": handler})
	cl.expectCovering(2, []string{"routes/sub", "routes/sub/deep/x.ts", "routes/sub/y.ts"}, "routes/sub/deep")
	write(t, dir, "routes/sub/deep/later.ts", handler)
	cl.expect("routes/sub/deep/later.ts")

	// A folder renamed inside the tree reports under its new name afterwards.
	must(t, os.Rename(p("routes/sub"), p("routes/moved")))
	cl.expectCovering(2, []string{"routes/sub", "routes/moved", "routes/moved/y.ts", "routes/moved/deep/x.ts", "routes/moved/deep/later.ts"})
	write(t, dir, "routes/moved/deep/x.ts", "export default () => 5;\n")
	cl.expect("routes/moved/deep/x.ts")

	// Removal: no error (failOnLog would catch one), and the folder can come back.
	must(t, os.RemoveAll(p("routes/moved")))
	cl.expectCovering(2, []string{"routes/moved"}, "routes/moved/y.ts", "routes/moved/deep", "routes/moved/deep/x.ts", "routes/moved/deep/later.ts")
	writeFiles(t, dir, map[string]string{"routes/moved/again.ts": handler})
	cl.expectCovering(2, []string{"routes/moved", "routes/moved/again.ts"})
	write(t, dir, "routes/moved/again.ts", "export default () => 6;\n")
	cl.expect("routes/moved/again.ts")

	// Moved out of the tree: its old name is reported, its watches dropped.
	must(t, os.Rename(p("routes/moved"), filepath.Join(t.TempDir(), "gone")))
	cl.expect("routes/moved")
}

func TestWatchIgnoredNames(t *testing.T) {
	t.Parallel()
	dir := newAppDir(t, map[string]string{
		".git/HEAD":                     "ref: refs/heads/main\n",
		"dist/index.js":                 "",
		".output/server/index.mjs":      "",
		".nitro/types/nitro.d.ts":       "",
		"routes/node_modules/x/i.js":    "",
		"node_modules/pkg/package.json": "{}",
		"node_modules/pkg/lib/a/b.js":   "",
		"node_modules/.cache/x":         "",
	})
	cl, w := startWatch(t, dir, 0)
	for _, rel := range []string{
		".git/HEAD", ".git/objects/ab/cdef", "dist/index.js", "dist/new/chunk.js",
		".output/server/index.mjs", ".output/public/x.css", ".nitro/types/nitro.d.ts",
		"routes/node_modules/x/i.js", "routes/node_modules/y/j.js",
		"node_modules/pkg/lib/a/b.js", "node_modules/pkg/index.js", "node_modules/.cache/x", "node_modules/.bin/tool",
		"routes/.a.ts.swp", "routes/.#a.ts", "routes/a.ts~", "routes/4913", "routes/a.ts.swp",
		"routes/a.ts.swx", "routes/a.ts.tmp", "routes/#a.ts#", "routes/.hidden/x.ts",
	} {
		write(t, dir, rel, "changed")
	}
	must(t, os.Chmod(filepath.Join(dir, "routes/a.ts"), 0o600))
	write(t, dir, "routes/ok.ts", handler)
	cl.expect("routes/ok.ts")

	for _, p := range w.fs.WatchList() {
		rel, _ := w.relPath(p)
		if k := classifyPath(rel); k == kindIgnored {
			t.Errorf("ignored path %q is watched", rel)
		}
	}
}

func TestWatchNodeModules(t *testing.T) {
	t.Parallel()
	dir := newAppDir(t, map[string]string{
		"node_modules/.package-lock.json":            "{}",
		"node_modules/some-pkg/package.json":         `{"version":"1.0.0"}`,
		"node_modules/some-pkg/lib/a/b/c.js":         "",
		"node_modules/some-pkg/node_modules/x/p.js":  "",
		"node_modules/@scope/pkg/package.json":       `{"version":"1.0.0"}`,
		"node_modules/@scope/pkg/dist/esm/index.mjs": "",
	})
	cl, w := startWatch(t, dir, 0)
	watched := func() []string {
		var out []string
		for _, p := range w.fs.WatchList() {
			if rel, _ := w.relPath(p); strings.HasPrefix(rel, "node_modules") {
				out = append(out, rel)
			}
		}
		slices.Sort(out)
		return out
	}
	// No watch per package folder: the folder itself, the scope, the manifests.
	if got, want := watched(), []string{"node_modules", "node_modules/@scope", "node_modules/@scope/pkg/package.json", "node_modules/some-pkg/package.json"}; !slices.Equal(got, want) {
		t.Errorf("node_modules watches = %q, want %q", got, want)
	}

	write(t, dir, "node_modules/some-pkg/package.json", `{"version":"1.0.1"}`)
	cl.expect("node_modules/some-pkg/package.json")
	write(t, dir, "node_modules/@scope/pkg/package.json", `{"version":"1.0.1"}`)
	cl.expect("node_modules/@scope/pkg/package.json")

	// An install: a new package folder, its files, then npm's lockfile.
	writeFiles(t, dir, map[string]string{"node_modules/new-pkg/index.js": "", "node_modules/new-pkg/package.json": "{}"})
	write(t, dir, "node_modules/.package-lock.json", `{"new":true}`)
	cl.expectCovering(2, []string{"node_modules/new-pkg", "node_modules/.package-lock.json"}, "node_modules/new-pkg/package.json")
	write(t, dir, "node_modules/new-pkg/package.json", `{"version":"2.0.0"}`)
	cl.expect("node_modules/new-pkg/package.json")

	// A manifest replaced by rename keeps being watched.
	pj := filepath.Join(dir, "node_modules/some-pkg/package.json")
	write(t, dir, "node_modules/some-pkg/package.json.new", `{"version":"1.0.2"}`)
	must(t, os.Rename(pj+".new", pj))
	cl.expect("node_modules/some-pkg/package.json")
	write(t, dir, "node_modules/some-pkg/package.json", `{"version":"1.0.3"}`)
	cl.expect("node_modules/some-pkg/package.json")

	// An uninstall.
	must(t, os.RemoveAll(filepath.Join(dir, "node_modules/some-pkg")))
	cl.expectCovering(2, []string{"node_modules/some-pkg"}, "node_modules/some-pkg/package.json")
	if got := watched(); slices.Contains(got, "node_modules/some-pkg/package.json") {
		t.Errorf("removed package still watched: %q", got)
	}

	// The whole folder removed, then installed afresh.
	must(t, os.RemoveAll(filepath.Join(dir, "node_modules")))
	cl.expectCovering(3, []string{"node_modules"},
		"node_modules/.package-lock.json", "node_modules/@scope", "node_modules/new-pkg", "node_modules/@scope/pkg",
		"node_modules/@scope/pkg/package.json", "node_modules/new-pkg/package.json")
	writeFiles(t, dir, map[string]string{"node_modules/fresh/package.json": "{}"})
	cl.expectCovering(2, []string{"node_modules"}, "node_modules/fresh", "node_modules/fresh/package.json")
	write(t, dir, "node_modules/fresh/package.json", `{"version":"3.0.0"}`)
	cl.expect("node_modules/fresh/package.json")
}

func TestWatchPublicFlag(t *testing.T) {
	t.Parallel()
	dir := newAppDir(t, map[string]string{"public/a.css": "a{}"})
	cl, _ := startWatch(t, dir, 0)

	write(t, dir, "public/a.css", "b{}")
	for _, c := range cl.expect("public/a.css") {
		if !c.Public {
			t.Errorf("public-only change not marked Public: %+v", c)
		}
	}
	writeFiles(t, dir, map[string]string{"public/img/logo.svg": "<svg/>"})
	for _, c := range cl.expect("public/img", "public/img/logo.svg") {
		if !c.Public {
			t.Errorf("new public subfolder not marked Public: %+v", c)
		}
	}
	write(t, dir, "public/a.css", "c{}")
	write(t, dir, "routes/a.ts", "export default () => 7;\n")
	for _, c := range cl.expect("public/a.css", "routes/a.ts") {
		if mixed := slices.Contains(c.Paths, filepath.Join(cl.root, "routes", "a.ts")); c.Public == mixed {
			t.Errorf("Public = %v for %q", c.Public, c.Paths)
		}
	}
	// public/ itself going changes what is served: not a Public change.
	must(t, os.RemoveAll(filepath.Join(dir, "public")))
	for _, c := range cl.expectCovering(2, []string{"public"}, "public/a.css", "public/img", "public/img/logo.svg") {
		if c.Public && slices.Contains(c.Paths, filepath.Join(cl.root, "public")) {
			t.Errorf("removal of public/ marked Public: %+v", c)
		}
	}

	// The server/ layout serves server/public.
	sdir := t.TempDir()
	writeFiles(t, sdir, map[string]string{"server/routes/x.ts": handler, "server/public/s.css": ""})
	scl, _ := startWatch(t, sdir, 0)
	write(t, sdir, "server/public/s.css", "s{}")
	for _, c := range scl.expect("server/public/s.css") {
		if !c.Public {
			t.Errorf("server/public change not marked Public: %+v", c)
		}
	}
}

func TestWatchRelativeDir(t *testing.T) {
	parent := t.TempDir()
	writeFiles(t, parent, map[string]string{"app/routes/a.ts": handler})
	t.Chdir(parent)
	cl, _ := startWatch(t, "app", 0)
	real, err := filepath.EvalSymlinks(filepath.Join(parent, "app"))
	must(t, err)
	if cl.root != real {
		t.Fatalf("root = %q, want %q", cl.root, real)
	}
	write(t, "app", "routes/a.ts", "export default () => 8;\n")
	cl.expect("routes/a.ts")
}

func TestWatchSymlinkedDir(t *testing.T) {
	t.Parallel()
	realDir := newAppDir(t, nil)
	link := filepath.Join(t.TempDir(), "link")
	must(t, os.Symlink(realDir, link))
	cl, _ := startWatch(t, link, 0)
	resolved, err := filepath.EvalSymlinks(realDir)
	must(t, err)
	write(t, link, "routes/a.ts", "export default () => 9;\n")
	if c := cl.next(); !slices.Equal(c.Paths, []string{filepath.Join(resolved, "routes", "a.ts")}) {
		t.Errorf("paths = %q, want them under %s", c.Paths, resolved)
	}
}

func TestWatchErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write(t, dir, "file", "")
	for _, d := range []string{filepath.Join(dir, "missing"), filepath.Join(dir, "file")} {
		if stop, err := Watch(d, 0, func(Change) {}); err == nil {
			stop()
			t.Errorf("Watch(%s) did not fail", d)
		}
	}
}

func TestWatchStopLeavesNoGoroutine(t *testing.T) {
	dir := newAppDir(t, nil)
	var calls atomic.Int32
	got := make(chan Change, 8)
	stop, err := Watch(dir, 0, func(c Change) { calls.Add(1); got <- c })
	must(t, err)
	write(t, dir, "routes/a.ts", "export default () => 10;\n")
	select {
	case <-got:
	case <-time.After(waitLimit):
		t.Fatal("no Change")
	}
	// A batch still waiting when stop is called is dropped, not delivered later.
	write(t, dir, "routes/a.ts", "export default () => 11;\n")
	stop()
	stop() // idempotent
	n := calls.Load()

	deadline := time.Now().Add(waitLimit)
	for {
		buf := make([]byte, 1<<20)
		stacks := string(buf[:runtime.Stack(buf, true)])
		if !strings.Contains(stacks, "fsnotify") && !strings.Contains(stacks, "loader.(*watcher)") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("goroutines left after stop:\n%s", stacks)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if calls.Load() != n {
		t.Error("onChange called after stop returned")
	}
}

func TestWatchOverflowRescans(t *testing.T) {
	t.Parallel()
	dir := newAppDir(t, map[string]string{"routes/old/x.ts": handler})
	got := make(chan Change, 16)
	w, err := newWatcher(dir, 0, func(c Change) { got <- c }, slog.New(slog.NewTextHandler(failOnLog{t}, nil)))
	must(t, err)
	// Not started yet: this goroutine plays the run loop's part, so nothing races. The
	// events of a folder replaced and one created are thrown away, as an overflow loses them.
	must(t, os.RemoveAll(filepath.Join(dir, "routes/old")))
	writeFiles(t, dir, map[string]string{"routes/old/x.ts": handler, "routes/new/y.ts": handler})
	for lost := true; lost; {
		select {
		case <-w.fs.Events:
		case <-time.After(100 * time.Millisecond):
			lost = false
		}
	}
	w.log = slog.New(slog.DiscardHandler) // the overflow warning is expected
	if !w.handleError(fsnotify.ErrEventOverflow) {
		t.Fatal("overflow did not start a batch")
	}
	w.log = slog.New(slog.NewTextHandler(failOnLog{t}, nil))
	w.flush()
	if c := <-got; !slices.Equal(c.Paths, []string{w.root}) {
		t.Errorf("Change = %+v, want one naming the app folder", c)
	}

	// Both the new folder and the recreated one are really watched.
	t.Cleanup(w.start())
	write(t, dir, "routes/old/x.ts", "export default () => 12;\n")
	write(t, dir, "routes/new/y.ts", "export default () => 13;\n")
	want := []string{filepath.Join(w.root, "routes/new/y.ts"), filepath.Join(w.root, "routes/old/x.ts")}
	seen := map[string]bool{}
	for !containsAll(seen, want) {
		select {
		case c := <-got:
			for _, p := range c.Paths {
				seen[p] = true
			}
		case <-time.After(waitLimit):
			t.Fatalf("saw %v, want %q among them", seen, want)
		}
	}
}

func TestClassifyPath(t *testing.T) {
	for rel, want := range map[string]pathKind{
		".":                                 kindTree,
		"routes/a.ts":                       kindTree,
		"nitro.config.ts":                   kindTree,
		"package.json":                      kindTree,
		"server/dist/x.ts":                  kindTree, // only the top-level build output is ignored
		"dist":                              kindIgnored,
		"dist/x.js":                         kindIgnored,
		".output":                           kindIgnored,
		".git/HEAD":                         kindIgnored,
		"routes/.a.ts.swp":                  kindIgnored,
		"routes/a.ts~":                      kindIgnored,
		"routes/#a.ts#":                     kindIgnored,
		"routes/4913":                       kindIgnored,
		"routes/x.tmp":                      kindIgnored,
		"routes/x.swx":                      kindIgnored,
		"routes/node_modules/x":             kindIgnored,
		"node_modules":                      kindModules,
		"node_modules/@s":                   kindModules,
		"node_modules/pkg":                  kindPackage,
		"node_modules/@s/pkg":               kindPackage,
		"node_modules/pkg/package.json":     kindPackageJSON,
		"node_modules/@s/pkg/package.json":  kindPackageJSON,
		"node_modules/.package-lock.json":   kindLockfile,
		"node_modules/pkg/index.js":         kindIgnored,
		"node_modules/pkg/lib/package.json": kindIgnored,
		"node_modules/.bin":                 kindIgnored,
		"node_modules/.pnpm/x/package.json": kindIgnored,
		"node_modules/@s/.tmp-1":            kindIgnored,
	} {
		if got := classifyPath(rel); got != want {
			t.Errorf("classifyPath(%q) = %d, want %d", rel, got, want)
		}
	}
}
