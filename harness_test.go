package azote

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// logBuffer collects the server's log lines for assertions.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// testServer is a real azote server on 127.0.0.1 with a free port.
type testServer struct {
	t    *testing.T
	srv  *Server
	http *http.Server
	addr string
	logs *logBuffer
}

func start(t *testing.T, dir string, opts Options) *testServer {
	t.Helper()
	logs := &logBuffer{}
	opts.Dir = dir
	opts.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	srv, err := New(opts)
	if err != nil {
		t.Fatalf("New(%s): %v", dir, err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := srv.HTTPServer()
	go hs.Serve(ln)
	ts := &testServer{t: t, srv: srv, http: hs, addr: ln.Addr().String(), logs: logs}
	t.Cleanup(func() {
		hs.Close()
		srv.Close()
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	return ts
}

func (ts *testServer) url(path string) string { return "http://" + ts.addr + path }

// client is a gorilla WebSocket client with a read deadline per message.
type client struct {
	t    *testing.T
	conn *websocket.Conn
	resp *http.Response
}

func (ts *testServer) dial(path string, header http.Header) *client {
	ts.t.Helper()
	c, err := ts.tryDial(path, header, nil)
	if err != nil {
		ts.t.Fatalf("dial %s: %v", path, err)
	}
	return c
}

func (ts *testServer) tryDial(path string, header http.Header, protocols []string) (*client, error) {
	d := websocket.Dialer{HandshakeTimeout: 5 * time.Second, Subprotocols: protocols}
	conn, resp, err := d.Dial("ws://"+ts.addr+path, header)
	if err != nil {
		return &client{t: ts.t, resp: resp}, err
	}
	c := &client{t: ts.t, conn: conn, resp: resp}
	ts.t.Cleanup(func() { conn.Close() })
	return c, nil
}

func (c *client) read() (int, string) {
	c.t.Helper()
	c.conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	mt, data, err := c.conn.ReadMessage()
	if err != nil {
		c.t.Fatalf("read: %v", err)
	}
	return mt, string(data)
}

func (c *client) text() string {
	c.t.Helper()
	mt, s := c.read()
	if mt != websocket.TextMessage {
		c.t.Fatalf("want a text frame, got type %d (%q)", mt, s)
	}
	return s
}

func (c *client) json(v any) {
	c.t.Helper()
	s := c.text()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		c.t.Fatalf("bad JSON %q: %v", s, err)
	}
}

func (c *client) send(s string) {
	c.t.Helper()
	if err := c.conn.WriteMessage(websocket.TextMessage, []byte(s)); err != nil {
		c.t.Fatalf("send: %v", err)
	}
}

func (c *client) sendJSON(v any) {
	c.t.Helper()
	b, _ := json.Marshal(v)
	c.send(string(b))
}

// quiet asserts nothing arrives for d.
func (c *client) quiet(d time.Duration) {
	c.t.Helper()
	c.conn.SetReadDeadline(time.Now().Add(d))
	_, data, err := c.conn.ReadMessage()
	if err == nil {
		c.t.Fatalf("unexpected message %q", data)
	}
	if ne, ok := err.(net.Error); !ok || !ne.Timeout() {
		c.t.Fatalf("connection ended instead of staying quiet: %v", err)
	}
	// gorilla's conn is unusable after a read timeout; callers use quiet last on a client.
}

// closeCode reads until the connection ends and returns the close code the server sent.
func (c *client) closeCode() (int, string) {
	c.t.Helper()
	c.conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	for {
		_, _, err := c.conn.ReadMessage()
		if err == nil {
			continue
		}
		if ce, ok := err.(*websocket.CloseError); ok {
			return ce.Code, ce.Text
		}
		return websocket.CloseAbnormalClosure, err.Error()
	}
}

func (ts *testServer) get(path string) (int, http.Header, string) {
	ts.t.Helper()
	resp, err := http.Get(ts.url(path))
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(body)
}

func (ts *testServer) post(path, body string) (int, string) {
	ts.t.Helper()
	resp, err := http.Post(ts.url(path), "text/plain", strings.NewReader(body))
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
