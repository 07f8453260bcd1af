package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// The test binary doubles as the azote command, so the CLI is tested as a real process.
func TestMain(m *testing.M) {
	if os.Getenv("AZOTE_RUN_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

func command(t *testing.T, env []string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(append(os.Environ(), "AZOTE_RUN_MAIN=1"), env...)
	return cmd
}

func TestParseFlagsAroundDir(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "app", "--port", "4000", "--host", "127.0.0.1"},
		{"serve", "--port", "4000", "app", "--host=127.0.0.1"},
		{"--port=4000", "--host", "127.0.0.1", "serve", "app"},
	} {
		cfg, err := parse(args, io.Discard)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if cfg.mode != "serve" || cfg.dir != "app" || cfg.port != 4000 || cfg.host != "127.0.0.1" {
			t.Errorf("%v: %+v", args, cfg)
		}
	}
	t.Setenv("PORT", "5000")
	t.Setenv("NITRO_PORT", "5001")
	t.Setenv("HOST", "127.0.0.2")
	cfg, err := parse([]string{"dev", "app"}, io.Discard)
	if err != nil || cfg.port != 5001 || cfg.host != "127.0.0.2" || cfg.mode != "dev" {
		t.Errorf("env: %+v %v", cfg, err)
	}
	if cfg, _ := parse([]string{"serve", "app", "--max-memory", "268435456"}, io.Discard); cfg.opts.MaxMemory != 256<<20 {
		t.Errorf("--max-memory: %d", cfg.opts.MaxMemory)
	}
	if cfg, _ := parse([]string{"dev", "app", "--port", "6000"}, io.Discard); cfg.port != 6000 {
		t.Errorf("flag should win over env: %d", cfg.port)
	}
	for _, bad := range [][]string{{}, {"serve"}, {"launch", "x"}, {"serve", "a", "b"}, {"serve", "a", "--port", "x"}} {
		if _, err := parse(bad, io.Discard); err == nil {
			t.Errorf("%v: no error", bad)
		}
	}
}

func TestHelpAndVersion(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"--help"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "azote dev DIR") {
		t.Errorf("--help: %d %q", code, out.String())
	}
	out.Reset()
	if code := run([]string{"--version"}, &out, &errb); code != 0 || !strings.HasPrefix(out.String(), "azote ") {
		t.Errorf("--version: %d %q", code, out.String())
	}
}

func TestExitsWithClearErrors(t *testing.T) {
	empty := t.TempDir()
	var out, errb bytes.Buffer
	if code := run([]string{"serve", empty}, &out, &errb); code == 0 || !strings.Contains(errb.String(), empty) {
		t.Errorf("no routes: exit %d, stderr %q", code, errb.String())
	}

	app := t.TempDir()
	os.MkdirAll(filepath.Join(app, "routes"), 0o755)
	os.WriteFile(filepath.Join(app, "routes", "bad.ts"), []byte("export default {\n  open(peer) {\n    peer.send(\"x\"\n  },\n};\n"), 0o644)
	errb.Reset()
	code := run([]string{"serve", app}, &out, &errb)
	msg := errb.String()
	if code == 0 || !strings.Contains(msg, "routes/bad.ts:4:") || !strings.Contains(msg, "|") || !strings.Contains(msg, "^") {
		t.Errorf("build error: exit %d, stderr:\n%s", code, msg)
	}
}

