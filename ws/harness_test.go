package ws

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

const waitLimit = 5 * time.Second

// pollerOff (AZOTE_TEST_NO_POLLER=1) starts every harness conn on a reader goroutine of its own:
// the path of platforms without epoll, and of conns a Poller does not take. .ci/run runs the
// package once more that way.
var pollerOff = os.Getenv("AZOTE_TEST_NO_POLLER") != ""

type message struct {
	binary bool
	data   []byte
}

type closeEvent struct {
	code   int
	reason string
}

// recorder is a Handler that turns events into channels and checks the Handler contract:
// events come one at a time and nothing follows OnClose.
type recorder struct {
	t      testing.TB
	msgs   chan message
	errs   chan error
	closes chan closeEvent

	mu     sync.Mutex
	closed bool
}

func newRecorder(t testing.TB) *recorder {
	return &recorder{
		t:      t,
		msgs:   make(chan message, 4096),
		errs:   make(chan error, 8),
		closes: make(chan closeEvent, 8),
	}
}

func (r *recorder) event(kind string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		r.t.Errorf("%s after OnClose", kind)
	}
	if kind == "OnClose" {
		r.closed = true
	}
}

func (r *recorder) OnMessage(c *Conn, binary bool, data []byte) {
	r.event("OnMessage")
	r.msgs <- message{binary, data}
}

func (r *recorder) OnError(c *Conn, err error) {
	r.event("OnError")
	r.errs <- err
}

func (r *recorder) OnClose(c *Conn, code int, reason string) {
	r.event("OnClose")
	for _, p := range c.srv.hub.Peers(c.namespace) {
		if p == c {
			r.t.Errorf("conn %d still in Peers during OnClose", c.seq)
		}
	}
	r.closes <- closeEvent{code, reason}
}

// peer is the server side of one test connection.
type peer struct {
	conn *Conn
	rec  *recorder
}

type harness struct {
	t     testing.TB
	srv   *Server
	web   *httptest.Server
	peers chan peer
	logs  *syncBuffer
	// poller is where new conns are started (StartOn): the harness's own, run by a goroutine
	// the way a JS loop runs one (Linux); a test may swap it, nil for reader goroutines.
	poller atomic.Pointer[Poller]
}

// newHarness serves upgrades on every path (the path is the namespace). A "proto" query
// parameter selects that subprotocol, like an upgrade hook returning { protocol }. Conns are
// read by a Poller where there is one (and pollerOff is false), as in azote.
func newHarness(t testing.TB, opts Options) *harness {
	logs := &syncBuffer{}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	h := &harness{t: t, srv: NewServer(opts), peers: make(chan peer, 512), logs: logs}
	h.srv.closeGrace = time.Second
	h.web = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		header := http.Header{"X-Azote": {"yes"}}
		if proto := r.URL.Query().Get("proto"); proto != "" {
			header.Set("Sec-WebSocket-Protocol", proto)
		}
		c, err := h.srv.Upgrade(w, r, header, r.URL.Path)
		if err != nil {
			return
		}
		rec := newRecorder(t)
		c.StartOn(h.poller.Load(), rec)
		h.peers <- peer{c, rec}
	}))
	t.Cleanup(func() {
		h.web.Close()
		h.srv.Close()
	})
	if pollerOff {
		return h
	}
	if p, err := NewPoller(opts.Logger); err == nil {
		h.poller.Store(p)
		runPoller(t, p)
	}
	return h
}

// runPoller runs p on a goroutine of its own until the test ends, then closes it.
func runPoller(t testing.TB, p *Poller) {
	var stop atomic.Bool
	done := make(chan struct{})
	go func() {
		defer close(done)
		for !stop.Load() {
			p.Wait(true)
		}
	}()
	t.Cleanup(func() {
		stop.Store(true)
		p.Wake()
		<-done
		p.Close()
	})
}

func (h *harness) url(path string) string {
	return "ws" + strings.TrimPrefix(h.web.URL, "http") + path
}

// dial connects a gorilla client and returns it with the matching server conn.
func (h *harness) dial(path string) (*websocket.Conn, peer) {
	h.t.Helper()
	cl, _, err := websocket.DefaultDialer.Dial(h.url(path), nil)
	if err != nil {
		h.t.Fatalf("dial %s: %v", path, err)
	}
	h.t.Cleanup(func() { cl.Close() })
	return cl, recv(h.t, h.peers)
}

func recv[T any](t testing.TB, ch <-chan T) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(waitLimit):
		t.Fatalf("nothing received within %v", waitLimit)
		panic("unreachable")
	}
}

func expectNothing[T any](t *testing.T, ch <-chan T, wait time.Duration) {
	t.Helper()
	select {
	case v := <-ch:
		t.Fatalf("unexpected %v", v)
	case <-time.After(wait):
	}
}

// readText reads one message on the client and checks it.
func readText(t *testing.T, cl *websocket.Conn, want string) {
	t.Helper()
	cl.SetReadDeadline(time.Now().Add(waitLimit))
	kind, data, err := cl.ReadMessage()
	if err != nil {
		t.Fatalf("client read: %v", err)
	}
	if kind != websocket.TextMessage || string(data) != want {
		t.Fatalf("client got %d %q, want text %q", kind, data, want)
	}
}

// readClose reads on the client until the connection ends and returns the close error.
func readClose(t *testing.T, cl *websocket.Conn) error {
	t.Helper()
	cl.SetReadDeadline(time.Now().Add(waitLimit))
	for {
		if _, _, err := cl.ReadMessage(); err != nil {
			return err
		}
	}
}

func closeCode(err error) int {
	var ce *websocket.CloseError
	if errors.As(err, &ce) {
		return ce.Code
	}
	return 0
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
