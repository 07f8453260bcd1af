package azote

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// TestPeerOutlivesPingIntervals is issue 11's first defect end to end: a chat peer on a real JS
// route lives through several ping intervals, with a write timeout shorter than the interval,
// and after each ping (written by a writer goroutine) waits past the write timeout, then sends:
// the hook's peer.send and publish, written by the JS loop, must still reach it.
func TestPeerOutlivesPingIntervals(t *testing.T) {
	t.Run("poller", peerOutlivesPingIntervals)
	t.Run("reader goroutines", func(t *testing.T) {
		withoutPoller(t)
		peerOutlivesPingIntervals(t)
	})
}

func peerOutlivesPingIntervals(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/chat.ts": `import { defineWebSocketHandler } from "nitro";
export default defineWebSocketHandler({
  open(peer) { peer.subscribe("room"); },
  message(peer, message) {
    peer.send("echo " + message.text());
    peer.publish("room", "pub " + message.text());
  },
});
`,
	})
	const (
		interval     = 500 * time.Millisecond
		writeTimeout = 100 * time.Millisecond
		rounds       = 4
	)
	ts := start(t, dir, Options{PingInterval: interval, WriteTimeout: writeTimeout})
	sender, listener := ts.dial("/chat", nil), ts.dial("/chat", nil)
	pings := make(chan struct{}, rounds*4)
	sender.conn.SetPingHandler(func(data string) error {
		select {
		case pings <- struct{}{}:
		default:
		}
		return sender.conn.WriteControl(websocket.PongMessage, []byte(data), time.Now().Add(5*time.Second))
	})
	// Both clients read all the time, so they answer every ping.
	read := func(c *client) <-chan string {
		got := make(chan string, rounds*2)
		go func() {
			defer close(got)
			for {
				_, data, err := c.conn.ReadMessage()
				if err != nil {
					return
				}
				got <- string(data)
			}
		}()
		return got
	}
	echoes, published := read(sender), read(listener)
	next := func(ch <-chan string) string {
		select {
		case m := <-ch:
			return m
		case <-time.After(5 * time.Second):
			return "(nothing in 5 s)"
		}
	}
	for round := range rounds {
		select {
		case <-pings:
		case <-time.After(5 * time.Second):
			t.Fatalf("round %d: no ping within 5 s", round)
		}
		time.Sleep(2 * writeTimeout)
		sender.send(fmt.Sprint(round))
		if got, want := next(echoes), fmt.Sprintf("echo %d", round); got != want {
			t.Fatalf("round %d: sender got %q, want %q", round, got, want)
		}
		if got, want := next(published), fmt.Sprintf("pub %d", round); got != want {
			t.Fatalf("round %d: subscriber got %q, want %q", round, got, want)
		}
	}
	if logs := ts.logs.String(); strings.Contains(logs, "stalled") {
		t.Fatalf("a write was reported stalled:\n%s", logs)
	}
}
