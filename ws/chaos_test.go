package ws

import (
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestConcurrentEnds races senders, publishers, pings and drain waiters against every way a
// conn can end; each conn must get exactly one OnClose (the recorder fails on a second event)
// and leave nothing running.
func TestConcurrentEnds(t *testing.T) {
	h := newHarness(t, Options{MaxQueueBytes: 256 << 10})
	runtime.GC()
	baseline := runtime.NumGoroutine()
	const conns = 40
	var wg sync.WaitGroup
	peers := make([]peer, conns)
	for i := range conns {
		cl, p := h.dial("/chaos")
		peers[i] = p
		p.conn.Subscribe("all")
		wg.Add(2)
		go func() { // client: reads for a while, then ends its way
			defer wg.Done()
			cl.SetReadDeadline(time.Now().Add(time.Duration(i%7) * 5 * time.Millisecond))
			for {
				if _, _, err := cl.ReadMessage(); err != nil {
					break
				}
			}
			if i%3 == 0 {
				cl.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(4000+i, ""), time.Now().Add(time.Second))
			}
			if i%2 == 0 {
				time.Sleep(20 * time.Millisecond) // a client that stops reading: a slow consumer
			}
			cl.Close()
		}()
		go func() { // server side: traffic, then an end of its own
			defer wg.Done()
			payload := make([]byte, 1000)
			for j := range 200 {
				p.conn.Send(j%2 == 0, payload)
				p.conn.Publish("all", false, payload[:10])
				if j%50 == 0 {
					p.conn.Ping(nil)
					cancel := p.conn.WaitDrain(0, func() {})
					if j%100 == 0 {
						cancel()
					}
				}
			}
			switch i % 4 {
			case 0:
				p.conn.Close(1000, "")
			case 1:
				p.conn.Terminate()
			}
		}()
	}
	wg.Wait()
	for _, p := range peers {
		recv(t, p.rec.closes)
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
