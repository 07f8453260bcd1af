package azote

import (
	"runtime/metrics"
	"strings"
	"testing"
	"time"
)

// memoryApp sets azote.maxMemory to 256 MiB in its nitro.config.ts.
const memoryApp = "testdata/memoryapp"

const memoryAppLimit = 256 << 20

// goMemory is what the Go runtime holds from the system: what --max-memory counts.
func goMemory() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64() - s[1].Value.Uint64())
}

// Issue 11, defect 5: a string-doubling loop reached 6 GB in 15 s. Past --max-memory
// (azote.maxMemory) the running JavaScript is now interrupted: HTTP 500 like the handler
// timeout, WebSocket 1011; its memory goes back, and the server keeps answering.
func TestMemoryLimitInterruptsJavaScript(t *testing.T) {
	// A handler timeout far away, so what stops the loops is the memory limit.
	ts := start(t, memoryApp, Options{HandlerTimeout: 60 * time.Second})
	other := ts.dial("/socket", nil)
	for _, path := range []string{"/grow-string", "/grow-array"} {
		status, _, body := ts.get(path)
		if status != 500 || body != `{"status":500,"message":"Memory limit"}` {
			t.Errorf("%s: %d %s", path, status, body)
		}
		if status, _, body := ts.get("/ping"); status != 200 || body != "pong" {
			t.Errorf("after %s: %d %s", path, status, body)
		}
		// The interrupted loop's garbage is collected and returned: well under the limit again.
		eventually(t, "memory back under half the limit after "+path, func() bool { return goMemory() < memoryAppLimit/2 })
	}

	grow := ts.dial("/socket", nil)
	grow.send("grow")
	if code, reason := grow.closeCode(); code != 1011 || reason != "memory limit" {
		t.Errorf("runaway hook: close %d %q, want 1011 \"memory limit\"", code, reason)
	}
	other.send("still here")
	if got := other.text(); got != "still here" {
		t.Errorf("other peer after the runaway hook: %q", got)
	}
	eventually(t, "memory back under half the limit after the hook", func() bool { return goMemory() < memoryAppLimit/2 })

	logs := ts.logs.String()
	if n := strings.Count(logs, "JavaScript interrupted: the process passed its memory limit"); n != 3 {
		t.Errorf("%d interrupts logged, want 3:\n%s", n, logs)
	}
	if !strings.Contains(logs, "routes/grow-string.ts:") || !strings.Contains(logs, "hook=message route=routes/socket.ts") {
		t.Errorf("the interrupted handler and hook are not named in the log:\n%s", logs)
	}
}
