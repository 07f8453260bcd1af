package bindings

import (
	"slices"

	"github.com/azote-dev/azote/bindings/jsdeps"
)

// HostExports names the exports of each host module nitro.js builds (the loader's
// HostModules), for the bundler: a route importing a name a module lacks fails to build,
// naming it, instead of finding undefined at request time. A module that is not listed
// (nitro/runtime, crossws/*) falls back to nitro's or crossws's object and is reached through
// CommonJS interop. TestHostExportsMatchTheModules keeps this in step with nitro.js.
func HostExports() map[string][]string {
	h3 := jsdeps.H3.Exports
	return map[string][]string{
		"h3":                   h3,
		"nitro/h3":             h3,
		"nitro":                sorted(append(slices.Clone(h3), "defineConfig", "defineNitroConfig", "defineHooks")),
		"crossws":              {"defineHooks", "defineWebSocket"},
		"azote":                {"peers", "publish", "subscribe"},
		"nitro/runtime-config": {"useRuntimeConfig"},
	}
}

func sorted(names []string) []string {
	slices.Sort(names)
	return slices.Compact(names)
}

// Precompile compiles the bundled npm packages every generation runs (a goja Program each,
// once per process; see jsdeps), so that a caller can start it early, off the loop. Load calls
// it too, before its loop job: a job waiting on the compile would spend its handler timeout
// on it. Call engine.BoundRegexps first: the Programs' regexp literals keep the match timeout
// in force when they compile.
func Precompile() error {
	for _, b := range jsdeps.All {
		if _, err := b.Program(); err != nil {
			return err
		}
	}
	return nil
}
