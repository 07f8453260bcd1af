package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// protocolServer speaks the bench protocol (see bench/app/routes/ws.ts) in-process. With
// dropEvery > 0 it silently skips every dropEvery-th delivery, to check that loss is reported.
type protocolServer struct {
	dropEvery int64
	upgrader  websocket.Upgrader
	mu        sync.Mutex
	subs      map[*testPeer]bool
	streams   map[chan []byte]bool // open GET /sse responses
	sent      atomic.Int64
}

type testPeer struct {
	mu   sync.Mutex
	conn *websocket.Conn
}

func (p *testPeer) write(data []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.conn.WriteMessage(websocket.TextMessage, data)
}

// serveStream is GET /sse: a "ready" event, then every payload of an "sse:" message.
func (s *protocolServer) serveStream(w http.ResponseWriter, r *http.Request) {
	events := make(chan []byte, 1024)
	s.mu.Lock()
	s.streams[events] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.streams, events)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	fmt.Fprint(w, ": hello\n\ndata: ready\n\n")
	for {
		w.(http.Flusher).Flush()
		select {
		case data := <-events:
			fmt.Fprintf(w, "id: 1\nevent: tick\ndata: %s\n\n", data)
		case <-r.Context().Done():
			return
		}
	}
}

func (s *protocolServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/sse" {
		s.serveStream(w, r)
		return
	}
	conn, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	me := &testPeer{conn: conn}
	defer func() {
		s.mu.Lock()
		delete(s.subs, me)
		s.mu.Unlock()
		conn.Close()
	}()
	for {
		_, data, err := conn.ReadMessage()
		if err != nil {
			return
		}
		switch {
		case bytes.HasPrefix(data, []byte("sub:")):
			s.mu.Lock()
			s.subs[me] = true
			s.mu.Unlock()
			me.write([]byte("subscribed:" + string(data[4:])))
		case bytes.HasPrefix(data, []byte("pub:")):
			_, payload, _ := bytes.Cut(data[4:], []byte(":"))
			s.mu.Lock()
			for p := range s.subs {
				if p == me {
					continue
				}
				if n := s.sent.Add(1); s.dropEvery > 0 && n%s.dropEvery == 0 {
					continue
				}
				p.write(payload)
			}
			s.mu.Unlock()
		case bytes.HasPrefix(data, []byte("sse:")):
			s.mu.Lock()
			for events := range s.streams {
				if n := s.sent.Add(1); s.dropEvery > 0 && n%s.dropEvery == 0 {
					continue
				}
				events <- bytes.Clone(data[4:])
			}
			s.mu.Unlock()
		default:
			me.write(data)
		}
	}
}

