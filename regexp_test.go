package azote

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// regexpChild marks the process a regexp timeout test runs in.
const regexpChild = "AZOTE_REGEXP_TEST_CHILD"

// inOwnProcess runs test t again in a process of its own and reports whether this is that
// process: the regexp match timeout is process-wide and set once, by the process's first
// server, so a test of it must be that first server. In the parent it waits for the child
// and fails t with the child's output unless the child passed.
func inOwnProcess(t *testing.T) bool {
	t.Helper()
	if os.Getenv(regexpChild) != "" {
		return true
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^"+t.Name()+"$", "-test.count=1", "-test.v", "-test.timeout=2m")
	cmd.Env = append(os.Environ(), regexpChild+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: "+t.Name()) {
		t.Fatalf("in its own process: %v\n%s", err, out)
	}
	return false
}

// The match timeout comes from the handler timeout the server runs with, nitro.config's
// azote.handlerTimeout included: set from the command line's (here the default 5 s) before
// the config was read, a regexp would give up at 5 s plus slack in handlers allowed 20 s, and
// the runtime logs that it does.
func TestRegexpTimeoutFollowsTheConfig(t *testing.T) {
	if !inOwnProcess(t) {
		return
	}
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"nitro.config.ts": `export default { azote: { handlerTimeout: "20s" } };
`,
		"routes/ok.ts": httpRoute("ok"),
	})
	ts := start(t, dir, Options{})
	if status, _, body := ts.get("/ok"); status != 200 || body != "ok" {
		t.Fatalf("/ok: %d %q", status, body)
	}
	if logs := ts.logs.String(); strings.Contains(logs, "regular expressions give up") {
		t.Errorf("the match timeout was set before the config's handler timeout was read:\n%s", logs)
	}
}

// Issue 11: a regular expression that backtracks catastrophically on regexp2 (the matcher goja
// uses for lookaround and backreferences) ignored the watchdog's interrupt and froze the loop
// for minutes: the request never got an answer, nor did any other request of the app. It is now
// a handler-timeout 500 shortly after the timeout, and the app goes on answering.
func TestCatastrophicRegexpIsAHandlerTimeout(t *testing.T) {
	if !inOwnProcess(t) {
		return
	}
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		// 2^40 ways to split the a's, each tried before the lookahead fails.
		"routes/redos.ts": `import { defineHandler } from "nitro";
export default defineHandler(() => /^(a+)+(?=b)$/.test("a".repeat(40) + "!") ? "match" : "no match");
`,
		// The same pattern without lookaround runs on Go's linear-time regexp: a quick false.
		"routes/linear.ts": `import { defineHandler } from "nitro";
export default defineHandler(() => String(/^(a+)+$/.test("a".repeat(40) + "b")));
`,
		"routes/ok.ts": httpRoute("ok"),
	})
	ts := start(t, dir, Options{HandlerTimeout: 300 * time.Millisecond})
	if s, b, err := getWithin(ts, "/linear", 10*time.Second); s != 200 || b != "false" {
		t.Fatalf("/linear: %d %q %v", s, b, err)
	}
	type result struct {
		status  int
		body    string
		err     error
		elapsed time.Duration
	}
	redos := make(chan result, 1)
	begun := time.Now()
	go func() {
		// The match gives up at the handler timeout plus its slack (1.33 s here).
		s, b, err := getWithin(ts, "/redos", 20*time.Second)
		redos <- result{s, b, err, time.Since(begun)}
	}()
	time.Sleep(100 * time.Millisecond) // /ok queues behind the match
	s, b, err := getWithin(ts, "/ok", 20*time.Second)
	if s != 200 || b != "ok" {
		t.Fatalf("/ok during the match: %d %q %v", s, b, err)
	}
	r := <-redos
	if r.status != 500 || r.body == "no match" {
		t.Fatalf("/redos: %d %q %v after %v, want the handler-timeout 500", r.status, r.body, r.err, r.elapsed)
	}
	waitLog(t, ts, "handler timeout")
	if s, b, err := getWithin(ts, "/ok", 10*time.Second); s != 200 || b != "ok" {
		t.Fatalf("/ok after: %d %q %v", s, b, err)
	}
}
