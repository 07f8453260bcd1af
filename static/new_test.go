package static

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

func TestNewRejectsMissingAndFiles(t *testing.T) {
	dir := t.TempDir()
	if _, err := New(filepath.Join(dir, "nope")); err == nil {
		t.Error("New accepted a missing folder")
	}
	file := filepath.Join(dir, "file.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := New(file); err == nil {
		t.Error("New accepted a regular file")
	}
}

// A root reached through a symlink (and given relative) serves its files, and containment
// is judged against the resolved folder.
func TestNewResolvesSymlinkedRoot(t *testing.T) {
	fx := newFixture(t)
	link := filepath.Join(fx.dir, "public-link")
	if err := os.Symlink("public", link); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
	t.Chdir(fx.dir)
	files, err := New("public-link")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !files.Serve(w, r) {
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	for path, want := range map[string]int{"/hello.txt": 200, "/link-in": 200, "/link-out": 404} {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s: status %d, want %d", path, resp.StatusCode, want)
		}
	}
}

// Files is shared by every request; run them at once under -race.
func TestConcurrentRequests(t *testing.T) {
	fx := newFixture(t)
	paths := []string{"/hello.txt", "/docs", "/bundle.js", "/digits.txt", "/missing", "/types/file.png"}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 20 {
				path := paths[(g+i)%len(paths)]
				req, _ := http.NewRequest(http.MethodGet, fx.srv.URL+path, nil)
				req.Header.Set("Accept-Encoding", "br, gzip")
				resp, err := fx.client.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				if want := path != "/missing"; (resp.StatusCode == http.StatusOK) != want {
					t.Errorf("%s: status %d", path, resp.StatusCode)
				}
			}
		}()
	}
	wg.Wait()
}
