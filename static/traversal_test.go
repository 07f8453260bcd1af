package static

import (
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
)

// Every attempt to leave the root, or to read a hidden file, is reported as not found.
// Requests are sent as raw request lines so no client cleans the path first.
func TestTraversalFallsThrough(t *testing.T) {
	fx := newFixture(t)
	secretURL := filepath.ToSlash(fx.secret)
	for _, target := range []string{
		"/../outside/secret.txt",
		"/../../../../../../etc/passwd",
		"/%2e%2e/outside/secret.txt",
		"/%2E%2E/outside/secret.txt",
		"/.%2e/outside/secret.txt",
		"/%2e%2e%2foutside%2fsecret.txt",
		"/docs/..%2f..%2foutside%2fsecret.txt",
		"/docs/..%2F..%2Foutside/secret.txt",
		"/docs/%2e%2e/%2e%2e/outside/secret.txt",
		"/docs/../hello.txt", // stays inside, still refused: ".." is never cleaned away
		`/..\outside\secret.txt`,
		`/docs\..\..\outside\secret.txt`,
		"/%5c..%5coutside%5csecret.txt",
		"/..%5coutside%5csecret.txt",
		"//etc/passwd",
		"/" + secretURL, // "//tmp/.../outside/secret.txt"
		"///etc/passwd",
		"/docs//guide.txt",
		"/hello.txt%00",
		"/hello.txt%00.png",
		"/%00/hello.txt",
		"/./hello.txt",
		"/docs/./guide.txt",
		"/.env",
		"/%2eenv",
		"/.git/config",
		"/.git/",
		"/link-out",
		"/link-out-abs",
		"/link-dir-out/secret.txt",
		"/link-dir-out/public-looking/hello.txt",
		"/link-to-hidden",
		"http://test/../outside/secret.txt", // absolute-form request target
		"http://test/%2e%2e/outside/secret.txt",
	} {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			resp, body := fx.raw(t, method, target)
			if strings.Contains(body, "SECRET") {
				t.Fatalf("%s %q leaked: %q", method, target, body)
			}
			if resp.StatusCode != http.StatusNotFound || resp.Header.Get("X-Fallthrough") != "1" {
				t.Errorf("%s %q: status %d %v, want fallthrough", method, target, resp.StatusCode, resp.Header)
			}
		}
	}
}

func TestSymlinksInsideRootAreServed(t *testing.T) {
	fx := newFixture(t)
	for _, target := range []string{"/link-in", "/link-in-abs", "/link-dir-in/guide.txt"} {
		resp, body := fx.raw(t, http.MethodGet, target)
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d body %q", target, resp.StatusCode, body)
		}
	}
	_, body := fx.raw(t, http.MethodGet, "/link-in")
	if body != helloText {
		t.Errorf("/link-in: body %q", body)
	}
}

func TestRequestPath(t *testing.T) {
	for _, tc := range []struct {
		path, raw string
		rel       string
		wantDir   bool
		ok        bool
	}{
		{"/", "", "", true, true},
		{"/a/b.txt", "", "a/b.txt", false, true},
		{"/a/", "", "a", true, true},
		{"/a b/c", "/a%20b/c", "a b/c", false, true},
		{"/a/b", "/a%2fb", "", false, false},
		{"/a/b", "/a%2Fb", "", false, false},
		{"a", "", "", false, false},
		{"", "", "", false, false},
		{"/a//b", "", "", false, false},
		{"/..", "", "", false, false},
		{"/a/.", "", "", false, false},
		{"/a/.b/c", "", "", false, false},
		{"/a\\b", "", "", false, false},
		{"/a\x00b", "", "", false, false},
	} {
		rel, wantDir, ok := requestPath(&url.URL{Path: tc.path, RawPath: tc.raw})
		if rel != tc.rel || wantDir != tc.wantDir || ok != tc.ok {
			t.Errorf("%q: got (%q, %v, %v), want (%q, %v, %v)", tc.path, rel, wantDir, ok, tc.rel, tc.wantDir, tc.ok)
		}
	}
}
