package static

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

const (
	secretText = "TOP SECRET outside the root"
	helloText  = "hello, static\n"
	digitsText = "0123456789abcdefghij"
	bundleText = "console.log('plain bundle');\n"
	brBytes    = "BR\x00\x01not-really-brotli-but-opaque-bytes"
)

// fixedTime is the modification time given to fixture files, so Last-Modified is known.
var fixedTime = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

// fixture is a temporary app folder, a Files serving its public/, and a real HTTP server on
// 127.0.0.1 whose handler answers 404 "fallthrough" whenever Serve reports false.
type fixture struct {
	dir          string // holds public/ and outside/
	public       string
	secret       string // absolute path of a file outside public/
	files        *Files
	srv          *httptest.Server
	client       *http.Client
	wroteOnFalse atomic.Int32
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	dir := t.TempDir()
	fx := &fixture{dir: dir, public: filepath.Join(dir, "public"), secret: filepath.Join(dir, "outside", "secret.txt")}

	write := func(rel string, data []byte) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, fixedTime, fixedTime); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, rel string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(rel))); err != nil {
			t.Skipf("symlinks unavailable: %v", err)
		}
	}

	write("outside/secret.txt", []byte(secretText))
	write("outside/public-looking/hello.txt", []byte(secretText))
	write("public/index.html", []byte("<!doctype html><title>root index</title>"))
	write("public/hello.txt", []byte(helloText))
	write("public/digits.txt", []byte(digitsText))
	write("public/docs/index.html", []byte("<!doctype html><title>docs index</title>"))
	write("public/docs/guide.txt", []byte("guide"))
	write("public/empty/readme.md", []byte("no index here"))
	write("public/.env", []byte("SECRET=1"))
	write("public/.git/config", []byte("[core]"))
	write("public/sniffed", []byte("<!DOCTYPE html><html><body>sniff me</body></html>"))
	write("public/blob.unknownext", []byte{0x00, 0x01, 0x02, 0x03, 0xff})
	write("public/UPPER.CSS", []byte("body{}"))
	write("public/café ü/100%.txt", []byte("escaped name"))

	write("public/bundle.js", []byte(bundleText))
	write("public/bundle.js.gz", gzipBytes(t, []byte(bundleText)))
	write("public/bundle.js.br", []byte(brBytes))
	write("public/only-gz.css", []byte("p{color:red}"))
	write("public/only-gz.css.gz", gzipBytes(t, []byte("p{color:red}")))
	write("public/page", []byte("<!DOCTYPE html><html><body>sniffed page</body></html>"))
	write("public/page.gz", gzipBytes(t, []byte("<!DOCTYPE html><html><body>sniffed page</body></html>")))
	write("public/docs/index.html.br", []byte("BR-docs-index"))

	for _, ext := range []string{".html", ".css", ".js", ".mjs", ".json", ".svg", ".png", ".jpg", ".jpeg",
		".gif", ".webp", ".ico", ".txt", ".wasm", ".map", ".woff", ".woff2", ".xml", ".pdf"} {
		write("public/types/file"+ext, []byte("x"))
	}

	link("../outside/secret.txt", "public/link-out")
	link(fx.secret, "public/link-out-abs")
	link("../outside", "public/link-dir-out")
	link("hello.txt", "public/link-in")
	link(filepath.Join(fx.public, "hello.txt"), "public/link-in-abs")
	link("docs", "public/link-dir-in")
	link(".env", "public/link-to-hidden")
	link("missing.txt", "public/link-dangling")

	files, err := New(fx.public)
	if err != nil {
		t.Fatal(err)
	}
	fx.files = files
	fx.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tw := &touchWriter{ResponseWriter: w}
		if fx.files.Serve(tw, r) {
			return
		}
		if tw.touched || len(w.Header()) != 0 {
			fx.wroteOnFalse.Add(1)
		}
		w.Header().Set("X-Fallthrough", "1")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, "fallthrough")
	}))
	t.Cleanup(func() {
		fx.srv.Close()
		if n := fx.wroteOnFalse.Load(); n != 0 {
			t.Errorf("Serve wrote to the response and then reported false %d times", n)
		}
	})
	// DisableCompression: the transport must neither add Accept-Encoding nor decode bodies.
	fx.client = &http.Client{
		Transport: &http.Transport{DisableCompression: true},
		Timeout:   5 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	t.Cleanup(fx.client.CloseIdleConnections)
	return fx
}

// touchWriter records whether anything was written through it.
type touchWriter struct {
	http.ResponseWriter
	touched bool
}

func (w *touchWriter) WriteHeader(code int) { w.touched = true; w.ResponseWriter.WriteHeader(code) }
func (w *touchWriter) Write(b []byte) (int, error) {
	w.touched = true
	return w.ResponseWriter.Write(b)
}

// do sends method path with the given header pairs through the real client.
func (fx *fixture) do(t *testing.T, method, path string, header ...string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(method, fx.srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := fx.client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: read body: %v", method, path, err)
	}
	return resp, string(body)
}

func (fx *fixture) get(t *testing.T, path string, header ...string) (*http.Response, string) {
	t.Helper()
	return fx.do(t, http.MethodGet, path, header...)
}

// raw sends a request line exactly as given, bypassing any client-side path cleaning.
func (fx *fixture) raw(t *testing.T, method, target string) (*http.Response, string) {
	t.Helper()
	conn, err := net.Dial("tcp", fx.srv.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.WriteString(conn, method+" "+target+" HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	req := &http.Request{Method: method}
	resp, err := http.ReadResponse(bufio.NewReader(conn), req)
	if err != nil {
		t.Fatalf("%s %q: read response: %v", method, target, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %q: read body: %v", method, target, err)
	}
	return resp, string(body)
}

func isFallthrough(resp *http.Response, body string) bool {
	return resp.StatusCode == http.StatusNotFound && resp.Header.Get("X-Fallthrough") == "1" && body == "fallthrough"
}

func gzipBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gunzip(t *testing.T, data string) string {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func writeFile(path, data string) error { return os.WriteFile(path, []byte(data), 0o644) }
