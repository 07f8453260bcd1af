package static

import (
	"net/http"
	"testing"
)

func TestContentTypeByExtension(t *testing.T) {
	fx := newFixture(t)
	want := map[string]string{
		".html":  "text/html; charset=utf-8",
		".css":   "text/css; charset=utf-8",
		".js":    "text/javascript; charset=utf-8",
		".mjs":   "text/javascript; charset=utf-8",
		".json":  "application/json; charset=utf-8",
		".svg":   "image/svg+xml",
		".png":   "image/png",
		".jpg":   "image/jpeg",
		".jpeg":  "image/jpeg",
		".gif":   "image/gif",
		".webp":  "image/webp",
		".ico":   "image/x-icon",
		".txt":   "text/plain; charset=utf-8",
		".wasm":  "application/wasm",
		".map":   "application/json; charset=utf-8",
		".woff":  "font/woff",
		".woff2": "font/woff2",
		".xml":   "text/xml; charset=utf-8",
		".pdf":   "application/pdf",
	}
	for ext, ctype := range want {
		resp, body := fx.get(t, "/types/file"+ext)
		if resp.StatusCode != http.StatusOK || body != "x" {
			t.Errorf("%s: status %d body %q", ext, resp.StatusCode, body)
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != ctype {
			t.Errorf("%s: Content-Type %q, want %q", ext, got, ctype)
		}
	}
	if got := typeByExtension("a/UPPER.CSS"); got != "text/css; charset=utf-8" {
		t.Errorf("extension case: got %q", got)
	}
	resp, _ := fx.get(t, "/UPPER.CSS")
	if got := resp.Header.Get("Content-Type"); got != "text/css; charset=utf-8" {
		t.Errorf("/UPPER.CSS: Content-Type %q", got)
	}
}

func TestContentTypeSniffed(t *testing.T) {
	fx := newFixture(t)
	for path, want := range map[string]string{
		"/sniffed":         "text/html; charset=utf-8",
		"/blob.unknownext": "application/octet-stream",
	} {
		resp, _ := fx.get(t, path)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", path, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Type"); got != want {
			t.Errorf("%s: Content-Type %q, want %q", path, got, want)
		}
	}
}
