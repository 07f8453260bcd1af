package compat

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

var appDir = mustAbs(filepath.Join("apps", "h3"))

// TestCompat sends every case to azote and to the reference (h3 2.0.8 on srvx under Node) and
// compares the answers. A case listed in known-differences.txt must still differ: one that now
// matches fails, so the list only shrinks.
func TestCompat(t *testing.T) {
	requireNode(t)
	known := readKnownDifferences(t)
	for name := range known {
		if findCase(name) == nil {
			t.Errorf("known-differences.txt names %q, which is no case", name)
		}
	}
	upstream := startUpstream(t)
	nodeAddr := startNode(t, appDir)
	azoteAddr := startAzote(t, appDir)
	extra := map[string]string{"x-upstream": upstream}

	var matching, knownDifferent, newlyDifferent, nowMatching int
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			diffs := differences(ask(nodeAddr, c, extra), ask(azoteAddr, c, extra))
			reason, isKnown := known[c.Name]
			switch {
			case len(diffs) == 0 && isKnown:
				nowMatching++
				t.Errorf("now matches Node, remove it from known-differences.txt (was: %s)", reason)
			case len(diffs) == 0:
				matching++
			case isKnown:
				knownDifferent++
				t.Logf("known difference (%s):\n  %s", reason, strings.Join(diffs, "\n  "))
			default:
				newlyDifferent++
				t.Errorf("differs from Node:\n  %s", strings.Join(diffs, "\n  "))
			}
		})
	}
	t.Logf("\n%-22s %5s\n%-22s %5d\n%-22s %5d\n%-22s %5d\n%-22s %5d\n%-22s %5d",
		"compat summary", "cases",
		"total", len(cases),
		"matching", matching,
		"known different", knownDifferent,
		"newly different", newlyDifferent,
		"known but now matching", nowMatching)
}

// TestCompatCoversEveryExport fails when the real h3 has a runtime export that no case names
// (or notRunnable explains), and when a case names something h3 does not export or the app's
// route files never mention.
func TestCompatCoversEveryExport(t *testing.T) {
	requireNode(t)
	dir := nodeModules(t)
	cmd := exec.Command("node", "--input-type=module", "-e",
		`const m = await import("h3"); console.log(JSON.stringify(Object.keys(m)))`)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("listing h3's exports: %v", err)
	}
	var exports []string
	if err := json.Unmarshal(out, &exports); err != nil {
		t.Fatalf("listing h3's exports: %v (%s)", err, out)
	}
	source := appSource(t)
	named := map[string]bool{}
	for _, c := range cases {
		for _, u := range c.Uses {
			named[u] = true
			if !regexp.MustCompile(`\b` + regexp.QuoteMeta(u) + `\b`).MatchString(source) {
				t.Errorf("case %s uses %s, which no file under apps/h3 mentions", c.Name, u)
			}
		}
	}
	isExport := map[string]bool{}
	var missing []string
	for _, e := range exports {
		isExport[e] = true
		if !named[e] && notRunnable[e] == "" {
			missing = append(missing, e)
		}
	}
	if len(missing) > 0 {
		t.Errorf("h3 exports %d names no case uses (add a case per helper): %s", len(missing), strings.Join(missing, ", "))
	}
	for u := range named {
		if !isExport[u] {
			t.Errorf("cases use %s, which h3 does not export", u)
		}
	}
	t.Logf("h3 exports %d names; cases use %d, %d cannot run here", len(exports), len(named), len(notRunnable))
}

func findCase(name string) *compatCase {
	for i := range cases {
		if cases[i].Name == name {
			return &cases[i]
		}
	}
	return nil
}

// readKnownDifferences reads known-differences.txt: "case-name  reason" per line, # comments.
func readKnownDifferences(t *testing.T) map[string]string {
	t.Helper()
	return readKnownList(t, "known-differences.txt")
}

// readKnownList reads a list of known differences or failures: "name reason" per line, blank
// lines and # comments skipped; a name without a reason or listed twice fails the test.
func readKnownList(t *testing.T, file string) map[string]string {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	known := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		reason = strings.TrimSpace(reason)
		if reason == "" {
			t.Errorf("%s:%d: %q has no reason", file, n, name)
		}
		if _, dup := known[name]; dup {
			t.Errorf("%s:%d: %q listed twice", file, n, name)
		}
		known[name] = reason
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("reading %s: %v", file, err)
	}
	return known
}

// appSource is every file of the fixture app, concatenated.
func appSource(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(appDir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		b.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// startUpstream is the proxy cases' target: it echoes what it was sent, minus what differs
// between two clients by nature (connection, the proxy's own user-agent).
func startUpstream(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var probe []string
		for _, k := range []string{"x-probe", "content-type"} {
			if v := r.Header.Get(k); v != "" {
				probe = append(probe, k+"="+v)
			}
		}
		sort.Strings(probe)
		w.Header().Set("content-type", "application/json")
		w.Header().Set("x-upstream-echo", "yes")
		json.NewEncoder(w).Encode(map[string]any{
			"method": r.Method, "uri": r.URL.RequestURI(), "headers": probe, "body": string(body),
		})
	}))
	t.Cleanup(srv.Close)
	return fmt.Sprint(srv.URL)
}
