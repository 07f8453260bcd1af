package static

import (
	"net/http"
	"strconv"
	"testing"
)

func TestPrecompressedChoice(t *testing.T) {
	fx := newFixture(t)
	for _, tc := range []struct {
		accept   string // "" sends no Accept-Encoding at all
		encoding string
	}{
		{"", ""},
		{"identity", ""},
		{"br", "br"},
		{"gzip", "gzip"},
		{"gzip, deflate, br", "br"}, // br is preferred whatever the order
		{"br;q=0, gzip", "gzip"},
		{"br;q=0, gzip;q=0", ""},
		{"gzip;q=0.5, br;q=0.1", "br"},
		{"*", "br"},
		{"*, br;q=0", "gzip"},
		{"x-gzip", "gzip"},
		{"deflate", ""},
	} {
		var header []string
		if tc.accept != "" {
			header = []string{"Accept-Encoding", tc.accept}
		}
		resp, body := fx.get(t, "/bundle.js", header...)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("Accept-Encoding %q: status %d", tc.accept, resp.StatusCode)
		}
		if got := resp.Header.Get("Content-Encoding"); got != tc.encoding {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q", tc.accept, got, tc.encoding)
		}
		switch tc.encoding {
		case "br":
			if body != brBytes {
				t.Errorf("Accept-Encoding %q: body is not the .br sibling: %q", tc.accept, body)
			}
		case "gzip":
			if got := gunzip(t, body); got != bundleText {
				t.Errorf("Accept-Encoding %q: gunzipped body %q", tc.accept, got)
			}
		default:
			if body != bundleText {
				t.Errorf("Accept-Encoding %q: body %q, want the plain file", tc.accept, body)
			}
		}
		if got := resp.Header.Get("Content-Type"); got != "text/javascript; charset=utf-8" {
			t.Errorf("Accept-Encoding %q: Content-Type %q", tc.accept, got)
		}
		if got := resp.Header.Get("Vary"); got != "Accept-Encoding" {
			t.Errorf("Accept-Encoding %q: Vary %q", tc.accept, got)
		}
		if resp.ContentLength != int64(len(body)) {
			t.Errorf("Accept-Encoding %q: Content-Length %d for %d bytes", tc.accept, resp.ContentLength, len(body))
		}
	}
}

func TestPrecompressedETagsDiffer(t *testing.T) {
	fx := newFixture(t)
	plain, _ := fx.get(t, "/bundle.js")
	br, _ := fx.get(t, "/bundle.js", "Accept-Encoding", "br")
	gz, _ := fx.get(t, "/bundle.js", "Accept-Encoding", "gzip")
	tags := map[string]bool{}
	for _, r := range []*http.Response{plain, br, gz} {
		tags[r.Header.Get("Etag")] = true
	}
	if len(tags) != 3 || tags[""] {
		t.Fatalf("ETags not distinct: plain %q br %q gzip %q",
			plain.Header.Get("Etag"), br.Header.Get("Etag"), gz.Header.Get("Etag"))
	}

	// Each tag revalidates its own variant only.
	resp, body := fx.get(t, "/bundle.js", "Accept-Encoding", "br", "If-None-Match", br.Header.Get("Etag"))
	if resp.StatusCode != http.StatusNotModified || body != "" {
		t.Errorf("br revalidation: status %d body %q", resp.StatusCode, body)
	}
	if resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("304 carries Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}
	resp, body = fx.get(t, "/bundle.js", "Accept-Encoding", "br", "If-None-Match", plain.Header.Get("Etag"))
	if resp.StatusCode != http.StatusOK || body != brBytes {
		t.Errorf("br request with the plain tag: status %d body %q, want 200 with br bytes", resp.StatusCode, body)
	}
	resp, _ = fx.get(t, "/bundle.js", "If-None-Match", plain.Header.Get("Etag"))
	if resp.StatusCode != http.StatusNotModified {
		t.Errorf("plain revalidation: status %d", resp.StatusCode)
	}
}

func TestPrecompressedRangeAndHead(t *testing.T) {
	fx := newFixture(t)
	resp, body := fx.get(t, "/bundle.js", "Accept-Encoding", "br", "Range", "bytes=0-3")
	if resp.StatusCode != http.StatusPartialContent || body != brBytes[:4] {
		t.Errorf("range on br: status %d body %q, want the first compressed bytes", resp.StatusCode, body)
	}
	if got, want := resp.Header.Get("Content-Range"), "bytes 0-3/"+strconv.Itoa(len(brBytes)); got != want {
		t.Errorf("Content-Range %q, want %q", got, want)
	}
	if resp.Header.Get("Content-Encoding") != "br" {
		t.Errorf("range on br: Content-Encoding %q", resp.Header.Get("Content-Encoding"))
	}

	resp, body = fx.do(t, http.MethodHead, "/bundle.js", "Accept-Encoding", "br")
	if resp.StatusCode != http.StatusOK || body != "" {
		t.Fatalf("HEAD br: status %d body %q", resp.StatusCode, body)
	}
	if resp.ContentLength != int64(len(brBytes)) || resp.Header.Get("Content-Encoding") != "br" {
		t.Errorf("HEAD br: Content-Length %d Content-Encoding %q", resp.ContentLength, resp.Header.Get("Content-Encoding"))
	}

	resp, _ = fx.get(t, "/bundle.js", "Accept-Encoding", "br", "Range", "bytes=1000-")
	if resp.StatusCode != http.StatusRequestedRangeNotSatisfiable || resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("416 on br: status %d Content-Encoding %q", resp.StatusCode, resp.Header.Get("Content-Encoding"))
	}
}

