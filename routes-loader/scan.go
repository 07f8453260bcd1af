package loader

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// App is the result of scanning an app folder.
type App struct {
	Dir        string   // absolute, symlinks resolved
	Routes     []Route  // after duplicate removal, in scan order (api/, routes/), stable
	Middleware []string // files relative to Dir, in full relative path order
	PublicDir  string   // absolute path of DIR/public (DIR/server/public for the server/ layout) if it exists, else ""
	ConfigFile string   // "nitro.config.ts|js|mjs" relative name if present, else ""
	Warnings   []string // skipped files and duplicate routes, for the log
	// Dev is the scan's Layout.Dev: the bundle's import.meta.dev.
	Dev bool
	// HostExports names the exports of each host module (see HostModules), set by the
	// caller before building; nil builds every host module through CommonJS interop.
	HostExports map[string][]string
}

// sourceExts are the file extensions Scan picks up, in the order that breaks ties between
// files with the same stem ("a.ts" beats "a.js").
var sourceExts = []string{"ts", "mts", "cts", "tsx", "js", "mjs", "cjs", "jsx"}

var configNames = []string{"nitro.config.ts", "nitro.config.js", "nitro.config.mjs"}

// entryNames are the server entry files Nitro detects at the app's root, the Node-specific
// ones first: azote is a Node-like runtime, as Nitro's node presets are.
var entryNames = []string{
	"server.node.ts", "server.node.mts", "server.node.js", "server.node.mjs",
	"server.ts", "server.mts", "server.js", "server.mjs",
}

// Layout names the app's folders, as nitro.config's serverDir, routesDir, apiDir and
// apiBaseURL do. Empty fields take the defaults.
type Layout struct {
	ServerDir  string // folder holding the three below, relative to the app dir; "" = "." or "server" (auto)
	RoutesDir  string // default "routes"
	APIDir     string // default "api"
	APIBaseURL string // default "/api"
	// Dev selects the route files of a dev build: "x.dev.ts" is scanned and "x.prod.ts" is
	// not; without it the other way round.
	Dev bool
}

// Scan reads dir with SPEC section 1's rules: DIR/api/ (under /api), DIR/routes/,
// DIR/middleware/, or the same three inside DIR/server/ when DIR has none of them, and the
// server entry DIR/server.ts (see entryNames), Nitro 3's fallback handler, as the last route.
// It fails when dir does not exist or holds no route file and no server entry.
func Scan(dir string) (*App, error) {
	return ScanLayout(dir, Layout{})
}

