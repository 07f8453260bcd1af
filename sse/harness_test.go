package sse

import (
	"bufio"
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

const waitLimit = 5 * time.Second

// served is the server side of one test request: its stream, how often OnClosed ran, and what
// Serve returned.
type served struct {
	stream *Stream
	closes atomic.Int32
	closed chan struct{} // receives when OnClosed runs
	result chan error
}

type harness struct {
	t      testing.TB
	web    *httptest.Server
	served chan *served
	logs   *syncBuffer
}

// newHarness serves a new Stream on every path. prepare, when not nil, runs on the handler
// goroutine before Serve, like a JavaScript handler pushing before it returns the stream.
func newHarness(t testing.TB, opts Options, extra http.Header, prepare func(*Stream)) *harness {
	return newHarnessWithServer(t, nil, opts, extra, prepare)
}

// newHarnessWithServer is newHarness with configure applied to the http.Server before it starts.
func newHarnessWithServer(t testing.TB, configure func(*http.Server), opts Options, extra http.Header, prepare func(*Stream)) *harness {
	logs := &syncBuffer{}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	h := &harness{t: t, served: make(chan *served, 2048), logs: logs}
	h.web = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sv := &served{stream: NewStream(opts), closed: make(chan struct{}, 8), result: make(chan error, 1)}
		sv.stream.OnClosed(func() {
			sv.closes.Add(1)
			sv.closed <- struct{}{}
		})
		if prepare != nil {
			prepare(sv.stream)
		}
		h.served <- sv
		sv.result <- sv.stream.Serve(w, r, extra)
	}))
	if configure != nil {
		configure(h.web.Config)
	}
	h.web.Start()
	t.Cleanup(h.web.Close)
	return h
}

// client is a real HTTP client reading one stream; a pump goroutine cuts the body into blocks
// (everything up to and including a blank line).
type client struct {
	resp   *http.Response
	cancel context.CancelFunc
	blocks chan string
	end    chan error // the body's end: io.EOF for a clean end
}

// open starts a GET and returns the client with the matching server side. With pump false
// nobody reads the body.
func (h *harness) open(path string, pump bool) (*client, *served) {
	h.t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, err := http.NewRequestWithContext(ctx, "GET", h.web.URL+path, nil)
	if err != nil {
		h.t.Fatal(err)
	}
	resp, err := h.web.Client().Do(req)
	if err != nil {
		cancel()
		h.t.Fatalf("GET %s: %v", path, err)
	}
	c := &client{resp: resp, cancel: cancel, blocks: make(chan string, 1024), end: make(chan error, 1)}
	h.t.Cleanup(func() {
		cancel()
		resp.Body.Close()
	})
	if pump {
		go c.pump()
	}
	return c, recv(h.t, h.served)
}

func (c *client) pump() {
	br := bufio.NewReader(c.resp.Body)
	var block strings.Builder
	for {
		line, err := br.ReadString('\n')
		block.WriteString(line)
		if err != nil {
			c.end <- err
			return
		}
		if line == "\n" {
			c.blocks <- block.String()
			block.Reset()
		}
	}
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

func expectNothing[T any](t testing.TB, ch <-chan T, wait time.Duration) {
	t.Helper()
	select {
	case v := <-ch:
		t.Fatalf("unexpected %v", v)
	case <-time.After(wait):
	}
}

// expectBlock reads the next block on c and checks it byte for byte.
func expectBlock(t testing.TB, c *client, want string) {
	t.Helper()
	if got := recv(t, c.blocks); got != want {
		t.Fatalf("client got %q, want %q", got, want)
	}
}

// expectClosedOnce waits for the stream's OnClosed and checks it does not run again.
func expectClosedOnce(t testing.TB, sv *served) {
	t.Helper()
	recv(t, sv.closed)
	expectNothing(t, sv.closed, 50*time.Millisecond)
	if n := sv.closes.Load(); n != 1 {
		t.Fatalf("OnClosed ran %d times", n)
	}
}

func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// syncBuffer collects log output from several goroutines.
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
