package azote

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	loader "github.com/azote-dev/azote/routes-loader"
)

// reloader turns file changes into new generations (azote dev). The watcher's goroutine
// drives it, one change at a time.
type reloader struct {
	s       *Server
	dir     string
	builder *loader.Builder
	entry   string              // the route and middleware files the builder was made for
	inputs  map[string]struct{} // the files of the last bundle
	broken  bool                // the last reload failed (the previous generation still serves) or left routes broken
}

// bundle builds app incrementally, making a new builder when the set of files changed.
func (r *reloader) bundle(app *loader.App) (*loader.Bundle, error) {
	entry := strings.Join(app.Middleware, "\n") + "\n--\n"
	for _, rt := range app.Routes {
		entry += rt.File + "\n"
	}
	if r.builder == nil || entry != r.entry {
		r.dispose()
		b, err := loader.NewBuilder(app)
		if err != nil {
			return nil, err
		}
		r.builder, r.entry = b, entry
	}
	bundle, err := r.builder.Rebuild()
	if err == nil {
		r.inputs = make(map[string]struct{}, len(bundle.Inputs))
		for _, in := range bundle.Inputs {
			r.inputs[in] = struct{}{}
		}
	}
	return bundle, err
}

func (r *reloader) dispose() {
	if r.builder != nil {
		r.builder.Dispose()
		r.builder = nil
	}
}

func (s *Server) watch(dir string) error {
	stop, err := loader.Watch(dir, 30*time.Millisecond, s.reload.onChange)
	if err != nil {
		return fmt.Errorf("watch %s: %w", dir, err)
	}
	s.stopWatch = stop
	return nil
}

// onChange rebuilds the app as a new generation and swaps it in, or keeps the old one
// serving when the new code does not build or load.
func (r *reloader) onChange(ch loader.Change) {
	changed := r.describe(ch.Paths)
	if ch.Public && !slices.ContainsFunc(ch.Paths, func(p string) bool { _, ok := r.inputs[p]; return ok }) {
		r.s.log.Info("public/ changed; served fresh", "changed", changed)
		return
	}
	started := time.Now()
	old := r.s.cur.Load()
	cfg := old.config
	if slices.ContainsFunc(ch.Paths, func(p string) bool { return slices.Contains(configFiles, filepath.Base(p)) }) {
		var err error
		if cfg, err = loadConfig(r.dir); err != nil {
			r.fail(changed, err)
			return
		}
	}
	app, err := r.s.scan(r.dir, cfg)
	if err != nil {
		r.fail(changed, err)
		return
	}
	bundle, err := r.bundle(app)
	if err != nil {
		r.fail(changed, err)
		return
	}
	built := time.Now()
	g, err := r.s.load(cfg, app, bundle)
	if err != nil {
		r.fail(changed, err)
		return
	}
	loaded := time.Now()
	old, ok := r.s.install(g, nil)
	if !ok {
		g.release(context.Background()) // the server closed meanwhile
		return
	}
	added, removed := routeDiff(old.app.Routes, app.Routes)
	attrs := []any{"changed", changed,
		"build", fmt.Sprintf("%.1fms", float64(built.Sub(started).Microseconds())/1000),
		"load", fmt.Sprintf("%.1fms", float64(loaded.Sub(built).Microseconds())/1000)}
	if len(added) > 0 {
		attrs = append(attrs, "added", strings.Join(added, ", "))
	}
	if len(removed) > 0 {
		attrs = append(attrs, "removed", strings.Join(removed, ", "))
	}
	broken := g.js.BrokenRoutes()
	if len(broken) > 0 {
		attrs = append(attrs, "broken", strings.Join(broken, ", "))
	} else if r.broken {
		attrs = append(attrs, "recovered", true)
	}
	r.broken = len(broken) > 0
	r.s.log.Info("reloaded", attrs...)
	go r.s.retireWithin(drainGrace, old, 1012, "Service Restart")
}

// fail reports a reload that did not produce a generation; the old one keeps serving.
func (r *reloader) fail(changed string, err error) {
	r.s.log.Error("reload failed; the previous code keeps serving until this is fixed", "changed", changed)
	fmt.Fprintf(r.s.errOut, "\n%s\n\n", describeError(r.dir, err))
	r.broken = true
}

// describe names the changed files relative to the app folder.
func (r *reloader) describe(paths []string) string {
	names := make([]string, 0, len(paths))
	for _, p := range paths {
		if rel, err := filepath.Rel(r.dir, p); err == nil {
			p = filepath.ToSlash(rel)
		}
		names = append(names, p)
	}
	if len(names) > 3 {
		return strings.Join(names[:3], ", ") + fmt.Sprintf(" and %d more", len(names)-3)
	}
	return strings.Join(names, ", ")
}

func routeDiff(before, after []loader.Route) (added, removed []string) {
	key := func(r loader.Route) string {
		if r.Method == "" {
			return r.Path
		}
		return r.Method + " " + r.Path
	}
	had := map[string]bool{}
	for _, r := range before {
		had[key(r)] = true
	}
	has := map[string]bool{}
	for _, r := range after {
		has[key(r)] = true
		if !had[key(r)] {
			added = append(added, key(r))
		}
	}
	for _, r := range before {
		if !has[key(r)] {
			removed = append(removed, key(r))
		}
	}
	return added, removed
}

var sourcePosition = regexp.MustCompile(`([\w.@\[\]()/-]+\.(?:ts|mts|cts|tsx|js|mjs|cjs|jsx)):(\d+):(\d+)`)

// describeError renders a build or load error as one readable block. Build errors carry their
// own code frames; an exception while the modules evaluate gets one from its first stack
// frame in the app.
func describeError(dir string, err error) string {
	var be *loader.BuildError
	if errors.As(err, &be) {
		return be.Error()
	}
	text := err.Error()
	m := sourcePosition.FindStringSubmatch(text)
	if m == nil {
		return text
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	src, rerr := os.ReadFile(filepath.Join(dir, filepath.FromSlash(m[1])))
	if rerr != nil {
		return text
	}
	lines := strings.Split(string(src), "\n")
	if line < 1 || line > len(lines) {
		return text
	}
	code := strings.TrimRight(lines[line-1], "\r")
	pad := strings.Repeat(" ", len(strconv.Itoa(line)))
	caret := ""
	for i, r := range code {
		if i >= col-1 {
			break
		}
		if r == '\t' {
			caret += "\t"
		} else {
			caret += " "
		}
	}
	return fmt.Sprintf("%s:%d:%d: error:\n %d | %s\n %s | %s^\n%s", m[1], line, col, line, code, pad, caret, text)
}