// A real process: routes printed, URL printed, a client served, SIGTERM closes it with 1001
// and exits 0.
func TestServeAndShutdown(t *testing.T) {
	cmd := command(t, nil, "serve", "../../examples", "--host", "127.0.0.1", "--port", "0")
	stdout, _ := cmd.StdoutPipe()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(stdout)
	var printed strings.Builder
	url := ""
	for lines.Scan() {
		printed.WriteString(lines.Text() + "\n")
		if m := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)`).FindStringSubmatch(lines.Text()); m != nil {
			url = m[1]
			break
		}
	}
	go io.Copy(io.Discard, stdout)
	if url == "" {
		t.Fatalf("no URL printed:\n%s\n%s", printed.String(), stderr.String())
	}
	for _, want := range []string{"/_ws", "/rooms/:room", "routes/chat.ts", "websocket"} {
		if !strings.Contains(printed.String(), want) {
			t.Errorf("route table lacks %q:\n%s", want, printed.String())
		}
	}
	conn, _, err := websocket.DefaultDialer.Dial("ws://"+url+"/_ws", nil)
	if err != nil {
		t.Fatal(err)
	}
	conn.WriteMessage(websocket.TextMessage, []byte("hi"))
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, msg, err := conn.ReadMessage(); err != nil || string(msg) != "Hello from server!" {
		t.Fatalf("reply %q %v", msg, err)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	_, _, err = conn.ReadMessage()
	if ce, ok := err.(*websocket.CloseError); !ok || ce.Code != 1001 {
		t.Errorf("on SIGTERM the peer got %v, want close 1001", err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit: %v\n%s", err, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("azote did not exit after SIGTERM")
	}
}

// Issue 11, defect 8: on SIGTERM the process exits within shutdownGrace whatever the JavaScript
// is doing: with a request whose promise never settles (it used to take 20 s: the HTTP drain
// and then the runtime's drain, 10 s each), and with the loop frozen in native code that cannot
// be interrupted (it never exited).
func TestSIGTERMExitsWithinGrace(t *testing.T) {
	app := t.TempDir()
	os.MkdirAll(filepath.Join(app, "routes"), 0o755)
	os.WriteFile(filepath.Join(app, "routes", "stuck.ts"), []byte(`import { defineHandler } from "nitro";
export default defineHandler(() => { console.log("stuck request"); return new Promise(() => {}); });
`), 0o644)
	// Backtracking regular expressions run in native code, out of the watchdog's reach: this one
	// takes hours, and gives up only at the match timeout (the handler timeout plus slack).
	os.WriteFile(filepath.Join(app, "routes", "frozen.ts"), []byte(`import { defineHandler } from "nitro";
export default defineHandler(() => { console.log("freezing"); return /^(?=a)(a|aa)+b$/.test("a".repeat(60)); });
`), 0o644)
	for _, tc := range []struct{ path, marker string }{{"/stuck", "stuck request"}, {"/frozen", "freezing"}} {
		t.Run(tc.path[1:], func(t *testing.T) {
			t.Parallel()
			cmd := command(t, nil, "serve", app, "--host", "127.0.0.1", "--port", "0")
			stdout, _ := cmd.StdoutPipe()
			stderr, _ := cmd.StderrPipe()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			url := ""
			lines := bufio.NewScanner(stdout)
			for lines.Scan() {
				if m := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)`).FindStringSubmatch(lines.Text()); m != nil {
					url = m[1]
					break
				}
			}
			go io.Copy(io.Discard, stdout)
			if url == "" {
				t.Fatal("no URL printed")
			}
			marked := make(chan struct{})
			go func() {
				errLines := bufio.NewScanner(stderr)
				for errLines.Scan() {
					if strings.Contains(errLines.Text(), tc.marker) {
						close(marked)
					}
				}
			}()
			go (&http.Client{Timeout: time.Minute}).Get("http://" + url + tc.path)
			select {
			case <-marked:
			case <-time.After(20 * time.Second):
				t.Fatal("the request never reached its handler")
			}
			signaled := time.Now()
			cmd.Process.Signal(syscall.SIGTERM)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
				took := time.Since(signaled)
				t.Logf("exited %v after SIGTERM", took.Round(10*time.Millisecond))
				if took > shutdownGrace+2*time.Second {
					t.Errorf("exited %v after SIGTERM, want within %v", took.Round(100*time.Millisecond), shutdownGrace)
				}
			case <-time.After(shutdownGrace + 10*time.Second):
				t.Fatalf("still running %v after SIGTERM", shutdownGrace+10*time.Second)
			}
		})
	}
}

func TestParseConnectionLimits(t *testing.T) {
	cfg, err := parse([]string{"serve", "app", "--read-timeout", "3s", "--idle-timeout=4s", "--max-header-bytes", "8192"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.opts.ReadTimeout != 3*time.Second || cfg.opts.IdleTimeout != 4*time.Second || cfg.opts.MaxHeaderBytes != 8192 {
		t.Errorf("connection limits: %+v", cfg.opts)
	}
}

func TestAllowedOriginsFlag(t *testing.T) {
	cfg, err := parse([]string{"serve", "app", "--allowed-origins", "https://a.example, https://b.example", "--allowed-origins=http://localhost:3000"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://a.example", "https://b.example", "http://localhost:3000"}
	if strings.Join(cfg.opts.AllowedOrigins, " ") != strings.Join(want, " ") {
		t.Errorf("--allowed-origins: %q, want %q", cfg.opts.AllowedOrigins, want)
	}
}