func TestPrecompressedOnlySomeSiblings(t *testing.T) {
	fx := newFixture(t)
	// Only .gz exists: a br-only client gets the plain file, still with Vary.
	resp, body := fx.get(t, "/only-gz.css", "Accept-Encoding", "br")
	if body != "p{color:red}" || resp.Header.Get("Content-Encoding") != "" || resp.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("only .gz, br client: body %q encoding %q vary %q", body, resp.Header.Get("Content-Encoding"), resp.Header.Get("Vary"))
	}
	resp, body = fx.get(t, "/only-gz.css", "Accept-Encoding", "br, gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" || gunzip(t, body) != "p{color:red}" {
		t.Errorf("only .gz, br+gzip client: encoding %q", resp.Header.Get("Content-Encoding"))
	}
	if got := resp.Header.Get("Content-Type"); got != "text/css; charset=utf-8" {
		t.Errorf("Content-Type %q", got)
	}

	// The type of an extensionless file is sniffed from the original, not the gzip bytes.
	resp, _ = fx.get(t, "/page", "Accept-Encoding", "gzip")
	if resp.Header.Get("Content-Encoding") != "gzip" || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("/page gzip: encoding %q type %q", resp.Header.Get("Content-Encoding"), resp.Header.Get("Content-Type"))
	}

	// A folder's index.html has siblings too.
	resp, body = fx.get(t, "/docs/", "Accept-Encoding", "br")
	if body != "BR-docs-index" || resp.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("/docs/ br: body %q type %q", body, resp.Header.Get("Content-Type"))
	}

	// The sibling itself can still be fetched by its own name, as an opaque file.
	resp, body = fx.get(t, "/bundle.js.br")
	if resp.StatusCode != http.StatusOK || body != brBytes || resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("/bundle.js.br: status %d encoding %q", resp.StatusCode, resp.Header.Get("Content-Encoding"))
	}
}

func TestParseAcceptEncoding(t *testing.T) {
	for _, tc := range []struct {
		values   []string
		br, gzip bool
	}{
		{nil, false, false},
		{[]string{""}, false, false},
		{[]string{"gzip", "br"}, true, true}, // several header lines
		{[]string{"BR;Q=1.0"}, true, false},
		{[]string{"br;q=0.000"}, false, false},
		{[]string{"br;q=bogus"}, false, false},
		{[]string{"*;q=0"}, false, false},
		{[]string{"*;q=0, gzip"}, false, true},
		{[]string{" gzip ; q=0.8 , br ; q=0.2 "}, true, true},
	} {
		got := parseAcceptEncoding(tc.values)
		if got.br != tc.br || got.gzip != tc.gzip {
			t.Errorf("%q: br=%v gzip=%v, want br=%v gzip=%v", tc.values, got.br, got.gzip, tc.br, tc.gzip)
		}
	}
}
