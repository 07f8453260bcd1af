package ws

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// BenchmarkFanout publishes 64-byte messages from one conn to 200 subscribers (real sockets,
// gorilla clients reading) and reports deliveries per second.
func BenchmarkFanout(b *testing.B) {
	const subscribers = 200
	const window = 256 // publishes in flight before waiting for the slowest subscriber
	h := newHarness(b, Options{})
	var received [subscribers]atomic.Int64
	for i := range subscribers {
		cl, _, err := websocket.DefaultDialer.Dial(h.url("/bench"), nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { cl.Close() })
		recv(b, h.peers).conn.Subscribe("t")
		go func() {
			for {
				if _, _, err := cl.ReadMessage(); err != nil {
					return
				}
				received[i].Add(1)
			}
		}()
	}
	cl, _, err := websocket.DefaultDialer.Dial(h.url("/bench"), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { cl.Close() })
	publisher := recv(b, h.peers).conn

	waitAll := func(n int64) {
		deadline := time.Now().Add(30 * time.Second)
		for i := range received {
			for received[i].Load() < n {
				if time.Now().After(deadline) {
					b.Fatalf("subscriber %d got %d of %d", i, received[i].Load(), n)
				}
				time.Sleep(50 * time.Microsecond)
			}
		}
	}

	payload := make([]byte, 64)
	b.ResetTimer()
	start := time.Now()
	for i := 1; i <= b.N; i++ {
		if n := publisher.Publish("t", false, payload); n != subscribers {
			b.Fatalf("delivered %d", n)
		}
		if i%window == 0 && i > window {
			waitAll(int64(i - window))
		}
	}
	waitAll(int64(b.N))
	b.ReportMetric(float64(b.N*subscribers)/time.Since(start).Seconds(), "deliveries/s")
}
