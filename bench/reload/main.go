// Command reload measures what a developer waits for, on a generated app of 50 route files
// that share imports: the cold start of `azote serve` until the first request is answered,
// and, under `azote dev`, the time from saving a file to the first response from the new code.
//
//	go build -o /tmp/azote ./cmd/azote && go run ./bench/reload -azote /tmp/azote
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	bin := flag.String("azote", "", "path of a built azote binary (required)")
	routes := flag.Int("routes", 50, "route files in the generated app")
	starts := flag.Int("starts", 10, "cold starts to measure")
	saves := flag.Int("saves", 20, "saves to measure")
	flag.Parse()
	if *bin == "" {
		log.Fatal("-azote is required: go build -o /tmp/azote ./cmd/azote")
	}
	dir, err := os.MkdirTemp("", "azote-reload-bench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	generate(dir, *routes)

	var cold []time.Duration
	for i := 0; i < *starts; i++ {
		port := freePort()
		t0 := time.Now()
		cmd := exec.Command(*bin, "serve", dir, "--host", "127.0.0.1", "--port", fmt.Sprint(port))
		if err := cmd.Start(); err != nil {
			log.Fatal(err)
		}
		waitBody(port, "/r0", "route 0 v0", 10*time.Second)
		cold = append(cold, time.Since(t0))
		cmd.Process.Kill()
		cmd.Wait()
	}

	port := freePort()
	cmd := exec.Command(*bin, "dev", dir, "--host", "127.0.0.1", "--port", fmt.Sprint(port))
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	waitBody(port, "/r0", "route 0 v0", 10*time.Second)
	var reload []time.Duration
	for i := 1; i <= *saves; i++ {
		time.Sleep(150 * time.Millisecond) // a developer does not save twice within the debounce
		want := fmt.Sprintf("route 7 v%d", i)
		t0 := time.Now()
		save(filepath.Join(dir, "routes", "r7.ts"), route(7, i))
		waitBody(port, "/r7", want, 10*time.Second)
		reload = append(reload, time.Since(t0))
	}
	fmt.Printf("app: %d route files sharing 3 modules\n", *routes)
	fmt.Printf("cold start of azote serve to first response (%d runs): median %s, p95 %s, min %s\n",
		len(cold), pct(cold, 50), pct(cold, 95), pct(cold, 0))
	fmt.Printf("save to first response from new code under azote dev (%d saves): median %s, p95 %s, min %s\n",
		len(reload), pct(reload, 50), pct(reload, 95), pct(reload, 0))
}

func generate(dir string, n int) {
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	write("lib/store.ts", "export const hits: Record<string, number> = {};\nexport function hit(k: string) { hits[k] = (hits[k] || 0) + 1; return hits[k]; }\n")
	write("lib/format.ts", "export const format = (route: number, v: number) => `route ${route} v${v}`;\n")
	write("lib/types.ts", "export interface Greeting { text: string; at: number }\nexport const make = (text: string): Greeting => ({ text, at: Date.now() });\n")
	for i := 0; i < n; i++ {
		write(fmt.Sprintf("routes/r%d.ts", i), route(i, 0))
	}
}

func route(i, v int) string {
	return fmt.Sprintf(`import { defineHandler } from "nitro";
import { hit } from "../lib/store";
import { format } from "../lib/format";
import { make } from "../lib/types";

export default defineHandler(() => {
  hit("r%d");
  return make(format(%d, %d)).text;
});
`, i, i, v)
}

// save writes like an editor's atomic save: a temp file renamed over the original.
func save(path, content string) {
	tmp := path + ".tmp~"
	if err := os.WriteFile(tmp, []byte(content), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		log.Fatal(err)
	}
}

func waitBody(port int, path, want string, limit time.Duration) {
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		resp, err := client.Get(fmt.Sprintf("http://127.0.0.1:%d%s", port, path))
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.TrimSpace(string(b)) == want {
				return
			}
		}
		time.Sleep(time.Millisecond)
	}
	log.Fatalf("no %q from %s within %s", want, path, limit)
}

func freePort() int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s) - 1) * p / 100
	return s[i].Round(100 * time.Microsecond)
}
