package ws

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestLongLivedPeer lives through several ping intervals, with a write timeout shorter than the
// interval, and sends after each ping both ways the server writes: through a Cork (the JS
// loop's non-blocking write) and with Send (a writer goroutine). Each send comes well past the
// write timeout after the ping, which a writer goroutine wrote: a deadline armed for that write
// must not fail later writes (it once did, so every peer was dropped ~40 s after connecting).
func TestLongLivedPeer(t *testing.T) {
	const (
		interval     = 500 * time.Millisecond
		writeTimeout = 100 * time.Millisecond
		rounds       = 4
	)
	h := newHarness(t, Options{PingInterval: interval, WriteTimeout: writeTimeout})
	cl, p := h.dial("/long")
	pings := make(chan struct{}, rounds*4)
	cl.SetPingHandler(func(data string) error {
		select {
		case pings <- struct{}{}:
		default:
		}
		return cl.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(waitLimit))
	})
	got := make(chan string, rounds*2)
	go func() {
		for {
			_, data, err := cl.ReadMessage()
			if err != nil {
				close(got)
				return
			}
			got <- string(data)
		}
	}()
	var k Cork
	for round := range rounds {
		recv(t, pings)
		time.Sleep(2 * writeTimeout) // the deadline armed for the ping has passed
		corked := fmt.Sprintf("corked %d", round)
		k.SendText(p.conn, corked)
		k.Flush()
		if m, ok := <-got; !ok || m != corked {
			t.Fatalf("round %d: client got %q (open %v), want %q\nlog:\n%s", round, m, ok, corked, h.logs.String())
		}
		sent := fmt.Sprintf("sent %d", round)
		p.conn.Send(false, []byte(sent))
		if m := recv(t, got); m != sent {
			t.Fatalf("round %d: client got %q, want %q", round, m, sent)
		}
	}
	if p.conn.Closed() {
		t.Fatal("peer closed")
	}
	if logs := h.logs.String(); strings.Contains(logs, "stalled") {
		t.Fatalf("a write was reported stalled:\n%s", logs)
	}
}

// TestStalledPeerStillTerminated: the write timeout still ends a peer that takes nothing. The
// queue limit is out of reach, so that the timeout and not the slow-consumer close ends it.
func TestStalledPeerStillTerminated(t *testing.T) {
	h := newHarness(t, Options{WriteTimeout: 200 * time.Millisecond, PingInterval: -1, MaxQueueBytes: 1 << 30})
	_, p := h.dial("/stall")
	chunk := make([]byte, 64<<10)
	var k Cork
	for i := 0; i < 1024 && !p.conn.Closed(); i++ {
		k.Send(p.conn, true, chunk)
		k.Flush()
		time.Sleep(time.Millisecond)
	}
	if got := recv(t, p.rec.closes); got.code != CloseAbnormal {
		t.Fatalf("OnClose %+v, want 1006", got)
	}
	if !strings.Contains(h.logs.String(), "socket write stalled") {
		t.Fatalf("stall not logged:\n%s", h.logs.String())
	}
}
