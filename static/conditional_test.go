package static

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestValidatorsAndCacheControl(t *testing.T) {
	fx := newFixture(t)
	resp, body := fx.get(t, "/hello.txt")
	if resp.StatusCode != http.StatusOK || body != helloText {
		t.Fatalf("status %d body %q", resp.StatusCode, body)
	}
	etag := resp.Header.Get("Etag")
	if len(etag) < 3 || etag[0] != '"' || etag[len(etag)-1] != '"' {
		t.Errorf("ETag %q is not a quoted strong tag", etag)
	}
	if got, want := resp.Header.Get("Last-Modified"), fixedTime.Format(http.TimeFormat); got != want {
		t.Errorf("Last-Modified %q, want %q", got, want)
	}
	if got := resp.Header.Get("Cache-Control"); got != "public, max-age=0, must-revalidate" {
		t.Errorf("Cache-Control %q", got)
	}
	if got := resp.Header.Get("Accept-Ranges"); got != "bytes" {
		t.Errorf("Accept-Ranges %q", got)
	}
	if resp.Header.Get("Vary") != "" {
		t.Errorf("Vary %q on a file without precompressed siblings", resp.Header.Get("Vary"))
	}
	// The same file gives the same tag again; another file another tag.
	again, _ := fx.get(t, "/hello.txt")
	if again.Header.Get("Etag") != etag {
		t.Errorf("ETag changed between requests: %q then %q", etag, again.Header.Get("Etag"))
	}
	other, _ := fx.get(t, "/digits.txt")
	if other.Header.Get("Etag") == etag {
		t.Errorf("two files share ETag %q", etag)
	}
}

func TestIfNoneMatch(t *testing.T) {
	fx := newFixture(t)
	resp, _ := fx.get(t, "/hello.txt")
	etag := resp.Header.Get("Etag")

	for _, inm := range []string{etag, "W/" + etag, `"nope", ` + etag, "*"} {
		resp, body := fx.get(t, "/hello.txt", "If-None-Match", inm)
		if resp.StatusCode != http.StatusNotModified || body != "" {
			t.Errorf("If-None-Match %s: status %d body %q, want 304 and no body", inm, resp.StatusCode, body)
		}
		if resp.Header.Get("Etag") != etag {
			t.Errorf("If-None-Match %s: 304 without the ETag", inm)
		}
	}
	resp, body := fx.get(t, "/hello.txt", "If-None-Match", `"something-else"`)
	if resp.StatusCode != http.StatusOK || body != helloText {
		t.Errorf("non-matching If-None-Match: status %d body %q", resp.StatusCode, body)
	}
	// If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2).
	resp, _ = fx.get(t, "/hello.txt", "If-None-Match", `"something-else"`,
		"If-Modified-Since", fixedTime.Format(http.TimeFormat))
	if resp.StatusCode != http.StatusOK {
		t.Errorf("non-matching If-None-Match with fresh If-Modified-Since: status %d, want 200", resp.StatusCode)
	}
}

func TestIfModifiedSince(t *testing.T) {
	fx := newFixture(t)
	for _, tc := range []struct {
		since time.Time
		want  int
	}{
		{fixedTime, http.StatusNotModified},
		{fixedTime.Add(time.Hour), http.StatusNotModified},
		{fixedTime.Add(-time.Second), http.StatusOK},
	} {
		resp, body := fx.get(t, "/hello.txt", "If-Modified-Since", tc.since.Format(http.TimeFormat))
		if resp.StatusCode != tc.want {
			t.Errorf("If-Modified-Since %v: status %d, want %d", tc.since, resp.StatusCode, tc.want)
		}
		if tc.want == http.StatusNotModified && body != "" {
			t.Errorf("304 with body %q", body)
		}
	}
}

func TestHead(t *testing.T) {
	fx := newFixture(t)
	resp, body := fx.do(t, http.MethodHead, "/digits.txt")
	if resp.StatusCode != http.StatusOK || body != "" {
		t.Fatalf("HEAD: status %d body %q", resp.StatusCode, body)
	}
	if resp.ContentLength != int64(len(digitsText)) {
		t.Errorf("HEAD Content-Length %d, want %d", resp.ContentLength, len(digitsText))
	}
	if resp.Header.Get("Etag") == "" || resp.Header.Get("Last-Modified") == "" {
		t.Errorf("HEAD lacks validators: %v", resp.Header)
	}
	if got := resp.Header.Get("Content-Type"); got != "text/plain; charset=utf-8" {
		t.Errorf("HEAD Content-Type %q", got)
	}
}

func TestOtherMethodsFallThrough(t *testing.T) {
	fx := newFixture(t)
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodOptions, http.MethodPatch} {
		resp, body := fx.do(t, m, "/hello.txt")
		if !isFallthrough(resp, body) {
			t.Errorf("%s /hello.txt: status %d body %q, want fallthrough", m, resp.StatusCode, body)
		}
	}
}

// Contents and validators are read on every request: an edit shows at once.
func TestEditsShowAtOnce(t *testing.T) {
	fx := newFixture(t)
	first, body := fx.get(t, "/hello.txt")
	if body != helloText {
		t.Fatalf("body %q", body)
	}
	p := filepath.Join(fx.public, "hello.txt")
	if err := os.WriteFile(p, []byte("edited!"), 0o644); err != nil {
		t.Fatal(err)
	}
	later := fixedTime.Add(time.Minute)
	if err := os.Chtimes(p, later, later); err != nil {
		t.Fatal(err)
	}
	second, body := fx.get(t, "/hello.txt", "If-None-Match", first.Header.Get("Etag"))
	if second.StatusCode != http.StatusOK || body != "edited!" {
		t.Fatalf("after edit: status %d body %q", second.StatusCode, body)
	}
	if second.Header.Get("Etag") == first.Header.Get("Etag") {
		t.Errorf("ETag unchanged after edit")
	}
	if err := os.WriteFile(filepath.Join(fx.public, "new.txt"), []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, body := fx.get(t, "/new.txt"); body != "new" {
		t.Errorf("new file: body %q", body)
	}
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if resp, body := fx.get(t, "/hello.txt"); !isFallthrough(resp, body) {
		t.Errorf("removed file: status %d body %q", resp.StatusCode, body)
	}
}
