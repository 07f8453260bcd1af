package web

import (
	"context"
	_ "embed"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja_nodejs/eventloop"
	"github.com/gorilla/websocket"
)

//go:embed testdata/websocket_client.js
var webSocketClientScript string

// newWebSocketServer is the peer of the WebSocket client tests, at the ws:// URL it returns:
// /echo echoes each message (choosing "chat" when offered), /close-4001 closes with 4001
// "bye" after a message, /refuse answers 403, /drop drops the TCP connection after a message,
// with no close frame, and /hold reads until the connection ends, then closes held.
func newWebSocketServer(t *testing.T, held chan<- struct{}) string {
	t.Helper()
	up := websocket.Upgrader{Subprotocols: []string{"chat"}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/refuse" {
			w.Header().Set("Connection", "close")
			http.Error(w, "no", http.StatusForbidden)
			return
		}
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer c.Close()
		c.SetReadDeadline(time.Now().Add(10 * time.Second))
		for {
			kind, data, err := c.ReadMessage()
			if err != nil {
				if r.URL.Path == "/hold" {
					close(held)
				}
				return
			}
			switch r.URL.Path {
			case "/close-4001":
				c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4001, "bye"), time.Now().Add(time.Second))
				c.ReadMessage() // the client's answering close
				return
			case "/drop":
				return
			}
			if err := c.WriteMessage(kind, data); err != nil {
				return
			}
		}
	}))
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http")
}

// The same script, run by Node's WebSocket (undici) and by azote's against the same server,
// observes the same: constructor errors, readyState, subprotocol, text and binary messages in
// both binary types, Blob sends, handler attributes, close codes from either side, a refused
// handshake and a dropped connection.
func TestWebSocketClientMatchesNode(t *testing.T) {
	base := newWebSocketServer(t, nil)
	l := newTestLoop(t, nil, base)
	got := l.eval(t, webSocketClientScript+"\nreturn await run(base);")
	var gotLines []string
	if err := json.Unmarshal([]byte(got), &gotLines); err != nil {
		t.Fatalf("azote: %s", got)
	}

	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: azote's answers were not compared")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	// Node 20 has WebSocket behind a flag, Node 22 and later without one (the flag is then
	// accepted and ignored).
	cmd := exec.CommandContext(ctx, node, "--experimental-websocket", "--input-type=module", "-e",
		webSocketClientScript+"\nconsole.log(JSON.stringify(await run(process.argv[1])));", base)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var want []string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatalf("node printed %s", out)
	}
	for i := 0; i < max(len(want), len(gotLines)); i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(gotLines) {
			g = gotLines[i]
		}
		if w != g {
			t.Errorf("line %d:\n node  %s\n azote %s", i, w, g)
		}
	}
}

// A refused handshake fires error, then close with 1006 (the spec's and Node 22's order; Node
// 20's undici fires no close at all). bufferedAmount counts what is queued and falls back to
// 0 once it is written.
func TestWebSocketClientRefusedAndBuffered(t *testing.T) {
	base := newWebSocketServer(t, nil)
	l := newTestLoop(t, nil, base)
	got := l.eval(t, `
		const ws = new WebSocket(base + "/refuse");
		const seen = [];
		ws.onerror = (e) => seen.push(e.type + ":" + (e.message !== ""));
		const c = await new Promise((resolve) => ws.addEventListener("close", (e) => { seen.push(e.type); resolve(e); }));
		const echo = new WebSocket(base + "/echo");
		await new Promise((resolve) => { echo.onopen = resolve; });
		echo.send("12345");
		echo.send(new Uint8Array(3));
		const queued = echo.bufferedAmount;
		await new Promise((resolve) => { let n = 0; echo.onmessage = () => { if (++n === 2) resolve(); }; });
		const left = echo.bufferedAmount;
		echo.close();
		return [seen, c.code, c.wasClean, ws.readyState, queued, left];`)
	if want := `[["error:true","close"],1006,false,3,8,0]`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// When the loop's context ends (its runtime is released), its client sockets are closed: the
// server sees the connection end, and no goroutine is left behind.
func TestWebSocketClientLoopContext(t *testing.T) {
	ended := make(chan struct{})
	url := newWebSocketServer(t, ended) + "/hold"
	before := settledGoroutines(0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l := &testLoop{EventLoop: eventloop.NewEventLoop(eventloop.EnableConsole(false)), ctx: ctx}
	startLoop(t, ctxLoop{l}, l, nil, url)
	if got := l.eval(t, `const ws = new WebSocket(base); await new Promise((resolve) => { ws.onopen = resolve; }); return ws.readyState;`); got != "1" {
		t.Fatalf("open: %s", got)
	}
	cancel()
	waitFor(t, ended, "the server to see the connection end")
	l.Terminate()
	if after := settledGoroutines(before); after > before+2 {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines: %d before, %d after\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
}