func startServer(t *testing.T, dropEvery int64) *env {
	t.Helper()
	srv := httptest.NewServer(&protocolServer{dropEvery: dropEvery, subs: map[*testPeer]bool{}, streams: map[chan []byte]bool{}})
	t.Cleanup(srv.Close)
	e := &env{
		dialer: newDialer("ws" + strings.TrimPrefix(srv.URL, "http") + "/ws"),
		pid:    os.Getpid(), // the server runs in this process
		warmup: 50 * time.Millisecond, window: 300 * time.Millisecond,
		settle: 50 * time.Millisecond, stall: 2 * time.Second,
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := waitForServer(ctx, e.dialer); err != nil {
		t.Fatal(err)
	}
	return e
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestEchoCountsEveryRoundTrip(t *testing.T) {
	e := startServer(t, 0)
	for _, inflight := range []int{1, 16} {
		r, err := runEcho(testContext(t), e, 4, inflight)
		if err != nil {
			t.Fatal(err)
		}
		if r.Count == 0 || r.CPU <= 0 || r.Loss != 0 || r.Errors != 0 {
			t.Errorf("inflight %d: got %+v, want round trips, CPU, no loss, no errors", inflight, r)
		}
	}
}

func TestFanoutCountsEveryDelivery(t *testing.T) {
	e := startServer(t, 0)
	r, err := runFanout(testContext(t), e, 20, 3)
	if err != nil {
		t.Fatal(err)
	}
	if r.Count == 0 || r.Loss != 0 || r.Errors != 0 || len(r.Notes) != 0 || r.Conns != 23 {
		t.Errorf("got %+v, want deliveries, no loss, no errors, no notes, 23 connections", r)
	}
}

func TestFanoutReportsLoss(t *testing.T) {
	e := startServer(t, 7)
	e.stall = 300 * time.Millisecond
	start := time.Now()
	r, err := runFanout(testContext(t), e, 5, 2)
	if err != nil {
		t.Fatal(err)
	}
	// A lost delivery stalls its publisher's window: the run must still end, and say so.
	if r.Loss <= 0 || r.Errors <= 0 || len(r.Notes) == 0 {
		t.Errorf("got %+v, want loss, out-of-order errors and a note", r)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("lossy run took %s", time.Since(start))
	}
}

func TestSSEFanoutCountsEveryDelivery(t *testing.T) {
	e := startServer(t, 0)
	r, err := runSSEFanout(testContext(t), e, 20)
	if err != nil {
		t.Fatal(err)
	}
	if r.Count == 0 || r.Loss != 0 || r.Errors != 0 || len(r.Notes) != 0 || r.Conns != 21 {
		t.Errorf("got %+v, want deliveries, no loss, no errors, no notes, 21 connections", r)
	}

	e = startServer(t, 7)
	e.stall = 300 * time.Millisecond
	r, err = runSSEFanout(testContext(t), e, 5)
	if err != nil {
		t.Fatal(err)
	}
	if r.Loss <= 0 || r.Errors <= 0 || len(r.Notes) == 0 {
		t.Errorf("lossy server: got %+v, want loss, out-of-order errors and a note", r)
	}
}

func TestIdleAndHandshake(t *testing.T) {
	e := startServer(t, 0)
	r, err := runIdle(testContext(t), e, 30)
	if err != nil {
		t.Fatal(err)
	}
	if r.Conns != 30 || r.RSSBefore <= 0 || r.RSSAfter <= 0 || r.Errors != 0 {
		t.Errorf("idle: got %+v", r)
	}
	r, err = runHandshake(testContext(t), e, 5, 40)
	if err != nil {
		t.Fatal(err)
	}
	if r.Count != 40 || r.Seconds <= 0 {
		t.Errorf("handshake: got %+v", r)
	}
}

func TestPayloadRoundTrip(t *testing.T) {
	b := make([]byte, echoSize)
	encodePayload(b, 7, 123456789)
	index, seq, ok := decodePayload(b)
	if !ok || index != 7 || seq != 123456789 {
		t.Fatalf("decode(%q) = %d, %d, %v", b, index, seq, ok)
	}
	if _, _, ok := decodePayload(b[:echoSize-1]); ok {
		t.Error("a short payload decoded")
	}
}

func TestReportMediansAndRatios(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, r Result) { writeResult(t, dir, name, r) }
	// azote: 100, 200, 300 round trips per CPU second; node: 100 per CPU second.
	for i, count := range []int64{100, 300, 200} {
		write("azote"+string(rune('1'+i))+".json", Result{Scenario: "echo", Server: "azote", Run: i + 1, Seconds: 1, CPU: 1, Count: count})
	}
	write("node.json", Result{Scenario: "echo", Server: "node", Run: 1, Seconds: 2, CPU: 1, Count: 100})
	write("bun.json", Result{Scenario: "echo", Server: "bun", Run: 1, Failed: "server never answered"})
	out := filepath.Join(dir, "RESULTS.md")
	if err := reportCommand([]string{"-raw", dir, "-out", out}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	md := string(b)
	for _, want := range []string{
		"| azote | 200 (100-300) | **200 (100-300)** |",
		"| echo | round trips per CPU s >= 1.5x Node's | 200 | 150 | met |",
		"| node | 50.0 | **100** |",
		"| echo | round trips per CPU s | 200 | 100 | - | 2.00 | - |",
		"bun run 1 failed: server never answered",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
}

// The in-process server never drops a subscriber: its publish blocks on the stalled ones, so
// the publisher stops at the window's end and every stalled subscriber is still open.
func TestOverloadCountsKeptSubscribers(t *testing.T) {
	e := startServer(t, 0)
	r, err := runOverload(testContext(t), e, 5, 4000, 16<<10)
	if err != nil {
		t.Fatal(err)
	}
	if r.Conns != 5 || r.Count == 0 || r.Count == 4000 || r.Dropped != 0 || r.Errors != 0 || r.RSSAfter < r.RSSBefore {
		t.Errorf("overload: got %+v", r)
	}
}

func TestReportJudgesOverload(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, r Result) { writeResult(t, dir, name, r) }
	mb := int64(1 << 20)
	write("azote.json", Result{Scenario: "overload", Server: "azote", Run: 1, Seconds: 1, Count: 100,
		Conns: 50, Dropped: 50, RSSBefore: 10 * mb, RSSAfter: 50 * mb})
	write("bun.json", Result{Scenario: "overload", Server: "bun", Run: 1, Seconds: 1, Count: 100,
		Conns: 50, Dropped: 25, RSSBefore: 10 * mb, RSSAfter: 810 * mb})
	out := filepath.Join(dir, "RESULTS.md")
	if err := reportCommand([]string{"-raw", dir, "-out", out}); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	md := string(b)
	for _, want := range []string{
		"| overload | MB peak RSS growth | 40 | 800 | 0.05 |",
		"| overload | peak RSS growth <= 128 MB and every stalled subscriber dropped | 40 | 128 | met |",
		"| bun | **800** | 50% | 100 |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}

	// Memory within the bound is not enough: every stalled subscriber must be dropped.
	write("azote.json", Result{Scenario: "overload", Server: "azote", Run: 1, Seconds: 1, Count: 100,
		Conns: 50, Dropped: 40, RSSBefore: 10 * mb, RSSAfter: 50 * mb})
	if err := reportCommand([]string{"-raw", dir, "-out", out}); err != nil {
		t.Fatal(err)
	}
	b, _ = os.ReadFile(out)
	if want := "not met: 80% of the stalled subscribers dropped"; !strings.Contains(string(b), want) {
		t.Errorf("report lacks %q:\n%s", want, b)
	}
}

// writeResult writes r into dir as `load run -out` would.
func writeResult(t *testing.T, dir, name string, r Result) {
	t.Helper()
	b, _ := json.MarshalIndent(r, "", "  ")
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}
