package static

import (
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

func TestRangeSingle(t *testing.T) {
	fx := newFixture(t)
	for _, tc := range []struct{ rng, body, contentRange string }{
		{"bytes=0-4", "01234", "bytes 0-4/20"},
		{"bytes=15-", "fghij", "bytes 15-19/20"},
		{"bytes=-3", "hij", "bytes 17-19/20"},
		{"bytes=18-100", "ij", "bytes 18-19/20"},
	} {
		resp, body := fx.get(t, "/digits.txt", "Range", tc.rng)
		if resp.StatusCode != http.StatusPartialContent || body != tc.body {
			t.Errorf("%s: status %d body %q, want 206 %q", tc.rng, resp.StatusCode, body, tc.body)
		}
		if got := resp.Header.Get("Content-Range"); got != tc.contentRange {
			t.Errorf("%s: Content-Range %q, want %q", tc.rng, got, tc.contentRange)
		}
		if got := resp.Header.Get("Content-Type"); got != "text/plain; charset=utf-8" {
			t.Errorf("%s: Content-Type %q", tc.rng, got)
		}
	}
}

func TestRangeMultiple(t *testing.T) {
	fx := newFixture(t)
	resp, body := fx.get(t, "/digits.txt", "Range", "bytes=0-1,5-7,-2")
	if resp.StatusCode != http.StatusPartialContent {
		t.Fatalf("status %d", resp.StatusCode)
	}
	mediaType, params, err := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	if err != nil || mediaType != "multipart/byteranges" {
		t.Fatalf("Content-Type %q (%v)", resp.Header.Get("Content-Type"), err)
	}
	mr := multipart.NewReader(strings.NewReader(body), params["boundary"])
	want := []struct{ body, contentRange string }{
		{"01", "bytes 0-1/20"}, {"567", "bytes 5-7/20"}, {"ij", "bytes 18-19/20"},
	}
	for i, w := range want {
		part, err := mr.NextPart()
		if err != nil {
			t.Fatalf("part %d: %v", i, err)
		}
		got, _ := io.ReadAll(part)
		if string(got) != w.body || part.Header.Get("Content-Range") != w.contentRange {
			t.Errorf("part %d: %q %q, want %q %q", i, got, part.Header.Get("Content-Range"), w.body, w.contentRange)
		}
		if ct := part.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
			t.Errorf("part %d: Content-Type %q", i, ct)
		}
	}
	if _, err := mr.NextPart(); err != io.EOF {
		t.Errorf("after the last part: %v, want EOF", err)
	}
}

func TestRangeUnsatisfiable(t *testing.T) {
	fx := newFixture(t)
	resp, _ := fx.get(t, "/digits.txt", "Range", "bytes=100-200")
	if resp.StatusCode != http.StatusRequestedRangeNotSatisfiable {
		t.Fatalf("status %d, want 416", resp.StatusCode)
	}
	if got := resp.Header.Get("Content-Range"); got != "bytes */20" {
		t.Errorf("Content-Range %q", got)
	}
}

func TestIfRange(t *testing.T) {
	fx := newFixture(t)
	first, _ := fx.get(t, "/digits.txt")
	etag := first.Header.Get("Etag")
	resp, body := fx.get(t, "/digits.txt", "Range", "bytes=0-1", "If-Range", etag)
	if resp.StatusCode != http.StatusPartialContent || body != "01" {
		t.Errorf("If-Range current: status %d body %q", resp.StatusCode, body)
	}
	resp, body = fx.get(t, "/digits.txt", "Range", "bytes=0-1", "If-Range", `"stale"`)
	if resp.StatusCode != http.StatusOK || body != digitsText {
		t.Errorf("If-Range stale: status %d body %q, want the whole file", resp.StatusCode, body)
	}
}
