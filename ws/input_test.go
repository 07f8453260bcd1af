package ws

import (
	"runtime"
	"testing"

	"github.com/gorilla/websocket"
)

// TestIdleConnsKeepSmallStacks checks that a conn waiting for input, after its reader has
// delivered a message, lets the garbage collector shrink its goroutine's stack to the 2 KB
// minimum.
func TestIdleConnsKeepSmallStacks(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector's instrumented frames need bigger stacks")
	}
	h := newHarness(t, Options{})
	stackInUse := func() uint64 {
		runtime.GC()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.StackInuse
	}
	before := stackInUse()
	const conns = 300
	clients := make([]*websocket.Conn, conns)
	for i := range clients {
		cl, p := h.dial("/idle")
		if err := cl.WriteMessage(websocket.TextMessage, []byte("grow the reader's stack")); err != nil {
			t.Fatal(err)
		}
		recv(t, p.rec.msgs)
		clients[i] = cl
	}
	perConn := float64(stackInUse()-before) / conns
	t.Logf("%.0f bytes of goroutine stack per idle conn", perConn)
	if perConn > 3<<10 {
		t.Errorf("%.0f bytes of goroutine stack per idle conn, want about 2 KB", perConn)
	}
	for _, cl := range clients {
		cl.Close()
	}
}
