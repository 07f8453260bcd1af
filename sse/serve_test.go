package sse

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

// rawGet sends a hand-written request on a new TCP connection and returns the connection with a
// reader positioned at the start of the response.
func rawGet(t *testing.T, h *harness, request string) (net.Conn, *bufio.Reader) {
	t.Helper()
	conn, err := net.Dial("tcp", h.web.Listener.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(waitLimit))
	if _, err := io.WriteString(conn, request); err != nil {
		t.Fatal(err)
	}
	return conn, bufio.NewReader(conn)
}

// readHead reads a response head and returns its lines without the Date header.
func readHead(t *testing.T, br *bufio.Reader) []string {
	t.Helper()
	var lines []string
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			t.Fatalf("read head: %v (so far %q)", err, lines)
		}
		line = strings.TrimSuffix(line, "\r\n")
		if line == "" {
			return lines
		}
		if !strings.HasPrefix(line, "Date: ") {
			lines = append(lines, line)
		}
	}
}

func readExactly(t *testing.T, br *bufio.Reader, want string) {
	t.Helper()
	got := make([]byte, len(want))
	if _, err := io.ReadFull(br, got); err != nil {
		t.Fatalf("read %q: %v (got %q)", want, err, got)
	}
	if string(got) != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestWireHTTP11 checks the whole response byte for byte on a raw HTTP/1.1 connection: head
// flushed before any event, one chunk per flushed batch, the terminating chunk after Close, and
// the connection kept for the next request.
func TestWireHTTP11(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1}, nil, nil)
	_, br := rawGet(t, h, "GET /wire HTTP/1.1\r\nHost: azote.test\r\n\r\n")
	sv := recv(t, h.served)

	head := strings.Join(readHead(t, br), "\n")
	want := strings.Join([]string{
		"HTTP/1.1 200 OK",
		"Cache-Control: private, no-cache, no-store, no-transform, must-revalidate, max-age=0",
		"Connection: keep-alive",
		"Content-Type: text/event-stream",
		"X-Accel-Buffering: no",
		"Transfer-Encoding: chunked", // net/http writes it last
	}, "\n")
	if head != want {
		t.Fatalf("head:\n%s\nwant:\n%s", head, want)
	}

	sv.stream.Push(Event{ID: "1", Event: "greet", Data: "hello\nworld"})
	readExactly(t, br, "2c\r\nid: 1\nevent: greet\ndata: hello\ndata: world\n\n\r\n")
	sv.stream.Comment("note")
	readExactly(t, br, "8\r\n: note\n\n\r\n")
	sv.stream.Close()
	readExactly(t, br, "0\r\n\r\n")
	if err := recv(t, sv.result); err != nil {
		t.Fatalf("Serve after Close: %v", err)
	}
	expectClosedOnce(t, sv)
}

// TestHTTP10HasNoKeepAliveHeader: `connection: keep-alive` is an HTTP/1.1 header only.
func TestHTTP10HasNoKeepAliveHeader(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1}, nil, func(s *Stream) {
		s.PushData("only")
		s.Close()
	})
	_, br := rawGet(t, h, "GET /old HTTP/1.0\r\n\r\n")
	head := readHead(t, br)
	for _, line := range head {
		if strings.EqualFold(line, "Connection: keep-alive") {
			t.Fatalf("HTTP/1.0 response has %q: %q", line, head)
		}
	}
	body, err := io.ReadAll(br)
	if err != nil || string(body) != "data: only\n\n" {
		t.Fatalf("body %q, %v", body, err)
	}
}

