package main

import (
	"bufio"
	"bytes"
	"io"
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
