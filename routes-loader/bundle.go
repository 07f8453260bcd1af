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
	// Broken maps each route file (relative to the app dir) left out of Code because it does
	// not compile to its own build error; its slot in routes[] is undefined. Nil when all built.
	Broken map[string]*BuildError
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
// two routes has one shared state (as in Nitro). Evaluating the script starts an async
// function (see routesOptions) that evaluates the modules in order, awaiting each top-level
// await, then calls globalThis.__azote_register({ routes, errors, middleware }) once, with the
// default export of app.Routes[i] at routes[i] (or the exception its module threw or the
// promise it awaited rejected with at errors[i]) and of app.Middleware[i] at middleware[i]
// (undefined when a file has none). When a middleware's module throws, the function's
// promise rejects instead: the script ends with .catch(globalThis.__azote_load_failed).
// Compile errors come back as *BuildError.
func Build(app *App) (*Bundle, error) {
	return bundleFrom(app, api.Build(buildOptions(app)))
}

// buildOptions are esbuild's options for app, shared by Build and Builder so a rebuild
// produces what a fresh build would.
func buildOptions(app *App) api.BuildOptions {
	return scriptOptions(app, entrySource(app))
}

// scriptOptions are the options of a script of app's routes and middleware made from the entry
// source, with app's host module exports (so importing a name they lack is a build error) and
// a metafile for Bundle.Inputs.
func scriptOptions(app *App, source string) api.BuildOptions {
	opts := routesOptions(app.Dir, source)
	opts.Metafile = true
	opts.Plugins = []api.Plugin{hostPlugin(app.HostExports)}
	opts.Define = importMeta(app.Dev)
	return opts
}

// importMeta is the import.meta flags Nitro defines in a server build, for code that branches
// on them (if (import.meta.dev) ...): azote runs as Nitro's node-server preset does.
func importMeta(dev bool) map[string]string {
	return map[string]string{
		"import.meta.dev":       fmt.Sprint(dev),
		"import.meta.server":    "true",
		"import.meta.client":    "false",
		"import.meta.browser":   "false",
		"import.meta.nitro":     "true",
		"import.meta.prerender": "false",
		"import.meta.test":      "false",
		"import.meta.preset":    `"node-server"`,
	}
}

// routesOptions are the options of a script made of the app's routes and middleware, whose
// modules may use top-level await (Nitro's are ES modules). goja runs scripts, not modules,
// so esbuild writes an ES module of the whole graph, whose modules become lazy initialisers,
// async ones where a module or one of its imports awaits; with no exports it is a plain
// script but for its top-level awaits, which the banner and footer turn into the body of an
// async function. The generated entry awaits each route's import().
func routesOptions(dir, source string) api.BuildOptions {
	opts := appOptions(dir, entryName, source)
	opts.Format = api.FormatESModule
	opts.Supported["top-level-await"] = true
	opts.Banner = map[string]string{"js": "(async () => {"}
	opts.Footer = map[string]string{"js": "})().catch((e) => globalThis.__azote_load_failed(e));"}
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

// bundleFrom turns one esbuild result for app into a Bundle; on errors it tries to serve the
// routes that compile (see isolate), else returns the errors as *BuildError.
func bundleFrom(app *App, result api.BuildResult) (*Bundle, error) {
	if len(result.Errors) > 0 {
		return isolate(app, newBuildError(result.Errors))
	}
	return bundleOf(app, result)
}

// bundleOf turns one successful esbuild result for app into a Bundle.
func bundleOf(app *App, result api.BuildResult) (*Bundle, error) {
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

// entrySource is the generated entry module.
func entrySource(app *App) string {
	return entrySourceWithout(app, nil)
}

// entryPrelude is the start of every entry. Each route is evaluated by an awaited import()
// in its own try, so a route whose module (or a file it imports) throws while evaluating, or
// awaits a promise that rejects, is caught and handed to the host in errors[i] while the other
// routes load. A module that failed fails again for its next importer, as in Node: esbuild's
// initialiser keeps the error (or the rejected promise). import() gives the namespace an
// `import * as ns` would: a CommonJS file's default is its module.exports.
const entryPrelude = "var __azote_routes = [], __azote_errors = [];\n"

// entrySourceWithout is entrySource with the routes in skip left out (undefined in routes[]).
// Middleware is evaluated after the routes and not caught: a middleware runs for every
// request, so one that throws fails the whole load.
func entrySourceWithout(app *App, skip map[string]*BuildError) string {
	var b strings.Builder
	b.WriteString(entryPrelude)
	for i, r := range app.Routes {
		if _, ok := skip[r.File]; ok {
			continue
		}
		fmt.Fprintf(&b, "try { __azote_routes[%d] = (await import(%s)).default; } catch (e) { __azote_errors[%d] = e; }\n",
			i, quoteJS("./"+r.File), i)
	}
	b.WriteString("var __azote_middleware = [];\n")
	for _, m := range app.Middleware {
		fmt.Fprintf(&b, "__azote_middleware.push((await import(%s)).default);\n", quoteJS("./"+m))
	}
	b.WriteString("globalThis.__azote_register({ routes: __azote_routes, errors: __azote_errors, middleware: __azote_middleware });\n")
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
