package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Change is one coalesced batch of file events.
type Change struct {
	Paths  []string // absolute, sorted, deduplicated
	Public bool     // true when EVERY path is under the app's public/ folder (served fresh; no rebuild needed)
}

// defaultDebounce is the quiet time Watch waits for when given none: long enough to merge an
// editor's save (temp file, rename, chmod) and a checkout's burst, short enough to feel instant.
const defaultDebounce = 40 * time.Millisecond

// maxDelayFactor bounds a batch at this many debounce periods from its first event, so a tool
// that writes into the app folder without pause cannot hold a reload back forever.
const maxDelayFactor = 25

// Watch watches the app folder dir recursively and calls onChange (from one goroutine, never
// concurrently) with each batch, after events have been quiet for debounce (40 ms when zero),
// or at the latest 25 debounce periods after the batch's first event.
//
// dir may be relative or a symlink; it is resolved once, and paths are reported under the
// resolved folder. Hidden names, editors' temp and backup files, the build output folders
// .output, .nitro and dist, and everything in node_modules except its top-level entries, the
// packages' package.json files and npm's .package-lock.json are ignored. A path that appears
// and disappears within one batch (an editor's temp file) is left out; a batch left empty is
// not reported. Attribute-only changes (chmod, touch of an unchanged file) are ignored.
//
// stop ends the watch: it is idempotent, drops a batch still waiting, and returns once the
// watching goroutine has ended, so it waits for an onChange in progress and must not be
// called from onChange. Watch fails when dir is not a folder, or when the system limit on
// watches is reached while adding the folders present at start.
func Watch(dir string, debounce time.Duration, onChange func(Change)) (stop func(), err error) {
	w, err := newWatcher(dir, debounce, onChange, slog.Default())
	if err != nil {
		return nil, err
	}
	return w.start(), nil
}

// watcher is the state of one Watch. newWatcher fills it; after start, only the run goroutine
// touches it (fsnotify.Watcher methods are safe from any goroutine).
type watcher struct {
	root     string // absolute, symlinks resolved
	debounce time.Duration
	maxDelay time.Duration
	onChange func(Change)
	log      *slog.Logger
	fs       *fsnotify.Watcher

	dirs     map[string]bool // folders with a watch
	pkgFiles map[string]bool // node_modules package.json files with a watch
	// pending holds the batch: path -> whether its first event in the batch was a creation.
	pending      map[string]bool
	batchStart   time.Time
	modulesDirty bool // node_modules changed: look for package.json files to watch at flush
}

func newWatcher(dir string, debounce time.Duration, onChange func(Change), log *slog.Logger) (*watcher, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("watch app %s: %w", dir, err)
	}
	root, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("watch app %s: %w", dir, err)
	}
	if !isDir(root) {
		return nil, fmt.Errorf("watch app %s: not a directory", dir)
	}
	if debounce <= 0 {
		debounce = defaultDebounce
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch app %s: %w", dir, err)
	}
	w := &watcher{
		root:     root,
		debounce: debounce,
		maxDelay: maxDelayFactor * debounce,
		onChange: onChange,
		log:      log,
		fs:       fw,
		dirs:     map[string]bool{},
		pkgFiles: map[string]bool{},
		pending:  map[string]bool{},
	}
	if err := w.addTree(root, false); err != nil {
		fw.Close()
		return nil, fmt.Errorf("watch app %s: %w", dir, err)
	}
	return w, nil
}

// start runs the watch on its own goroutine and returns the function that ends it.
func (w *watcher) start() (stop func()) {
	quit, done := make(chan struct{}), make(chan struct{})
	go w.run(quit, done)
	var once sync.Once
	return func() {
		once.Do(func() { close(quit) })
		<-done
	}
}

func (w *watcher) run(quit <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	defer w.fs.Close() // waits for fsnotify's reader goroutine
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	for {
		select {
		case <-quit:
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if w.handleEvent(ev) {
				w.arm(timer)
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			if w.handleError(err) {
				w.arm(timer)
			}
		case <-timer.C:
			if w.takeReady() && time.Since(w.batchStart) < w.maxDelay {
				w.arm(timer)
				continue
			}
			w.flush()
		}
	}
}

// readyLimit bounds takeReady so a flood cannot keep it from returning.
const readyLimit = 1024

// takeReady handles the events already waiting, without blocking, and reports whether any
// joined the batch: a timer that fires while events wait means this goroutine was slow to
// run, not that the folder went quiet.
func (w *watcher) takeReady() bool {
	grew := false
	for range readyLimit {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return grew
			}
			grew = w.handleEvent(ev) || grew
		case err, ok := <-w.fs.Errors:
			if !ok {
				return grew
			}
			grew = w.handleError(err) || grew
		default:
			return grew
		}
	}
	return grew
}