// TestExtraHeadersWin: entries of extra are added and replace the defaults, whatever their case;
// a content-length cannot sneak in.
func TestExtraHeadersWin(t *testing.T) {
	extra := http.Header{
		"cache-control":  {"no-cache"},
		"X-Stream":       {"a", "b"},
		"Content-Length": {"5"},
	}
	h := newHarness(t, Options{KeepAlive: -1}, extra, func(s *Stream) { s.Close() })
	c, _ := h.open("/extra", false)
	got := c.resp.Header
	if v := got.Values("Cache-Control"); len(v) != 1 || v[0] != "no-cache" {
		t.Errorf("Cache-Control %q", v)
	}
	if v := got.Values("X-Stream"); len(v) != 2 || v[0] != "a" || v[1] != "b" {
		t.Errorf("X-Stream %q", v)
	}
	if v := got.Get("Content-Type"); v != "text/event-stream" {
		t.Errorf("Content-Type %q", v)
	}
	if v := got.Get("X-Accel-Buffering"); v != "no" {
		t.Errorf("X-Accel-Buffering %q", v)
	}
	if v := got.Get("Content-Length"); v != "" || c.resp.ContentLength != -1 {
		t.Errorf("Content-Length %q (%d)", v, c.resp.ContentLength)
	}
}

// TestFlushPerEvent: the client reads each event while the stream is open and before the next
// push.
func TestFlushPerEvent(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1}, nil, nil)
	c, sv := h.open("/flush", true)
	for i, data := range []string{"first", "second", "third"} {
		if err := sv.stream.PushData(data); err != nil {
			t.Fatalf("push %d: %v", i, err)
		}
		expectBlock(t, c, "data: "+data+"\n\n")
		expectNothing(t, c.end, 0)
	}
	if sv.stream.Closed() {
		t.Fatal("stream closed while open")
	}
}

// TestPushedBeforeServe: events queued by the handler before it returns the stream come right
// after the headers, and Close before Serve still drains them.
func TestPushedBeforeServe(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1}, nil, func(s *Stream) {
		s.PushData("early one")
		s.Push(Event{Event: "early", Data: "two"})
		s.Close()
	})
	c, sv := h.open("/early", false)
	body, err := io.ReadAll(c.resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if want := "data: early one\n\nevent: early\ndata: two\n\n"; string(body) != want {
		t.Fatalf("body %q, want %q", body, want)
	}
	if err := recv(t, sv.result); err != nil {
		t.Fatalf("Serve: %v", err)
	}
	expectClosedOnce(t, sv)
}

// TestCloseDrains: Close after a burst writes every queued event, then ends the body; the
// stream refuses events from the moment Close is called.
func TestCloseDrains(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1}, nil, nil)
	c, sv := h.open("/drain", false)
	const n = 2000
	var want strings.Builder
	for i := range n {
		data := strings.Repeat("x", i%300)
		want.WriteString("data: " + data + "\n\n")
		if err := sv.stream.PushData(data); err != nil {
			t.Fatalf("push %d: %v", i, err)
		}
	}
	sv.stream.Close()
	if !sv.stream.Closed() {
		t.Fatal("Closed() false after Close")
	}
	if err := sv.stream.PushData("late"); !errors.Is(err, ErrClosed) {
		t.Fatalf("push after Close: %v", err)
	}
	body, err := io.ReadAll(c.resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if string(body) != want.String() {
		t.Fatalf("body of %d bytes differs from the %d pushed", len(body), want.Len())
	}
	if err := recv(t, sv.result); err != nil {
		t.Fatalf("Serve: %v", err)
	}
	expectClosedOnce(t, sv)
	recv(t, sv.stream.Done())
	if b := sv.stream.Buffered(); b != 0 {
		t.Fatalf("Buffered %d after the end", b)
	}
}

// TestClientGone: cancelling the client request ends the stream; OnClosed runs once and later
// pushes get ErrClosed.
func TestClientGone(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1}, nil, nil)
	c, sv := h.open("/gone", true)
	sv.stream.PushData("hi")
	expectBlock(t, c, "data: hi\n\n")
	c.cancel()

	err := recv(t, sv.result)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Serve returned %v, want context.Canceled", err)
	}
	expectClosedOnce(t, sv)
	if err := sv.stream.PushData("after"); !errors.Is(err, ErrClosed) {
		t.Fatalf("push after the client left: %v", err)
	}
	if err := sv.stream.Comment("after"); !errors.Is(err, ErrClosed) {
		t.Fatalf("comment after the client left: %v", err)
	}
	sv.stream.Close() // a late Close is harmless
	sv.stream.Abort()
	expectNothing(t, sv.closed, 50*time.Millisecond)
}

