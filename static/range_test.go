package static

import (
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path/filepath"
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

// Issue 11, defect 7: many overlapping or tiny ranges cannot buy an answer bigger than the
// file. Overlapping and adjacent ranges merge; too many parts get the whole file.
func TestRangeAbuse(t *testing.T) {
	fx := newFixture(t)
	big := strings.Repeat("0123456789", 10_000) // 100 kB
	if err := writeFile(filepath.Join(fx.public, "big.txt"), big); err != nil {
		t.Fatal(err)
	}
	repeat := func(part string, n int) string {
		return "bytes=" + strings.TrimSuffix(strings.Repeat(part+",", n), ",")
	}

	// 1,000 copies of one range (their sum, 100,000 bytes, is within the file, so
	// http.ServeContent alone answered them all): one part.
	resp, body := fx.get(t, "/big.txt", "Range", repeat("0-99", 1000))
	if resp.StatusCode != http.StatusPartialContent || body != big[:100] || resp.Header.Get("Content-Range") != "bytes 0-99/100000" {
		t.Errorf("overlapping: %d, %d bytes, Content-Range %q; want 206, 100 bytes", resp.StatusCode, len(body), resp.Header.Get("Content-Range"))
	}

	// Adjacent and overlapping ranges, out of order: merged.
	resp, body = fx.get(t, "/big.txt", "Range", "bytes=10-19,0-4,5-9,15-24")
	if resp.StatusCode != http.StatusPartialContent || body != big[:25] {
		t.Errorf("adjacent: %d %q, want 206 %q", resp.StatusCode, body, big[:25])
	}

	// 1,000 disjoint one-byte ranges: more parts than allowed, so the whole file.
	var disjoint []string
	for i := range 1000 {
		disjoint = append(disjoint, fmt.Sprintf("%d-%d", i*2, i*2))
	}
	resp, body = fx.get(t, "/big.txt", "Range", "bytes="+strings.Join(disjoint, ","))
	if resp.StatusCode != http.StatusOK || body != big {
		t.Errorf("1,000 parts: %d, %d bytes; want 200 with the whole file", resp.StatusCode, len(body))
	}

	// A few disjoint ranges are still a multipart answer, in file order.
	resp, _ = fx.get(t, "/big.txt", "Range", "bytes=50-59,0-9")
	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); resp.StatusCode != http.StatusPartialContent || mt != "multipart/byteranges" {
		t.Errorf("two parts: %d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}

	// Nothing satisfiable is still 416.
	resp, _ = fx.get(t, "/big.txt", "Range", "bytes=200000-,300000-300001")
	if resp.StatusCode != http.StatusRequestedRangeNotSatisfiable {
		t.Errorf("unsatisfiable: %d, want 416", resp.StatusCode)
	}
}