// arm (re)starts the quiet period after an event joined the batch.
func (w *watcher) arm(timer *time.Timer) {
	now := time.Now()
	if w.batchStart.IsZero() {
		w.batchStart = now
	}
	timer.Reset(max(0, min(w.debounce, w.batchStart.Add(w.maxDelay).Sub(now))))
}

// handleEvent keeps the watches in step with the tree and adds the event's path to the batch.
// It reports whether the path joined the batch.
func (w *watcher) handleEvent(ev fsnotify.Event) bool {
	rel, ok := w.relPath(ev.Name)
	if !ok {
		return false
	}
	kind := classifyPath(rel)
	switch {
	case kind == kindIgnored:
		return false
	case kind == kindPackageJSON:
		// Any event on a watched file may mean it was replaced (a chmod is how a rename over
		// it shows): point the watch at whatever file now has the name.
		w.rewatchPackageJSON(ev.Name)
	case ev.Op == fsnotify.Chmod:
		return false
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		w.forget(ev.Name, kind)
	}
	if ev.Has(fsnotify.Create) {
		w.discover(ev.Name, kind)
	}
	if kind != kindTree {
		w.modulesDirty = true
	}
	w.record(ev.Name, ev.Has(fsnotify.Create))
	return true
}

// handleError deals with fsnotify's errors. It reports whether the batch grew.
func (w *watcher) handleError(err error) bool {
	if !errors.Is(err, fsnotify.ErrEventOverflow) {
		w.log.Warn("hot reload: watch error", "dir", w.root, "err", err)
		return false
	}
	// Events were lost: rewatch the tree as it is now and report the whole app as changed, so
	// the reload loop rescans.
	w.log.Warn("hot reload: file events overflowed; rescanning the app", "dir", w.root)
	if err := w.rewatchAll(); err != nil {
		w.log.Warn("hot reload: cannot watch all folders", "dir", w.root, "err", err)
	}
	w.record(w.root, false)
	return true
}

// rewatchAll drops the watches of paths that are gone and adds the tree again: adding a
// watch on a path already watched re-points it at the folder now there, which matters for
// a folder removed and recreated while events were being lost.
func (w *watcher) rewatchAll() error {
	for _, set := range []map[string]bool{w.dirs, w.pkgFiles} {
		for p := range set {
			if !exists(p) {
				_ = w.fs.Remove(p)
			}
		}
		clear(set)
	}
	return w.addTree(w.root, false)
}

func (w *watcher) record(path string, created bool) {
	if _, seen := w.pending[path]; !seen {
		w.pending[path] = created
	}
}

// flush reports the batch.
func (w *watcher) flush() {
	w.batchStart = time.Time{}
	if w.modulesDirty {
		// A package folder may have been created before its package.json was written.
		w.modulesDirty = false
		if err := w.addModules(); err != nil {
			w.log.Warn("hot reload: cannot watch node_modules", "dir", w.root, "err", err)
		}
	}
	paths := make([]string, 0, len(w.pending))
	for p, created := range w.pending {
		if created && !exists(p) {
			continue // came and went within the batch: an editor's temp file
		}
		paths = append(paths, p)
	}
	clear(w.pending)
	if len(paths) == 0 {
		return
	}
	sort.Strings(paths)
	w.onChange(Change{Paths: paths, Public: allUnder(paths, publicDirOf(w.root))})
}

// relPath returns name relative to the root, slash-separated, "." for the root itself.
func (w *watcher) relPath(name string) (string, bool) {
	if name == w.root {
		return ".", true
	}
	rest, ok := strings.CutPrefix(name, w.root+string(filepath.Separator))
	if !ok || rest == "" {
		return "", false
	}
	return filepath.ToSlash(rest), true
}

// discover watches what a Create event brought: a folder of the app with all it holds (its
// files were likely written before the watch on it existed, so they join the batch), or a
// node_modules entry.
func (w *watcher) discover(path string, kind pathKind) {
	var err error
	switch kind {
	case kindTree:
		// Symlinked folders are not followed, as in Scan.
		if st, lerr := os.Lstat(path); lerr == nil && st.IsDir() {
			err = w.addTree(path, true)
		}
	case kindModules:
		if path == filepath.Join(w.root, "node_modules") {
			err = w.addModules()
		} else {
			err = w.addScope(path)
		}
	case kindPackage:
		err = w.addPackageJSON(filepath.Join(path, "package.json"))
	}
	if err != nil {
		w.log.Warn("hot reload: cannot watch a new folder", "path", path, "err", err)
	}
}

// forget drops the watches under a removed or renamed path. Without this a folder renamed
// inside the tree would keep reporting its files under the old name.
func (w *watcher) forget(path string, kind pathKind) {
	if !w.dirs[path] && kind != kindPackage {
		return // a file: nothing is watched below it
	}
	prefix := path + string(filepath.Separator)
	for _, set := range []map[string]bool{w.dirs, w.pkgFiles} {
		for p := range set {
			if p == path || strings.HasPrefix(p, prefix) {
				delete(set, p)
				// The kernel drops the watch of a deleted folder itself; this fails then.
				_ = w.fs.Remove(p)
			}
		}
	}
}

