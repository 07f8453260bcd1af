package azote

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

const hostileApp = "testdata/hostileapp"

// deepJSON is n arrays inside each other: "[[[...]]]".
func deepJSON(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }

func postJSON(t *testing.T, url, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	resp, text := do(t, req)
	return resp.StatusCode, text
}

// Issue 11, defect 2: an 8 MB body of "[" (under --max-body) to readBody or event.req.json()
// killed the process with a Go stack overflow. It is now h3's 400, and the server keeps
// serving.
func TestDeepJSONBodyIs400(t *testing.T) {
	ts := start(t, hostileApp, Options{})
	deep := strings.Repeat("[", 8<<20)
	for _, path := range []string{"/body", "/req-json"} {
		status, body := postJSON(t, ts.url(path), deep)
		if status != 400 || !strings.Contains(body, `"status":400,"statusText":"Bad Request","message":"Invalid JSON body`) {
			t.Errorf("%s, 8 MB of [: %d %s", path, status, body)
		}
		if status, body := postJSON(t, ts.url(path), deepJSON(10001)); status != 400 {
			t.Errorf("%s, 10,001 levels: %d %s", path, status, body)
		}
		if status, body := postJSON(t, ts.url(path), deepJSON(10000)); status != 200 || body != `{"type":"array"}` {
			t.Errorf("%s, 10,000 levels: %d %s", path, status, body)
		}
	}
	// h3 2.x: readBody of text that is not JSON is a 400 too (it used to return the text).
	if status, body := postJSON(t, ts.url("/body"), "{not json"); status != 400 || !strings.Contains(body, "Invalid JSON body") {
		t.Errorf("readBody of bad JSON: %d %s", status, body)
	}
	if status, _, body := ts.get("/ping"); status != 200 || body != "pong" {
		t.Errorf("after the deep bodies: %d %s", status, body)
	}
}

// User code calling JSON.parse or JSON.stringify on deep input gets an exception it can
// catch, like in Node (SyntaxError past 10,000 levels here; RangeError for stringify).
func TestDeepJSONInHandlerThrows(t *testing.T) {
	ts := start(t, hostileApp, Options{HandlerTimeout: 20 * time.Second})
	status, body := postJSON(t, ts.url("/parse"), strings.Repeat("[", 200<<10))
	if status != 200 || body != `{"parse":"SyntaxError: JSON nested deeper than 10000 levels at position 10000"}` {
		t.Errorf("JSON.parse of 200 KB of [: %d %s", status, body)
	}
	status, body = postJSON(t, ts.url("/parse"), "1")
	if status != 200 || body != `{"parse":"ok","stringify":"RangeError"}` {
		t.Errorf("JSON.stringify of 20,000 levels: %d %s", status, body)
	}
	if status, _, body := ts.get("/ping"); status != 200 || body != "pong" {
		t.Errorf("after: %d %s", status, body)
	}
}

// A 6 MB text message of "[" to message.json() killed the process. Now the hook throws (logged
// with its file), the peer stays connected, and other peers are not disturbed.
func TestDeepJSONMessageThrowsInHook(t *testing.T) {
	ts := start(t, hostileApp, Options{})
	a := ts.dial("/socket", nil)
	b := ts.dial("/socket", nil)
	a.send(strings.Repeat("[", 6<<20))
	b.send(`{"x":1}`)
	if got := b.text(); got != `{"type":"object"}` {
		t.Errorf("other peer: %s", got)
	}
	a.send(deepJSON(100))
	if got := a.text(); got != `{"type":"array"}` {
		t.Errorf("the peer after its deep message: %s", got)
	}
	logs := ts.logs.String()
	if !strings.Contains(logs, "websocket hook threw") || !strings.Contains(logs, "JSON nested deeper than 10000 levels") || !strings.Contains(logs, "routes/socket.ts:") {
		t.Errorf("the hook's exception was not logged with its file:\n%s", logs)
	}
	if err := a.conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(time.Second)); err != nil {
		t.Errorf("peer connection: %v", err)
	}
}