// TestWriteTimeout: a client that stops reading stalls a large write; the stream ends after
// WriteTimeout and OnClosed runs once.
func TestWriteTimeout(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1, WriteTimeout: 100 * time.Millisecond, MaxQueueBytes: 256 << 20}, nil, nil)
	_, sv := h.open("/stall", false) // headers read, body never
	start := time.Now()
	if err := sv.stream.PushData(strings.Repeat("z", 8<<20)); err != nil {
		t.Fatal(err)
	}
	err := recv(t, sv.result)
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("Serve returned %v, want a deadline error", err)
	}
	expectClosedOnce(t, sv)
	if took := time.Since(start); took > 3*time.Second {
		t.Fatalf("stall detected after %v", took)
	}
	if !strings.Contains(h.logs.String(), "write stalled") {
		t.Fatalf("no stall logged:\n%s", h.logs.String())
	}
	if err := sv.stream.PushData("more"); !errors.Is(err, ErrClosed) {
		t.Fatalf("push after the stall: %v", err)
	}
}

// TestSlowClient: a client that does not read while events keep coming passes MaxQueueBytes;
// the push that passes it gets ErrSlowClient and the stream ends at once, without waiting for
// WriteTimeout.
func TestSlowClient(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1, MaxQueueBytes: 1 << 20}, nil, nil)
	_, sv := h.open("/slow", false)
	start := time.Now()
	chunk := strings.Repeat("s", 64<<10)
	var err error
	for i := 0; i < 4000 && err == nil; i++ {
		err = sv.stream.PushData(chunk)
		if i%16 == 15 {
			time.Sleep(time.Millisecond) // let the writer fill the socket buffers first
		}
	}
	if !errors.Is(err, ErrSlowClient) || !errors.Is(err, ErrClosed) {
		t.Fatalf("last push: %v, want ErrSlowClient", err)
	}
	if err := recv(t, sv.result); !errors.Is(err, ErrSlowClient) {
		t.Fatalf("Serve returned %v, want ErrSlowClient", err)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Fatalf("slow client ended after %v", took)
	}
	expectClosedOnce(t, sv)
	if !strings.Contains(h.logs.String(), "slow client") {
		t.Fatalf("slow client not logged:\n%s", h.logs.String())
	}
	if err := sv.stream.PushData("more"); !errors.Is(err, ErrClosed) {
		t.Fatalf("push after the end: %v", err)
	}
}

// TestLargeEventIntoEmptyQueue: one event bigger than MaxQueueBytes is accepted when nothing is
// queued, and arrives whole.
func TestLargeEventIntoEmptyQueue(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1, MaxQueueBytes: 1024}, nil, nil)
	c, sv := h.open("/big", false)
	big := strings.Repeat("b", 3<<19) // over maxWriteSize: written in pieces
	if err := sv.stream.PushData(big); err != nil {
		t.Fatalf("big push: %v", err)
	}
	sv.stream.Close()
	body, err := io.ReadAll(c.resp.Body)
	if err != nil || string(body) != "data: "+big+"\n\n" {
		t.Fatalf("body of %d bytes, %v", len(body), err)
	}
}