// addTree watches start and every app folder below it. With report, the files found join the
// batch. It fails only when start itself cannot be watched or the watch limit is reached;
// other folders that cannot be watched are logged and skipped.
func (w *watcher) addTree(start string, report bool) error {
	return filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// Vanished mid-walk (its removal is an event of its own) or unreadable.
			if !errors.Is(err, fs.ErrNotExist) {
				w.log.Warn("hot reload: cannot read folder", "path", p, "err", err)
			}
			return nil
		}
		rel, _ := w.relPath(p)
		switch classifyPath(rel) {
		case kindIgnored:
			if d.IsDir() {
				return fs.SkipDir
			}
		case kindModules: // the top-level node_modules (the walk goes no deeper)
			if err := w.addModules(); err != nil {
				return err
			}
			if d.IsDir() {
				return fs.SkipDir
			}
		case kindTree:
			if !d.IsDir() {
				if report {
					w.record(p, true)
				}
				return nil
			}
			if err := w.addDir(p); err != nil {
				if p == start || isWatchLimit(err) {
					return err
				}
				w.log.Warn("hot reload: cannot watch folder", "path", p, "err", err)
				return fs.SkipDir
			}
		}
		return nil
	})
}

// addModules watches the top-level node_modules folder, its @scope folders and each
// package's package.json: enough to see installs, removals and version changes without a
// watch per folder of a tree that can hold tens of thousands. Failures other than the watch
// limit are logged.
func (w *watcher) addModules() error {
	nm := filepath.Join(w.root, "node_modules")
	if !isDir(nm) {
		return nil
	}
	if err := w.tolerate(w.addDir(nm)); err != nil {
		return err
	}
	entries, err := os.ReadDir(nm)
	if err != nil {
		return w.tolerate(err)
	}
	for _, e := range entries {
		p := filepath.Join(nm, e.Name())
		switch classifyPath("node_modules/" + e.Name()) {
		case kindModules:
			err = w.addScope(p)
		case kindPackage:
			err = w.addPackageJSON(filepath.Join(p, "package.json"))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// addScope watches an @scope folder of node_modules and its packages' package.json files.
func (w *watcher) addScope(scope string) error {
	if !isDir(scope) {
		return nil
	}
	if err := w.tolerate(w.addDir(scope)); err != nil {
		return err
	}
	entries, err := os.ReadDir(scope)
	if err != nil {
		return w.tolerate(err)
	}
	for _, e := range entries {
		if isIgnoredName(e.Name()) {
			continue
		}
		if err := w.addPackageJSON(filepath.Join(scope, e.Name(), "package.json")); err != nil {
			return err
		}
	}
	return nil
}

// addPackageJSON watches one package's package.json if it exists (package folders may be
// symlinks, as with pnpm or npm link; the watch follows them).
func (w *watcher) addPackageJSON(p string) error {
	if w.pkgFiles[p] || !isFile(p) {
		return nil
	}
	if err := w.fs.Add(p); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return w.tolerate(fmt.Errorf("add %s: %w", p, err))
	}
	w.pkgFiles[p] = true
	return nil
}

// rewatchPackageJSON points the watch of a package.json at the file now at that path, or
// drops it when there is none.
func (w *watcher) rewatchPackageJSON(p string) {
	delete(w.pkgFiles, p)
	if !isFile(p) {
		_ = w.fs.Remove(p)
		return
	}
	if err := w.addPackageJSON(p); err != nil {
		w.log.Warn("hot reload: cannot watch package.json", "path", p, "err", err)
	}
}

// addDir adds a watch on one folder. A folder already gone is not an error: its removal is
// an event of its own.
func (w *watcher) addDir(p string) error {
	if w.dirs[p] {
		return nil
	}
	if err := w.fs.Add(p); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if isWatchLimit(err) {
			return fmt.Errorf("add %s: %w (raise the inotify limit fs.inotify.max_user_watches)", p, err)
		}
		return fmt.Errorf("add %s: %w", p, err)
	}
	w.dirs[p] = true
	return nil
}

// tolerate logs err and returns nil, unless err is the watch limit, which would fail every
// watch after it and so ends the caller's walk.
func (w *watcher) tolerate(err error) error {
	if err == nil || isWatchLimit(err) {
		return err
	}
	if !errors.Is(err, fs.ErrNotExist) {
		w.log.Warn("hot reload: cannot watch", "dir", w.root, "err", err)
	}
	return nil
}

func exists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// isWatchLimit reports the error inotify gives when fs.inotify.max_user_watches is reached.
func isWatchLimit(err error) bool {
	return errors.Is(err, syscall.ENOSPC)
}
