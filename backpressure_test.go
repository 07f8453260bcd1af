package azote

import (
	"log/slog"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"

	"github.com/azote-dev/azote/ws"
)

// withoutPoller runs the test's servers the way they run where there is no epoll (macOS,
// Windows): a reader goroutine per conn.
func withoutPoller(t *testing.T) {
	newPoller = func(*slog.Logger) (*ws.Poller, error) { return nil, ws.ErrNoPoller }
	t.Cleanup(func() { newPoller = ws.NewPoller })
}

// TestReaderGoroutineBackpressure: with a reader goroutine per conn, a client that writes
// faster than the loop runs hooks is pushed back once a few MB wait for the loop, instead of
// being read into memory without end; every message is still delivered, in order, once the
// loop catches up.
func TestReaderGoroutineBackpressure(t *testing.T) {
	withoutPoller(t)
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/sink.ts": `import { defineWebSocketHandler } from "nitro";
let count = 0, bytes = 0;
export default defineWebSocketHandler({
  message(peer, message) {
    const text = message.text();
    if (text === "total?") { peer.send(count + " " + bytes); return; }
    if (!text.startsWith(count + "x")) { peer.send("out of order at " + count); }
    count++; bytes += text.length;
  },
});
`,
	})
	ts := start(t, dir, Options{})
	c := ts.dial("/sink", nil)

	// Hold the loop, as a busy app would.
	release := make(chan struct{})
	held := make(chan struct{})
	ts.srv.cur.Load().engine.Run(func(*goja.Runtime) { close(held); <-release })
	<-held
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()

	const messages, size = 1024, 64 << 10 // 64 MB in all
	var written atomic.Int64
	writerDone := make(chan error, 1)
	go func() {
		payload := make([]byte, size)
		for i := range payload {
			payload[i] = 'x'
		}
		for i := 0; i < messages; i++ {
			copy(payload, strconv.Itoa(i)+"x")
			if err := c.conn.WriteMessage(websocket.TextMessage, payload); err != nil {
				writerDone <- err
				return
			}
			written.Add(size)
		}
		writerDone <- nil
	}()
	// Wait until the client is stuck (nothing more written for 300 ms) or has written it all.
	last, deadline := int64(-1), time.Now().Add(20*time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(300 * time.Millisecond)
		n := written.Load()
		if n == last || n == messages*size {
			break
		}
		last = n
	}
	// The inbox takes 4 MB; socket buffers on both sides take a few more.
	t.Logf("the client wrote %.1f MB before it was pushed back", float64(written.Load())/(1<<20))
	if n := written.Load(); n > 24<<20 {
		t.Fatalf("the client wrote %d MB while the loop was held: the server kept reading", n>>20)
	}
	close(release)
	select {
	case err := <-writerDone:
		if err != nil {
			t.Fatalf("client write: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the client was never let go on after the loop was released")
	}
	c.send("total?")
	if got, want := c.text(), strconv.Itoa(messages)+" "+strconv.Itoa(messages*size); got != want {
		t.Fatalf("hook counted %q, want %q", got, want)
	}
}
