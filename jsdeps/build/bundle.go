package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// entry is one file of jsdeps/entries: one bundle.
type entry struct {
	name string // "web-streams" for entries/web-streams.js
	file string // base name
}

// bundle is one built entry.
type bundle struct {
	entry
	code []byte
	// packageDirs are the node_modules folders (relative to the install folder) of every
	// package whose code the bundle holds, direct or transitive.
	packageDirs []string
	exports     []string // the entry's export names, sorted
}

func listEntries(srcDir string) ([]entry, error) {
	files, err := filepath.Glob(filepath.Join(srcDir, "entries", "*.js"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no entry files in %s", filepath.Join(srcDir, "entries"))
	}
	sort.Strings(files)
	entries := make([]entry, 0, len(files))
	for _, f := range files {
		base := filepath.Base(f)
		entries = append(entries, entry{name: strings.TrimSuffix(base, ".js"), file: base})
	}
	return entries, nil
}

// wrapperStart and wrapperEnd make a CommonJS bundle a script whose completion value is its
// exports object, so goja's RunProgram returns the exports and no global is declared.
const (
	wrapperStart = "(function () {\nvar module = { exports: {} }, exports = module.exports;"
	wrapperEnd   = "return module.exports;\n})();"
)

// buildBundles bundles each entry with esbuild. The entries are copied into the install folder
// and esbuild works from there, so the path comments in the output are relative
// ("node_modules/h3/dist/index.mjs") and the output is the same on every machine.
func buildBundles(workDir, srcDir string, entries []entry) ([]bundle, error) {
	entryDir := filepath.Join(workDir, "entries")
	if err := os.RemoveAll(entryDir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(entryDir, 0o755); err != nil {
		return nil, err
	}
	if err := copyDir(filepath.Join(srcDir, "adapters"), filepath.Join(workDir, "adapters")); err != nil {
		return nil, err
	}
	bundles := make([]bundle, 0, len(entries))
	for _, e := range entries {
		src, err := os.ReadFile(filepath.Join(srcDir, "entries", e.file))
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(entryDir, e.file), src, 0o644); err != nil {
			return nil, err
		}
		b, err := buildOne(workDir, e)
		if err != nil {
			return nil, err
		}
		bundles = append(bundles, b)
	}
	return bundles, nil
}

func buildOne(workDir string, e entry) (bundle, error) {
	result := api.Build(api.BuildOptions{
		AbsWorkingDir: workDir,
		EntryPoints:   []string{"entries/" + e.file},
		Bundle:        true,
		Write:         false,
		Outfile:       e.file,
		Format:        api.FormatCommonJS,
		Platform:      api.PlatformNeutral,
		MainFields:    []string{"module", "main"},
		Conditions:    []string{"import", "default"},
		Target:        api.ESNext,
		// What goja lacks or gets wrong, esbuild lowers; the rest of ES2022+ goja runs as it is.
		Supported: map[string]bool{
			"class-field":        false,
			"class-static-field": false,
			"async-generator":    false,
			"for-await":          false,
		},
		Banner:        map[string]string{"js": wrapperStart},
		Footer:        map[string]string{"js": wrapperEnd},
		LegalComments: api.LegalCommentsNone, // the licence texts are in LICENSES
		Charset:       api.CharsetUTF8,
		Metafile:      true,
		LogLevel:      api.LogLevelSilent,
		Plugins:       []api.Plugin{srvxAdapter(workDir)},
	})
	if len(result.Errors) > 0 {
		msgs := api.FormatMessages(result.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return bundle{}, fmt.Errorf("bundle %s:\n%s", e.file, strings.Join(msgs, ""))
	}
	if len(result.OutputFiles) != 1 {
		return bundle{}, fmt.Errorf("bundle %s: esbuild wrote %d files, want 1", e.file, len(result.OutputFiles))
	}
	dirs, err := bundledPackages(result.Metafile)
	if err != nil {
		return bundle{}, fmt.Errorf("bundle %s: %w", e.file, err)
	}
	exports, err := exportNames(workDir, e)
	if err != nil {
		return bundle{}, err
	}
	return bundle{entry: e, code: result.OutputFiles[0].Contents, packageDirs: dirs, exports: exports}, nil
}

// exportNames lists the names the entry exports. The bundles are CommonJS, whose metafile does
// not say; an ES module build of the same entry (not written anywhere) does.
func exportNames(workDir string, e entry) ([]string, error) {
	result := api.Build(api.BuildOptions{
		AbsWorkingDir: workDir,
		EntryPoints:   []string{"entries/" + e.file},
		Bundle:        true,
		Write:         false,
		Outfile:       e.file,
		Format:        api.FormatESModule,
		Platform:      api.PlatformNeutral,
		MainFields:    []string{"module", "main"},
		Conditions:    []string{"import", "default"},
		Metafile:      true,
		LogLevel:      api.LogLevelSilent,
		Plugins:       []api.Plugin{srvxAdapter(workDir)},
	})
	if len(result.Errors) > 0 {
		return nil, fmt.Errorf("export names of %s: %s", e.file, result.Errors[0].Text)
	}
	var meta struct {
		Outputs map[string]struct {
			Exports []string `json:"exports"`
		} `json:"outputs"`
	}
	if err := json.Unmarshal([]byte(result.Metafile), &meta); err != nil {
		return nil, fmt.Errorf("export names of %s: %w", e.file, err)
	}
	var names []string
	for _, out := range meta.Outputs {
		names = append(names, out.Exports...)
	}
	sort.Strings(names)
	return names, nil
}

// srvxAdapter resolves a bare "srvx" import to adapters/srvx.js: srvx picks its per-runtime
// adapter (node, bun, deno, generic) by export conditions, and azote's is that file. Subpaths
// ("srvx/body-limit") stay srvx's own.
func srvxAdapter(workDir string) api.Plugin {
	return api.Plugin{Name: "srvx-adapter", Setup: func(b api.PluginBuild) {
		b.OnResolve(api.OnResolveOptions{Filter: `^srvx$`}, func(api.OnResolveArgs) (api.OnResolveResult, error) {
			return api.OnResolveResult{Path: filepath.Join(workDir, "adapters", "srvx.js")}, nil
		})
	}}
}

// bundledPackages reads esbuild's metafile and returns the package folders its inputs lie in:
// "node_modules/h3" for "node_modules/h3/dist/index.mjs", "node_modules/@scope/pkg" for a
// scoped one, the innermost node_modules for a nested copy.
func bundledPackages(metafile string) ([]string, error) {
	var meta struct {
		Inputs map[string]json.RawMessage `json:"inputs"`
	}
	if err := json.Unmarshal([]byte(metafile), &meta); err != nil {
		return nil, fmt.Errorf("read metafile: %w", err)
	}
	seen := map[string]bool{}
	for input := range meta.Inputs {
		i := strings.LastIndex(input, "node_modules/")
		if i < 0 {
			continue
		}
		rest := strings.Split(input[i+len("node_modules/"):], "/")
		n := 1
		if strings.HasPrefix(rest[0], "@") {
			n = 2
		}
		if len(rest) <= n {
			continue
		}
		seen[input[:i+len("node_modules/")]+strings.Join(rest[:n], "/")] = true
	}
	dirs := make([]string, 0, len(seen))
	for d := range seen {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	return dirs, nil
}

// copyDir replaces dst with a copy of the files of src (one level).
func copyDir(src, dst string) error {
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	files, err := os.ReadDir(src)
	if err != nil {
		return err
	}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(src, f.Name()))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dst, f.Name()), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
