package static

import (
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
)

// BenchmarkServe measures Serve itself for a small file: path checks, symlink resolution,
// sibling lookups, open, and ServeContent into a discarding writer.
func BenchmarkServe(b *testing.B) {
	root := b.TempDir()
	if err := writeFile(filepath.Join(root, "small.css"), "body{margin:0}"); err != nil {
		b.Fatal(err)
	}
	files, err := New(root)
	if err != nil {
		b.Fatal(err)
	}
	for _, accept := range []string{"", "br, gzip"} {
		b.Run("accept="+accept, func(b *testing.B) {
			r, _ := http.NewRequest(http.MethodGet, "http://x/small.css", nil)
			if accept != "" {
				r.Header.Set("Accept-Encoding", accept)
			}
			b.ReportAllocs()
			for b.Loop() {
				w := &recordingWriter{header: make(http.Header, 8)}
				if !files.Serve(w, r) || w.status != http.StatusOK {
					b.Fatalf("not served: %d", w.status)
				}
			}
		})
	}
}

// BenchmarkServeHTTP is the same small file over a real loopback connection.
func BenchmarkServeHTTP(b *testing.B) {
	root := b.TempDir()
	if err := writeFile(filepath.Join(root, "small.css"), "body{margin:0}"); err != nil {
		b.Fatal(err)
	}
	files, err := New(root)
	if err != nil {
		b.Fatal(err)
	}
	srv := newBenchServer(files)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	defer client.CloseIdleConnections()
	b.ReportAllocs()
	for b.Loop() {
		resp, err := client.Get(srv.URL + "/small.css")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
}

func newBenchServer(files *Files) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !files.Serve(w, r) {
			http.NotFound(w, r)
		}
	}))
}
