package loader

import (
	"path/filepath"
	"strings"
)

// pathKind says how Watch treats a path under the app folder.
type pathKind int

const (
	// kindIgnored paths never trigger a Change and ignored folders are not watched.
	kindIgnored pathKind = iota
	// kindTree is an app file or folder; folders are watched recursively.
	kindTree
	// kindModules is the top-level node_modules folder or an @scope folder in it: watched
	// for its entries only, so installs and removals show without a watch per package folder.
	kindModules
	// kindPackage is a package folder, node_modules/pkg or node_modules/@scope/pkg; not
	// watched itself (its parent sees it come and go).
	kindPackage
	// kindPackageJSON is a package's package.json: the one file watched inside a package.
	kindPackageJSON
	// kindLockfile is node_modules/.package-lock.json, seen through the node_modules watch.
	kindLockfile
)

// buildOutputDirs are the top-level folders Nitro and bundlers write into; their churn
// must not look like source edits.
var buildOutputDirs = map[string]bool{".output": true, ".nitro": true, "dist": true}

// npmLockfile is npm's hidden lockfile inside node_modules; it is rewritten by every install,
// so it is the one hidden name that counts.
const npmLockfile = ".package-lock.json"

// classifyPath sorts a slash-separated path relative to the app folder ("." for the folder
// itself). Only the top-level node_modules counts; one nested deeper is ignored, as Scan does.
func classifyPath(rel string) pathKind {
	if rel == "." {
		return kindTree
	}
	parts := strings.Split(rel, "/")
	if parts[0] == "node_modules" {
		return classifyModules(parts[1:])
	}
	if buildOutputDirs[parts[0]] {
		return kindIgnored
	}
	for _, p := range parts {
		if p == "node_modules" || isIgnoredName(p) {
			return kindIgnored
		}
	}
	return kindTree
}

// classifyModules sorts the parts of a path after "node_modules/".
func classifyModules(parts []string) pathKind {
	if len(parts) == 0 {
		return kindModules
	}
	if parts[0] == npmLockfile {
		if len(parts) == 1 {
			return kindLockfile
		}
		return kindIgnored
	}
	if isIgnoredName(parts[0]) { // .bin, .cache, .pnpm, npm's .pkg-xxxx staging folders
		return kindIgnored
	}
	rest := parts[1:]
	if strings.HasPrefix(parts[0], "@") {
		if len(rest) == 0 {
			return kindModules
		}
		if isIgnoredName(rest[0]) {
			return kindIgnored
		}
		rest = rest[1:]
	}
	switch {
	case len(rest) == 0:
		return kindPackage
	case len(rest) == 1 && rest[0] == "package.json":
		return kindPackageJSON
	}
	return kindIgnored
}

// isIgnoredName reports editor and tool droppings: hidden names (.git, .foo.swp, emacs's
// .#lock), backups ending in "~", vim's write probe "4913", swap and temp files, and emacs
// auto-saves "#name#".
func isIgnoredName(name string) bool {
	switch {
	case name == "":
		return false
	case name[0] == '.', strings.HasSuffix(name, "~"), name == "4913":
		return true
	case len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#':
		return true
	}
	switch filepath.Ext(name) {
	case ".swp", ".swx", ".tmp":
		return true
	}
	return false
}

// publicDirOf is the folder served as static files for the app in root, by Scan's rule:
// root/public, else root/server/public in the server/ layout; "" when there is none.
func publicDirOf(root string) string {
	if p := filepath.Join(root, "public"); isDir(p) {
		return p
	}
	serverLayout := !hasAny(root, "api", "routes", "middleware") &&
		hasAny(filepath.Join(root, "server"), "api", "routes", "middleware")
	if p := filepath.Join(root, "server", "public"); serverLayout && isDir(p) {
		return p
	}
	return ""
}

// allUnder reports whether every path is strictly inside folder dir.
func allUnder(paths []string, dir string) bool {
	if dir == "" || len(paths) == 0 {
		return false
	}
	prefix := dir + string(filepath.Separator)
	for _, p := range paths {
		if !strings.HasPrefix(p, prefix) {
			return false
		}
	}
	return true
}
