//go:build unix

package static

import (
	"path/filepath"
	"syscall"
	"testing"
)

// Only regular files are served; opening a FIFO would block the request forever.
func TestFIFOFallsThrough(t *testing.T) {
	fx := newFixture(t)
	if err := syscall.Mkfifo(filepath.Join(fx.public, "pipe"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if err := syscall.Mkfifo(filepath.Join(fx.public, "pipe.txt.gz"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if resp, body := fx.get(t, "/pipe"); !isFallthrough(resp, body) {
		t.Errorf("/pipe: status %d body %q", resp.StatusCode, body)
	}
	// A FIFO posing as a precompressed sibling is ignored, too.
	if err := writeFile(filepath.Join(fx.public, "pipe.txt"), "plain"); err != nil {
		t.Fatal(err)
	}
	resp, body := fx.get(t, "/pipe.txt", "Accept-Encoding", "gzip")
	if body != "plain" || resp.Header.Get("Content-Encoding") != "" {
		t.Errorf("/pipe.txt: body %q encoding %q", body, resp.Header.Get("Content-Encoding"))
	}
}
