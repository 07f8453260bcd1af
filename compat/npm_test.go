package compat

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
)

// npmDir is the npm app: package.json pins the packages, routes/<package>.ts exercises each.
var npmDir = mustAbs(filepath.Join("apps", "npm"))

// npmFailuresFile lists the packages that do not work in azote yet: "package reason" per line.
const npmFailuresFile = "npm-known-failures.txt"

// TestNPMPackages serves the npm app (one route per popular server package) with azote and with
// the reference (h3 2.0.8 on srvx under Node) and compares each route's answer. A package listed
// in npm-known-failures.txt must still differ: one that now matches fails, so the list only
// shrinks.
func TestNPMPackages(t *testing.T) {
	requireNode(t)
	packages := npmPackages(t)
	known := readKnownList(t, npmFailuresFile)
	for name := range known {
		if !slices.Contains(packages, name) {
			t.Errorf("%s names %q, which is no dependency of apps/npm/package.json", npmFailuresFile, name)
		}
	}
	app := npmApp(t)
	nodeAddr := startNode(t, app)
	azoteAddr := startAzote(t, app)

	var working, stillFailing []string
	for _, pkg := range packages {
		t.Run(pkg, func(t *testing.T) {
			c := compatCase{Name: pkg, Path: "/" + npmRoute(pkg)}
			want := ask(nodeAddr, c, nil)
			if want.Err != "" || want.Status != 200 {
				t.Fatalf("the reference does not serve %s: status %d %s %s", c.Path, want.Status, want.Err, clip(want.Body))
			}
			got := ask(azoteAddr, c, nil)
			diffs := differences(want, got)
			reason, isKnown := known[pkg]
			switch {
			case len(diffs) == 0 && isKnown:
				working = append(working, pkg)
				t.Errorf("works in azote now, remove it from %s (was: %s)", npmFailuresFile, reason)
			case len(diffs) == 0:
				working = append(working, pkg)
			case isKnown:
				stillFailing = append(stillFailing, pkg)
				t.Logf("known failure (%s): azote says %s", reason, npmError(got))
			default:
				stillFailing = append(stillFailing, pkg)
				t.Errorf("fails in azote (add it to %s with the reason, or fix it): %s\n  %s",
					npmFailuresFile, npmError(got), strings.Join(diffs, "\n  "))
			}
		})
	}
	t.Logf("npm packages: %d of %d work in azote; failing: %s", len(working), len(packages), strings.Join(stillFailing, ", "))
}

// npmPackages is the npm app's dependencies, sorted; each needs a route file.
func npmPackages(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(npmDir, "package.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pkg struct{ Dependencies map[string]string }
	if err := json.Unmarshal(data, &pkg); err != nil {
		t.Fatalf("apps/npm/package.json: %v", err)
	}
	var names []string
	for name, version := range pkg.Dependencies {
		if !regexp.MustCompile(`^\d+\.\d+\.\d+$`).MatchString(version) {
			t.Errorf("apps/npm/package.json pins %s to %q, not an exact version", name, version)
		}
		if _, err := os.Stat(filepath.Join(npmDir, "routes", npmRoute(name)+".ts")); err != nil {
			t.Errorf("apps/npm: dependency %s has no route file routes/%s.ts", name, npmRoute(name))
		}
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// npmRoute is the route (and file name under routes/) that exercises pkg: its name with every
// character other than a-z, 0-9 and "-" replaced by "-" (decimal.js -> decimal-js).
func npmRoute(pkg string) string {
	return regexp.MustCompile(`[^a-z0-9-]`).ReplaceAllString(pkg, "-")
}

// npmApp makes the app both servers serve: a copy of apps/npm/routes beside a node_modules
// link to the packages installed (once, into the user cache) from apps/npm's lock.
func npmApp(t *testing.T) string {
	t.Helper()
	modules := installed(t, npmDir, "nanoid")
	app := t.TempDir()
	if err := os.CopyFS(filepath.Join(app, "routes"), os.DirFS(filepath.Join(npmDir, "routes"))); err != nil {
		t.Fatalf("copying the npm app's routes: %v", err)
	}
	if err := os.Symlink(filepath.Join(modules, "node_modules"), filepath.Join(app, "node_modules")); err != nil {
		t.Fatal(err)
	}
	return app
}

// npmError is the message of azote's error answer (h3's JSON error body, the install folder's
// path cut off before node_modules/), or the body clipped.
func npmError(a answer) string {
	var body struct{ Message string }
	if json.Unmarshal([]byte(a.Body), &body) == nil && body.Message != "" {
		msg := body.Message
		if i := strings.Index(msg, "node_modules/"); i >= 0 {
			msg = msg[i:]
		}
		return fmt.Sprintf("%d %s", a.Status, msg)
	}
	return fmt.Sprintf("%d %s", a.Status, clip(a.Body))
}
