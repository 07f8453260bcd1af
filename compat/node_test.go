package compat

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/evanw/esbuild/pkg/api"

	loader "github.com/azote-dev/azote/routes-loader"
)

// nodeDir is the reference side's source folder: package.json, its lock, serve.mjs, nitro.mjs.
var nodeDir = mustAbs("node")

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return a
}

// requireNode skips the test when Node.js is not installed: the reference cannot run without it.
func requireNode(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("compat: node is not installed; the reference side (h3 on srvx under Node) cannot run")
	}
	if _, err := exec.LookPath("npm"); err != nil {
		t.Skip("compat: npm is not installed; the reference side's packages cannot be installed")
	}
}

// nodeModules returns a folder holding node_modules as compat/node/package-lock.json pins it
// (h3 and srvx, the reference server's packages).
func nodeModules(t *testing.T) string {
	t.Helper()
	return installed(t, nodeDir, "h3")
}

type install struct {
	once sync.Once
	dir  string
	err  error
}

var (
	installsMu sync.Mutex
	installs   = map[string]*install{}
)

// installed returns a folder holding node_modules as src's package.json and package-lock.json
// pin them, installing it with `npm ci` into the user cache the first time (keyed by the two
// files' hash, so a changed lock gets a fresh install and concurrent test binaries never share a
// half-made one). probe is a package whose presence marks a finished install.
func installed(t *testing.T, src, probe string) string {
	t.Helper()
	installsMu.Lock()
	in := installs[src]
	if in == nil {
		in = &install{}
		installs[src] = in
	}
	installsMu.Unlock()
	in.once.Do(func() { in.dir, in.err = installNodeModules(src, probe) })
	if in.err != nil {
		t.Fatalf("compat: installing the packages of %s: %v", src, in.err)
	}
	return in.dir
}

func installNodeModules(src, probe string) (string, error) {
	lock, err := os.ReadFile(filepath.Join(src, "package-lock.json"))
	if err != nil {
		return "", err
	}
	pkg, err := os.ReadFile(filepath.Join(src, "package.json"))
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(append(append([]byte{}, pkg...), lock...))
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "azote", "compat-"+filepath.Base(src)+"-"+hex.EncodeToString(sum[:6]))
	marker := filepath.Join(dir, "node_modules", probe, "package.json")
	if _, err := os.Stat(marker); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "install-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	for name, data := range map[string][]byte{"package.json": pkg, "package-lock.json": lock} {
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			return "", err
		}
	}
	cmd := exec.Command("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = tmp
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("npm ci in %s: %w\n%s", tmp, err, out)
	}
	if err := os.Rename(tmp, dir); err != nil {
		// Another test binary finished first: its install is as good as ours.
		if _, statErr := os.Stat(marker); statErr == nil {
			return dir, nil
		}
		return "", err
	}
	return dir, nil
}

// bundleForNode builds one ESM file that serves app on Node: serve.mjs, h3, srvx and every
// route and middleware file, with "nitro" and "nitro/h3" resolved to h3 as Nitro does.
func bundleForNode(t *testing.T, appDir string) string {
	t.Helper()
	modules := nodeModules(t)
	app, err := loader.Scan(appDir)
	if err != nil {
		t.Fatalf("compat: scan %s: %v", appDir, err)
	}
	var entry strings.Builder
	fmt.Fprintf(&entry, "import { start } from %q;\n", filepath.Join(nodeDir, "serve.mjs"))
	for i, f := range app.Middleware {
		fmt.Fprintf(&entry, "import * as m%d from %q;\n", i, filepath.Join(app.Dir, f))
	}
	for i, r := range app.Routes {
		fmt.Fprintf(&entry, "import * as r%d from %q;\n", i, filepath.Join(app.Dir, r.File))
	}
	entry.WriteString("await start({ middleware: [")
	for i := range app.Middleware {
		fmt.Fprintf(&entry, "m%d, ", i)
	}
	entry.WriteString("], routes: [\n")
	for i, r := range app.Routes {
		fmt.Fprintf(&entry, "  { path: %q, method: %q, module: r%d },\n", r.Path, r.Method, i)
	}
	entry.WriteString("] });\n")

	// The bundle lives beside node_modules: what h3 loads at run time (srvx/node for the Node
	// handler adapters) resolves from there.
	bundles, err := os.MkdirTemp(modules, "bundle-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(bundles) })
	out := filepath.Join(bundles, "reference.mjs")
	nitroShim := filepath.Join(nodeDir, "nitro.mjs")
	res := api.Build(api.BuildOptions{
		Stdin:     &api.StdinOptions{Contents: entry.String(), ResolveDir: app.Dir, Sourcefile: "compat-entry.mjs"},
		Bundle:    true,
		Write:     true,
		Outfile:   out,
		Format:    api.FormatESModule,
		Platform:  api.PlatformNode,
		Target:    api.ES2022,
		NodePaths: []string{filepath.Join(modules, "node_modules")},
		LogLevel:  api.LogLevelSilent,
		Banner:    map[string]string{"js": "import { createRequire as compatCreateRequire } from 'node:module'; const require = compatCreateRequire(import.meta.url);"},
		Plugins: []api.Plugin{{
			Name: "nitro-as-h3",
			Setup: func(b api.PluginBuild) {
				b.OnResolve(api.OnResolveOptions{Filter: `^nitro(/h3)?$`}, func(api.OnResolveArgs) (api.OnResolveResult, error) {
					return api.OnResolveResult{Path: nitroShim}, nil
				})
			},
		}},
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		t.Fatalf("compat: bundling %s for Node:\n%s", appDir, strings.Join(msgs, "\n"))
	}
	return out
}

// startNode runs the reference server for appDir and returns its address.
func startNode(t *testing.T, appDir string) string {
	t.Helper()
	bundle := bundleForNode(t, appDir)
	port := freePort(t)
	cmd := exec.Command("node", bundle)
	cmd.Env = append(os.Environ(), fmt.Sprintf("COMPAT_PORT=%d", port), "NODE_ENV=production")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &lockedWriter{w: &stderr}
	if err := cmd.Start(); err != nil {
		t.Fatalf("compat: start node: %v", err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		if t.Failed() {
			t.Logf("reference server stderr:\n%s", cmd.Stderr.(*lockedWriter).String())
		}
	})
	ready := make(chan error, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		listening := false
		for sc.Scan() { // read to the end so the child never blocks on a full pipe
			if !listening && strings.HasPrefix(sc.Text(), "ready ") {
				listening = true
				ready <- nil
			}
		}
		if !listening {
			ready <- fmt.Errorf("node exited before listening")
		}
	}()
	select {
	case err := <-ready:
		if err != nil {
			<-exited
			t.Fatalf("compat: reference server: %v\n%s", err, cmd.Stderr.(*lockedWriter).String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("compat: reference server did not listen within 30 s\n%s", cmd.Stderr.(*lockedWriter).String())
	}
	return fmt.Sprintf("127.0.0.1:%d", port)
}

// lockedWriter lets the child's stderr be read while the process still writes it.
type lockedWriter struct {
	mu sync.Mutex
	w  *strings.Builder
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (l *lockedWriter) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.String()
}
