package ws

import (
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// stallWriter sends 64 KiB frames to a client that does not read until the conn's writer is
// stuck on a full socket (BufferedAmount stays at or over queued for 50 ms), and returns the
// largest BufferedAmount seen.
func stallWriter(t *testing.T, c *Conn, queued int) int {
	t.Helper()
	chunk := make([]byte, 64<<10)
	peak := 0
	for i := 0; i < 4096; i++ {
		if c.BufferedAmount() >= queued {
			time.Sleep(50 * time.Millisecond)
			if c.BufferedAmount() >= queued {
				return peak
			}
		}
		if c.Send(true, chunk) == 0 {
			t.Fatalf("conn closed after %d sends while stalling", i)
		}
		peak = max(peak, c.BufferedAmount())
	}
	t.Fatal("socket never filled up")
	return 0
}

func TestSlowConsumer(t *testing.T) {
	const limit = 1 << 20
	h := newHarness(t, Options{MaxQueueBytes: limit})
	slow, ps := h.dial("/feed")
	fast, pf := h.dial("/feed")
	ps.conn.Subscribe("news")
	pf.conn.Subscribe("news")

	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)

	peak := stallWriter(t, ps.conn, limit/2)

	// The stalled writer of one conn does not hold up another.
	if n := h.srv.Hub().Publish("/feed", "news", false, []byte("still flowing")); n != 2 {
		t.Fatalf("publish delivered %d, want 2", n)
	}
	readText(t, fast, "still flowing")

	// Keep pushing: the queue passes the limit, the conn is closed and sends become no-ops.
	chunk := make([]byte, 64<<10)
	for i := 0; ps.conn.Send(true, chunk) > 0; i++ {
		peak = max(peak, ps.conn.BufferedAmount())
		if i > 1000 {
			t.Fatal("queue limit never enforced")
		}
	}
	if peak > limit+len(chunk)+10 {
		t.Fatalf("BufferedAmount reached %d, limit %d", peak, limit)
	}
	if got := recv(t, ps.rec.closes); got.code != CloseTryAgainLater {
		t.Fatalf("OnClose %+v, want 1013", got)
	}
	for range 100 {
		ps.conn.Send(true, chunk) // sends after the close cost nothing
	}
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 4*limit {
		t.Fatalf("heap grew by %d bytes for a %d-byte queue limit", grown, limit)
	}

	logs := h.logs.String()
	if !strings.Contains(logs, "slow consumer") || !strings.Contains(logs, "namespace=/feed") ||
		!strings.Contains(logs, "queued=") || !strings.Contains(logs, "slow_consumers=1") {
		t.Fatalf("slow consumer not logged with its details and count:\n%s", logs)
	}
	if n := h.srv.SlowConsumers(); n != 1 {
		t.Fatalf("SlowConsumers() = %d, want 1", n)
	}

	if n := h.srv.Hub().Publish("/feed", "news", false, []byte("after")); n != 1 {
		t.Fatalf("publish after the slow conn closed delivered %d, want 1", n)
	}
	readText(t, fast, "after")

	// The slow client, reading at last, finds the end of the connection.
	if err := readClose(t, slow); err == nil {
		t.Fatal("slow client still connected")
	}
}

func TestPingSweeper(t *testing.T) {
	h := newHarness(t, Options{PingInterval: 100 * time.Millisecond})
	good, pg := h.dial("/ping")
	deaf, pd := h.dial("/ping")
	deaf.SetPingHandler(func(string) error { return nil }) // reads pings, never answers
	for _, cl := range []*websocket.Conn{good, deaf} {
		go func() {
			for {
				if _, _, err := cl.ReadMessage(); err != nil {
					return
				}
			}
		}()
	}

	start := time.Now()
	if got := recv(t, pd.rec.closes); got.code != CloseAbnormal {
		t.Fatalf("deaf peer OnClose %+v, want 1006", got)
	}
	if waited := time.Since(start); waited > time.Second {
		t.Fatalf("deaf peer terminated after %v with a 100ms interval", waited)
	}
	expectNothing(t, pg.rec.closes, 400*time.Millisecond)
	if pg.conn.Closed() {
		t.Fatal("answering peer was closed")
	}
	if !strings.Contains(h.logs.String(), "did not answer ping") {
		t.Fatal("ping timeout not logged")
	}
}

func TestWaitDrain(t *testing.T) {
	h := newHarness(t, Options{})
	cl, p := h.dial("/drain")

	var immediate atomic.Int32
	p.conn.WaitDrain(0, func() { immediate.Add(1) })
	if immediate.Load() != 1 {
		t.Fatal("WaitDrain on an empty queue did not fire at once")
	}

	stallWriter(t, p.conn, 256<<10)
	drained := make(chan int, 1)
	p.conn.WaitDrain(1024, func() { drained <- p.conn.BufferedAmount() })
	var cancelled atomic.Int32
	cancel := p.conn.WaitDrain(0, func() { cancelled.Add(1) })
	cancel()
	expectNothing(t, drained, 50*time.Millisecond)

	go func() {
		for {
			if _, _, err := cl.ReadMessage(); err != nil {
				return
			}
		}
	}()
	if left := recv(t, drained); left > 1024 {
		t.Fatalf("WaitDrain fired with %d bytes buffered", left)
	}
	waitFor(t, "queue empty", func() bool { return p.conn.BufferedAmount() == 0 })
	if cancelled.Load() != 0 {
		t.Fatal("cancelled waiter ran")
	}

	// A waiter on a conn that ends fires too.
	cl2, p2 := h.dial("/drain")
	_ = cl2
	stallWriter(t, p2.conn, 256<<10)
	ended := make(chan struct{})
	p2.conn.WaitDrain(0, func() { close(ended) })
	p2.conn.Terminate()
	recv(t, ended)
}

// A late sweep round (the sweeper held up past its next beat, as on a stalled machine) must not
// make the round after it early: each pinged peer gets a whole interval to answer. With a fixed
// ticker the round after a late one came at once, and a peer answering in half an interval was
// dropped.
func TestLateSweepLeavesAWholeInterval(t *testing.T) {
	const interval = time.Second
	started := time.Now()
	h := newHarness(t, Options{PingInterval: interval})
	cl, p := h.dial("/late")
	// The client answers each ping after half an interval: always in time.
	cl.SetPingHandler(func(data string) error {
		go func() {
			time.Sleep(interval / 2)
			cl.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(interval))
		}()
		return nil
	})
	go func() {
		for {
			if _, _, err := cl.ReadMessage(); err != nil {
				return
			}
		}
	}()
	// Rounds are due about 1, 2, 3... intervals after started. Hold the sweeper (it lists the
	// live conns under the hub's lock) from just after the first round's pong until just before
	// the third beat: the second round runs late, at about 2.9 intervals.
	time.Sleep(time.Until(started.Add(interval * 16 / 10)))
	h.srv.hub.mu.Lock()
	time.Sleep(time.Until(started.Add(interval * 29 / 10)))
	h.srv.hub.mu.Unlock()
	expectNothing(t, p.rec.closes, 2*interval)
	if p.conn.Closed() {
		t.Fatal("a peer that answers every ping in half an interval was dropped")
	}
}
