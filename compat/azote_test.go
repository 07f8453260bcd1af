package compat

import (
	"log/slog"
	"net"
	"os"
	"strings"
	"testing"

	"github.com/azote-dev/azote"
)

// startAzote serves appDir with azote's public Go API and returns its address.
func startAzote(t *testing.T, appDir string) string {
	t.Helper()
	logs := &lockedWriter{w: &strings.Builder{}}
	srv, err := azote.New(azote.Options{Dir: appDir, Logger: slog.New(slog.NewTextHandler(logs, nil))})
	if err != nil {
		t.Fatalf("compat: azote.New(%s): %v", appDir, err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := srv.HTTPServer()
	go hs.Serve(ln)
	t.Cleanup(func() {
		hs.Close()
		srv.Close()
		if t.Failed() || os.Getenv("COMPAT_AZOTE_LOG") != "" {
			t.Logf("azote log:\n%s", logs.String())
		}
	})
	return ln.Addr().String()
}

// freePort asks the kernel for a port nobody listens on, for the Node server to take.
func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}
