package ws

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestPollerAsLoopWaiter runs a Poller the way a JavaScript loop does (Wait(true) until woken,
// Wait(false) between jobs): conns started on it deliver their messages on the waiting
// goroutine, Wake returns a parked Wait, and Close ends the conns still in it with 1006.
func TestPollerAsLoopWaiter(t *testing.T) {
	p, err := NewPoller(nil)
	if err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, Options{})
	var waits atomic.Int64
	stop := make(chan struct{})
	stopped := make(chan struct{})
	go func() { // the "loop"
		defer close(stopped)
		for {
			select {
			case <-stop:
				return
			default:
			}
			p.Wait(true)
			waits.Add(1)
			p.Wait(false)
		}
	}()

	// Wake returns a parked Wait.
	time.Sleep(20 * time.Millisecond)
	before := waits.Load()
	p.Wake()
	waitForCount(t, "Wait to return after Wake", &waits, before+1)

	h.poller.Store(p)
	cl, pr := h.dial("/poller")
	if pr.conn.poller != p {
		t.Fatal("conn not on the given poller")
	}
	for _, text := range []string{"one", "two", "three"} {
		cl.WriteMessage(websocket.TextMessage, []byte(text))
		if m := recv(t, pr.rec.msgs); string(m.data) != text {
			t.Fatalf("got %q, want %q", m.data, text)
		}
	}

	close(stop)
	p.Wake()
	<-stopped
	p.Close()
	if got := recv(t, pr.rec.closes); got.code != CloseAbnormal {
		t.Fatalf("OnClose %+v after Close, want 1006", got)
	}
	cl.SetReadDeadline(time.Now().Add(waitLimit))
	if _, _, err := cl.ReadMessage(); err == nil {
		t.Fatal("client still connected after the poller closed")
	}
	p.Close() // twice is fine
}

func waitForCount(t *testing.T, what string, n *atomic.Int64, want int64) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for n.Load() < want {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}
