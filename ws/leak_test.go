package ws

import (
	"runtime"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestNoGoroutineLeft opens 200 conns, ends them in five different ways and checks that every
// goroutine they started (readers, flushers, grace timers) is gone.
func TestNoGoroutineLeft(t *testing.T) {
	h := newHarness(t, Options{})
	runtime.GC()
	baseline := runtime.NumGoroutine()

	type pair struct {
		cl *websocket.Conn
		p  peer
	}
	pairs := make([]pair, 200)
	for i := range pairs {
		cl, p := h.dial("/leak")
		p.conn.Subscribe("t")
		pairs[i] = pair{cl, p}
	}
	h.srv.Hub().Publish("/leak", "t", false, []byte("hello"))

	for i, pr := range pairs {
		switch i % 5 {
		case 0: // client close handshake
			pr.cl.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(1000, ""), time.Now().Add(time.Second))
			readClose(t, pr.cl)
		case 1: // client drops TCP
			pr.cl.NetConn().Close()
		case 2: // server terminates
			pr.p.conn.Terminate()
		case 3: // server close handshake
			pr.p.conn.Close(1001, "going away")
			readClose(t, pr.cl)
		case 4: // peer error: 1007, then the server lingers for the client to hang up
			pr.cl.WriteMessage(websocket.TextMessage, []byte{0xff})
			readClose(t, pr.cl)
		}
		pr.cl.Close()
	}
	for _, pr := range pairs {
		recv(t, pr.p.rec.closes)
	}
	if peers := h.srv.Hub().Peers("/leak"); len(peers) != 0 {
		t.Fatalf("%d peers left in the hub", len(peers))
	}

	deadline := time.Now().Add(waitLimit)
	for runtime.NumGoroutine() > baseline {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines, baseline %d:\n%s", runtime.NumGoroutine(), baseline, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
}
