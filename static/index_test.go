package static

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIndexHTML(t *testing.T) {
	fx := newFixture(t)
	for path, want := range map[string]string{
		"/":                "root index",
		"/index.html":      "root index",
		"/docs":            "docs index", // served in place, no redirect
		"/docs/":           "docs index",
		"/docs/index.html": "docs index",
		"/link-dir-in":     "docs index",
		"/link-dir-in/":    "docs index",
	} {
		resp, body := fx.get(t, path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("%s: status %d body %q, want 200 with %q", path, resp.StatusCode, body, want)
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", path, got)
		}
	}
}

func TestNotFoundFallsThrough(t *testing.T) {
	fx := newFixture(t)
	for _, path := range []string{
		"/missing.txt",
		"/empty", // folder without index.html
		"/empty/",
		"/hello.txt/", // a file is not a folder
		"/docs/nope",
		"/link-dangling",
		"/api/hello",
	} {
		resp, body := fx.get(t, path)
		if !isFallthrough(resp, body) {
			t.Errorf("%s: status %d body %q, want fallthrough", path, resp.StatusCode, body)
		}
	}
}

func TestRootWithoutIndexFallsThrough(t *testing.T) {
	fx := newFixture(t)
	if err := os.Remove(filepath.Join(fx.public, "index.html")); err != nil {
		t.Fatal(err)
	}
	if resp, body := fx.get(t, "/"); !isFallthrough(resp, body) {
		t.Errorf("/ without index.html: status %d body %q, want fallthrough", resp.StatusCode, body)
	}
}

// recordingWriter is a minimal ResponseWriter for calling Serve without a network.
type recordingWriter struct {
	header http.Header
	status int
	n      int
	wrote  bool
}

func (w *recordingWriter) Header() http.Header { return w.header }
func (w *recordingWriter) WriteHeader(code int) {
	w.wrote = true
	w.status = code
}
func (w *recordingWriter) Write(b []byte) (int, error) {
	w.wrote = true
	w.n += len(b)
	return len(b), nil
}

func TestEscapedNames(t *testing.T) {
	fx := newFixture(t)
	resp, body := fx.raw(t, http.MethodGet, "/caf%C3%A9%20%C3%BC/100%25.txt")
	if resp.StatusCode != http.StatusOK || body != "escaped name" {
		t.Errorf("status %d body %q", resp.StatusCode, body)
	}
}
