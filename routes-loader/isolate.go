package loader

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// isolate is called only after a failed build of app, so a good build costs what it did.
// It builds each route and middleware file alone to learn which ones the errors belong to.
// When only some routes fail, it builds the app again without them and returns that bundle
// with Broken naming each dropped route's own error; the server answers those routes 500.
// A failing middleware file, or errors in every route (a file they all import), fail the
// whole build: whole is returned unchanged, as before isolation existed.
func isolate(app *App, whole *BuildError) (*Bundle, error) {
	for _, m := range app.Middleware {
		if err := buildAlone(app, m); err != nil {
			return nil, whole
		}
	}
	broken := map[string]*BuildError{}
	for _, r := range app.Routes {
		if err := buildAlone(app, r.File); err != nil {
			broken[r.File] = err
		}
	}
	if len(broken) == 0 || len(broken) == len(app.Routes) {
		return nil, whole
	}
	bundle, err := bundleOf(app, api.Build(scriptOptions(app, entrySourceWithout(app, broken))))
	if err != nil {
		return nil, whole
	}
	bundle.Broken = broken
	bundle.Inputs = withBrokenInputs(app.Dir, bundle.Inputs, broken)
	return bundle, nil
}

// withBrokenInputs adds to inputs the files the broken routes' errors name (the route, or the
// file it imports that does not compile), which the bundle no longer holds, so a watcher
// still reloads when one of them is fixed.
func withBrokenInputs(dir string, inputs []string, broken map[string]*BuildError) []string {
	for file, be := range broken {
		inputs = append(inputs, filepath.Join(dir, filepath.FromSlash(file)))
		for _, m := range be.Messages {
			if m.File != "" && m.File != entryName && !strings.HasPrefix(m.File, hostNamespace+":") {
				inputs = append(inputs, filepath.Join(dir, filepath.FromSlash(m.File)))
			}
		}
	}
	slices.Sort(inputs)
	return slices.Compact(inputs)
}

// buildAlone bundles one file of the app by itself and returns its compile errors, if any.
func buildAlone(app *App, file string) *BuildError {
	result := api.Build(scriptOptions(app, "globalThis.__azote_keep = await import("+quoteJS("./"+file)+");\n"))
	if len(result.Errors) > 0 {
		return newBuildError(result.Errors)
	}
	return nil
}
