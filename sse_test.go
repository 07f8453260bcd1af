package azote

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

// readEvent reads one SSE event (up to the blank line) from a live stream.
func readEvent(t *testing.T, r *bufio.Reader) string {
	t.Helper()
	var b strings.Builder
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			t.Fatalf("stream ended: %v (read %q)", err, b.String())
		}
		if line == "\n" {
			return b.String()
		}
		b.WriteString(line)
	}
}

func openStream(t *testing.T, url string, header ...string) (*http.Response, *bufio.Reader, context.CancelFunc) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); resp.Body.Close() })
	return resp, bufio.NewReader(resp.Body), cancel
}

// SPEC 8: headers and the wire format of every push form, byte for byte.
func TestEventStreamFormat(t *testing.T) {
	ts := start(t, httpApp, Options{})
	resp, br, _ := openStream(t, ts.url("/stream-format"), "Last-Event-ID", "41")
	for k, v := range map[string]string{
		"Content-Type":      "text/event-stream",
		"Cache-Control":     "private, no-cache, no-store, no-transform, must-revalidate, max-age=0",
		"X-Accel-Buffering": "no",
	} {
		if got := resp.Header.Get(k); got != v {
			t.Errorf("%s: %q, want %q", k, got, v)
		}
	}
	body, err := io.ReadAll(br)
	if err != nil {
		t.Fatal(err)
	}
	want := "data: a\n\n" +
		"data: b\n\n" +
		"data: c\n\n" +
		"id: 12\nevent: update\nretry: 1500\ndata: l1\ndata: l2\ndata: l3\n\n" +
		"data: x\n\n" +
		": note\n\n" +
		"data: 41\n\n"
	if string(body) != want {
		t.Errorf("body:\n%q\nwant:\n%q", body, want)
	}
}

// SPEC 8: each event is flushed at once; onClosed runs once when the client leaves; a
// server-side publish reaches the stream through azote.subscribe.
func TestEventStreamLive(t *testing.T) {
	ts := start(t, httpApp, Options{})
	_, br, cancel := openStream(t, ts.url("/stream-live"))
	if got := readEvent(t, br); got != "data: first\n" {
		t.Fatalf("first event %q", got)
	}
	if status, body := ts.post("/publish?topic=feed", "news"); status != 200 || body != `{"delivered":1}` {
		t.Errorf("publish: %d %s", status, body)
	}
	if got := readEvent(t, br); got != "data: news\n" {
		t.Errorf("published event %q", got)
	}
	cancel()
	var counters struct{ Opened, Closed int }
	eventually(t, "onClosed", func() bool {
		_, _, body := ts.get("/stream-counters")
		json.Unmarshal([]byte(body), &counters)
		return counters.Closed == 1
	})
	time.Sleep(50 * time.Millisecond)
	if _, _, body := ts.get("/stream-counters"); body != `{"closed":1,"opened":1}` {
		t.Errorf("onClosed must run exactly once: %s", body)
	}
	// The unsubscribe in onClosed took effect: nobody hears the next publish.
	if _, body := ts.post("/publish?topic=feed", "late"); body != `{"delivered":0}` {
		t.Errorf("publish after close: %s", body)
	}
}

// The seed page's SSE examples, as a client sees them.
func TestSeedEventStreams(t *testing.T) {
	ts := start(t, "examples", Options{})
	_, br, _ := openStream(t, ts.url("/sse"))
	if got := readEvent(t, br); !regexp.MustCompile(`^data: Message @ \S+`).MatchString(got) {
		t.Errorf("/sse event %q", got)
	}
	_, br, _ = openStream(t, ts.url("/events"))
	got := readEvent(t, br)
	if !regexp.MustCompile(`^id: 0\nevent: update\nretry: 3000\ndata: \{"value":0\.\d+\}\n$`).MatchString(got) {
		t.Errorf("/events event %q", got)
	}
	if got := readEvent(t, br); !strings.HasPrefix(got, "id: 1\n") {
		t.Errorf("second /events event %q", got)
	}
}

// public/ files are served before routes, with index.html for folders.
func TestPublicFiles(t *testing.T) {
	ts := start(t, httpApp, Options{})
	if status, h, body := ts.get("/hello.txt"); status != 200 || body != "hello from public\n" || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") || h.Get("Etag") == "" {
		t.Errorf("/hello.txt: %d %q %v", status, body, h)
	}
	if status, _, body := ts.get("/"); status != 200 || body != "<h1>index</h1>\n" {
		t.Errorf("/: %d %q", status, body)
	}
	for _, path := range []string{"/../go.mod", "/%2e%2e/go.mod", "/..%2f..%2fgo.mod"} {
		conn, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", path)
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		conn.Close()
		if resp.StatusCode == 200 || strings.Contains(string(body), "module github.com") {
			t.Errorf("traversal %s answered %d %q", path, resp.StatusCode, body)
		}
	}
	ex := start(t, "examples", Options{})
	if status, _, body := ex.get("/"); status != 200 || !strings.Contains(body, `new EventSource("/sse")`) {
		t.Errorf("examples index: %d", status)
	}
}

// Event streams opened and dropped by their clients leave no goroutine behind.
func TestEventStreamsDoNotLeak(t *testing.T) {
	ts := start(t, httpApp, Options{})
	ts.get("/stream-counters")
	time.Sleep(50 * time.Millisecond)
	before := runtime.NumGoroutine()
	const n = 300
	for i := 0; i < n; i++ {
		_, br, cancel := openStream(t, ts.url("/stream-live"))
		readEvent(t, br)
		cancel()
	}
	var counters struct{ Opened, Closed int }
	eventually(t, "every onClosed", func() bool {
		_, _, body := ts.get("/stream-counters")
		json.Unmarshal([]byte(body), &counters)
		return counters.Closed == n
	})
	http.DefaultClient.CloseIdleConnections()
	eventually(t, "goroutines to drain", func() bool { return runtime.NumGoroutine() <= before+2 })
}
