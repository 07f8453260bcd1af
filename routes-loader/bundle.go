package loader

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// Bundle is one generation's code.
type Bundle struct {
	Code   string   // ONE script (IIFE) with an inline source map (sourcesContent included)
	Inputs []string // absolute paths of every file that went into it, sorted (for watching)
}

// HostModules are the import paths served by the engine instead of node_modules. Each one
// compiles to a module whose default export is `globalThis.__azote_host("<path>")`, called
// once per bundle evaluation, and whose named exports are App.HostExports[path], read from that
// object once: importing a name the module lacks is then a build error. A module with no
// names listed is `module.exports = globalThis.__azote_host("<path>")`, reached through
// esbuild's CommonJS interop (which copies the object's properties for every importing file).
var HostModules = []string{
	"nitro",
	"nitro/h3",
	"nitro/runtime-config",
	"nitro/runtime",
	"nitro/config",
	"h3",
	"crossws",
	"azote",
}

const (
	hostNamespace = "azote-host"
	entryName     = "azote-entry.js"
)

// Build bundles every route and middleware of app into one script, so a module imported by
// two routes has one shared state (as in Nitro). Evaluating the script calls
// globalThis.__azote_register({ routes, middleware }) once, with the default export of
// app.Routes[i] at routes[i] and of app.Middleware[i] at middleware[i] (undefined when a file
// has none). Compile errors come back as *BuildError.
func Build(app *App) (*Bundle, error) {
	return bundleFrom(app, api.Build(buildOptions(app)))
}

// buildOptions are esbuild's options for app, shared by Build and Builder so a rebuild
// produces what a fresh build would.
func buildOptions(app *App) api.BuildOptions {
	opts := appOptions(app.Dir, entryName, entrySource(app))
	opts.Metafile = true // for Bundle.Inputs
	opts.Plugins = []api.Plugin{hostPlugin(app.HostExports)}
	return opts
}

// appOptions are the esbuild options for any script made of the app's code (the routes'
// bundle, nitro.config): one generated entry, resolved from the app folder.
func appOptions(dir, entry, source string) api.BuildOptions {
	return api.BuildOptions{
		Stdin: &api.StdinOptions{
			Contents:   source,
			ResolveDir: dir,
			Sourcefile: entry,
			Loader:     api.LoaderJS,
		},
		Bundle: true,
		Format: api.FormatIIFE,
		Target: api.ES2017, // goja has no async generators or for-await; esbuild lowers them
		Supported: map[string]bool{
			"bigint": true, // goja has BigInt; esbuild cannot lower it, so it would refuse 1n
		},
		Platform:       api.PlatformNeutral,
		MainFields:     []string{"module", "main"},
		Conditions:     []string{"node", "import", "default"},
		Sourcemap:      api.SourceMapInline,
		SourcesContent: api.SourcesContentInclude,
		AbsWorkingDir:  dir,
		Write:          false,
		LogLevel:       api.LogLevelSilent,
		Charset:        api.CharsetUTF8,
		Plugins:        []api.Plugin{hostPlugin(nil)},
	}
}

// bundleFrom turns one esbuild result for app into a Bundle, or its errors into *BuildError.
func bundleFrom(app *App, result api.BuildResult) (*Bundle, error) {
	if len(result.Errors) > 0 {
		return nil, newBuildError(result.Errors)
	}
	if len(result.OutputFiles) != 1 {
		return nil, fmt.Errorf("bundle %s: esbuild wrote %d files, want 1", app.Dir, len(result.OutputFiles))
	}
	inputs, err := metafileInputs(app.Dir, result.Metafile)
	if err != nil {
		return nil, fmt.Errorf("bundle %s: %w", app.Dir, err)
	}
	return &Bundle{Code: string(result.OutputFiles[0].Contents), Inputs: inputs}, nil
}

// entrySource is the generated entry module. Namespace imports (not default imports) let a
// file without a default export through: esbuild turns `ns.default` into undefined with a
// warning instead of failing the build.
func entrySource(app *App) string {
	var b strings.Builder
	var routes, middleware []string
	for i, r := range app.Routes {
		fmt.Fprintf(&b, "import * as __r%d from %s;\n", i, quoteJS("./"+r.File))
		routes = append(routes, fmt.Sprintf("__r%d.default", i))
	}
	for i, m := range app.Middleware {
		fmt.Fprintf(&b, "import * as __m%d from %s;\n", i, quoteJS("./"+m))
		middleware = append(middleware, fmt.Sprintf("__m%d.default", i))
	}
	fmt.Fprintf(&b, "globalThis.__azote_register({ routes: [%s], middleware: [%s] });\n",
		strings.Join(routes, ", "), strings.Join(middleware, ", "))
	return b.String()
}

// quoteJS returns s as a JavaScript string literal; JSON strings are valid JS literals.
func quoteJS(s string) string {
	q, _ := json.Marshal(s) // a string always marshals
	return string(q)
}

func hostPlugin(exports map[string][]string) api.Plugin {
	quoted := make([]string, len(HostModules))
	for i, m := range HostModules {
		quoted[i] = regexp.QuoteMeta(m)
	}
	filter := "^(" + strings.Join(quoted, "|") + ")$"
	return api.Plugin{
		Name: "azote-host",
		Setup: func(b api.PluginBuild) {
			b.OnResolve(api.OnResolveOptions{Filter: filter}, func(args api.OnResolveArgs) (api.OnResolveResult, error) {
				return api.OnResolveResult{Path: args.Path, Namespace: hostNamespace}, nil
			})
			b.OnLoad(api.OnLoadOptions{Filter: ".*", Namespace: hostNamespace}, func(args api.OnLoadArgs) (api.OnLoadResult, error) {
				src := hostModuleSource(args.Path, exports[args.Path])
				return api.OnLoadResult{Contents: &src, Loader: api.LoaderJS}, nil
			})
		},
	}
}

// hostModuleSource is the module a host import compiles to (see HostModules).
func hostModuleSource(path string, names []string) string {
	host := "globalThis.__azote_host(" + quoteJS(path) + ")"
	if len(names) == 0 {
		return "module.exports = " + host + ";\n"
	}
	var b strings.Builder
	b.WriteString("const m = " + host + ";\nexport default m;\nexport const {")
	for i, n := range names {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(" " + n)
	}
	b.WriteString(" } = m;\n")
	return b.String()
}

// metafileInputs returns the absolute paths of the on-disk inputs recorded in esbuild's
// metafile (keys are relative to the working directory; the generated entry, recorded under
// its Sourcefile name, and the host modules are not files).
func metafileInputs(dir, metafile string) ([]string, error) {
	var meta struct {
		Inputs map[string]json.RawMessage `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(metafile), &meta); err != nil {
		return nil, fmt.Errorf("read esbuild metafile: %w", err)
	}
	out := make([]string, 0, len(meta.Inputs))
	for key := range meta.Inputs {
		if key == entryName || key == "<stdin>" || strings.HasPrefix(key, hostNamespace+":") {
			continue
		}
		p := filepath.FromSlash(key)
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}