// TestKeepAlive: an idle stream gets a comment every KeepAlive, and events still come through.
func TestKeepAlive(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: 50 * time.Millisecond}, nil, nil)
	c, sv := h.open("/idle", true)
	start := time.Now()
	expectBlock(t, c, ": keep-alive\n\n")
	expectBlock(t, c, ": keep-alive\n\n")
	if took := time.Since(start); took < 60*time.Millisecond {
		t.Fatalf("two keep-alives after %v, want about 100ms", took)
	}
	sv.stream.PushData("event")
	for {
		if b := recv(t, c.blocks); b != ": keep-alive\n\n" {
			if b != "data: event\n\n" {
				t.Fatalf("got %q", b)
			}
			break
		}
	}
}

// TestOutlivesServerTimeouts: the http.Server's ReadTimeout and WriteTimeout, meant for
// ordinary requests, do not end a stream.
func TestOutlivesServerTimeouts(t *testing.T) {
	h := newHarnessWithServer(t, func(srv *http.Server) {
		srv.ReadTimeout = 100 * time.Millisecond
		srv.WriteTimeout = 100 * time.Millisecond
	}, Options{KeepAlive: 40 * time.Millisecond}, nil, nil)
	c, sv := h.open("/long", true)
	time.Sleep(400 * time.Millisecond)
	sv.stream.PushData("still here")
	for {
		b := recv(t, c.blocks)
		if b == "data: still here\n\n" {
			break
		}
		if b != ": keep-alive\n\n" {
			t.Fatalf("got %q", b)
		}
	}
	select {
	case err := <-sv.result:
		t.Fatalf("stream ended: %v", err)
	default:
	}
}

// TestAbort: Abort ends a stream at once, served or not, and runs OnClosed once.
func TestAbort(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1}, nil, nil)
	c, sv := h.open("/abort", true)
	sv.stream.PushData("one")
	expectBlock(t, c, "data: one\n\n")
	sv.stream.Abort()
	if err := recv(t, sv.result); err != nil {
		t.Fatalf("Serve after Abort: %v", err)
	}
	expectClosedOnce(t, sv)
	if err := recv(t, c.end); err == io.EOF {
		t.Fatal("an aborted body ended cleanly")
	}

	// Never served: Abort is what ends it, and Serve refuses it afterwards.
	s := NewStream(Options{})
	s.PushData("queued")
	ran := make(chan struct{}, 2)
	s.OnClosed(func() { ran <- struct{}{} })
	s.Abort()
	s.Abort()
	recv(t, ran)
	expectNothing(t, ran, 50*time.Millisecond)
	if err := s.Serve(nil, nil, nil); !errors.Is(err, ErrClosed) {
		t.Fatalf("Serve of an aborted stream: %v", err)
	}
}

// TestOnClosedAfterEnd: a callback registered after the end runs at once, off the caller's
// goroutine; Done, Closed and ErrClosed agree.
func TestOnClosedAfterEnd(t *testing.T) {
	s := NewStream(Options{})
	if s.Closed() {
		t.Fatal("new stream Closed")
	}
	select {
	case <-s.Done():
		t.Fatal("new stream Done")
	default:
	}
	s.Abort()
	recv(t, s.Done())
	if !s.Closed() {
		t.Fatal("ended stream not Closed")
	}
	ran := make(chan struct{})
	// Holding a lock the callback needs proves it does not run on this goroutine.
	var held = make(chan struct{}, 1)
	held <- struct{}{}
	s.OnClosed(func() {
		held <- struct{}{}
		close(ran)
	})
	<-held
	recv(t, ran)
	if err := s.Push(Event{Data: "x"}); !errors.Is(err, ErrClosed) {
		t.Fatalf("Push after the end: %v", err)
	}
}

// TestServeTwice: a stream has one response.
func TestServeTwice(t *testing.T) {
	h := newHarness(t, Options{KeepAlive: -1}, nil, nil)
	_, sv := h.open("/twice", false)
	if err := sv.stream.Serve(nil, nil, nil); err == nil || errors.Is(err, ErrClosed) {
		t.Fatalf("second Serve: %v", err)
	}
	sv.stream.Close()
	if err := recv(t, sv.result); err != nil {
		t.Fatal(err)
	}
}