// ScanLayout is Scan with folder names from the app's config.
func ScanLayout(dir string, layout Layout) (*App, error) {
	if layout.RoutesDir == "" {
		layout.RoutesDir = "routes"
	}
	if layout.APIDir == "" {
		layout.APIDir = "api"
	}
	if layout.APIBaseURL == "" {
		layout.APIBaseURL = "/api"
	}
	if base := strings.Trim(layout.APIBaseURL, "/"); base != "" {
		layout.APIBaseURL = "/" + base
	} else {
		layout.APIBaseURL = "" // api files mounted at the root
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("scan app %s: %w", dir, err)
	}
	abs, err = filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, fmt.Errorf("scan app %s: %w", dir, err)
	}
	if !isDir(abs) {
		return nil, fmt.Errorf("scan app %s: not a directory", dir)
	}
	app := &App{Dir: abs, Dev: layout.Dev}

	base := "" // folder holding api/ routes/ middleware/, relative to abs
	switch sd := strings.Trim(filepath.ToSlash(filepath.Clean(layout.ServerDir)), "/"); {
	case layout.ServerDir != "" && sd != ".":
		base = sd + "/"
	case layout.ServerDir == "" && !hasAny(abs, layout.APIDir, layout.RoutesDir, "middleware") &&
		hasAny(filepath.Join(abs, "server"), layout.APIDir, layout.RoutesDir, "middleware"):
		base = "server/"
	}

	build := "prod" // the build suffix of the route files this scan takes (see routeEnv)
	if layout.Dev {
		build = "dev"
	}
	seen := map[string]Route{} // routeKey -> the first route with that key
	for _, src := range []struct{ folder, prefix string }{{layout.APIDir, layout.APIBaseURL}, {layout.RoutesDir, ""}} {
		files, err := sourceFiles(abs, base+src.folder)
		if err != nil {
			return nil, fmt.Errorf("scan app %s: %w", dir, err)
		}
		sortByStem(files)
		for _, f := range files {
			rel, env := routeEnv(strings.TrimPrefix(f, base+src.folder+"/"))
			if env != "" && env != build {
				continue // a route of another kind of build
			}
			path, method, err := routeForFile(rel, src.prefix)
			if err != nil {
				app.Warnings = append(app.Warnings, fmt.Sprintf("skipping %s: %v", f, err))
				continue
			}
			r := Route{Path: path, Method: method, File: f}
			key := routeKey(r)
			if first, dup := seen[key]; dup {
				app.Warnings = append(app.Warnings, fmt.Sprintf("%s and %s both map to %s; using %s", first.File, f, first.describe(), first.File))
				continue
			}
			seen[key] = r
			app.Routes = append(app.Routes, r)
		}
	}

	app.Middleware, err = sourceFiles(abs, base+"middleware")
	if err != nil {
		return nil, fmt.Errorf("scan app %s: %w", dir, err)
	}
	sort.Strings(app.Middleware)

	if p := filepath.Join(abs, "public"); isDir(p) {
		app.PublicDir = p
	} else if p := filepath.Join(abs, "server", "public"); base != "" && isDir(p) {
		app.PublicDir = p
	}
	for _, name := range configNames {
		if isFile(filepath.Join(abs, name)) {
			app.ConfigFile = name
			break
		}
	}

	// The server entry answers what no route does; it is the last route.
	for _, name := range entryNames {
		if isFile(filepath.Join(abs, name)) {
			app.Routes = append(app.Routes, Route{Path: "/**", File: name, Fallback: true})
			break
		}
	}

	if len(app.Routes) == 0 {
		where := base + layout.APIDir + "/ or " + base + layout.RoutesDir + "/"
		return nil, fmt.Errorf("scan app %s: no route files in %s, and no server entry (server.ts)", dir, where)
	}
	return app, nil
}

// sourceFiles lists the source files under root/folder as slash-separated paths relative to
// root. A missing folder is not an error. Hidden entries, node_modules, declaration files and
// tests are left out.
func sourceFiles(root, folder string) ([]string, error) {
	start := filepath.Join(root, filepath.FromSlash(folder))
	if !isDir(start) {
		return nil, nil
	}
	var out []string
	err := filepath.WalkDir(start, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != start && (strings.HasPrefix(name, ".") || name == "node_modules") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !isSourceName(name) {
			return nil
		}
		// Symlinked files count; symlinked folders are not followed (no cycles to guard).
		if d.Type()&fs.ModeSymlink != 0 && !isFile(p) {
			return nil
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		out = append(out, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("walk %s: %w", start, err)
	}
	return out, nil
}

func isSourceName(name string) bool {
	ext := fileExt(name)
	if extRank(ext) < 0 || strings.HasSuffix(name, ".d."+ext) {
		return false
	}
	return !strings.Contains(name, ".test.") && !strings.Contains(name, ".spec.")
}

func fileExt(name string) string {
	if dot := strings.LastIndexByte(name, '.'); dot >= 0 {
		return name[dot+1:]
	}
	return ""
}

func extRank(ext string) int {
	for i, e := range sourceExts {
		if e == ext {
			return i
		}
	}
	return -1
}

// sortByStem orders files by path without extension, then by extension preference, so the
// winner among "a.ts" and "a.js" does not depend on the alphabet.
func sortByStem(files []string) {
	sort.SliceStable(files, func(i, j int) bool {
		ei, ej := fileExt(files[i]), fileExt(files[j])
		si, sj := strings.TrimSuffix(files[i], "."+ei), strings.TrimSuffix(files[j], "."+ej)
		if si != sj {
			return si < sj
		}
		return extRank(ei) < extRank(ej)
	})
}

func hasAny(dir string, names ...string) bool {
	for _, n := range names {
		if isDir(filepath.Join(dir, n)) {
			return true
		}
	}
	return false
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
