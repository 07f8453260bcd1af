package azote

import (
	"net/http"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// A handler that keeps its generation's loop busy for several ping intervals (within the handler
// timeout) delays the reading of its peers' sockets, not their answers: the pongs wait there,
// and the peers must not be dropped as silent.
func TestBusyLoopKeepsPeersThatAnswerPings(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/echo.ts": `import { defineWebSocketHandler } from "nitro";
export default defineWebSocketHandler({
  message(peer, message) { peer.send(message.text()); },
});
`,
		"routes/busy.ts": `import { defineHandler } from "nitro";
export default defineHandler(() => {
  const end = Date.now() + 3000;
  while (Date.now() < end) {}
  return "done";
});
`,
	})
	ts := start(t, dir, Options{PingInterval: time.Second})
	c := ts.dial("/echo", nil)
	type read struct {
		data string
		err  error
	}
	reads := make(chan read, 16)
	go func() { // gorilla answers pings while it reads
		c.conn.SetReadDeadline(time.Now().Add(20 * time.Second))
		for i := 0; i < 16; i++ {
			_, data, err := c.conn.ReadMessage()
			reads <- read{string(data), err}
			if err != nil {
				return
			}
		}
	}()

	if status, _, body := ts.get("/busy"); status != http.StatusOK || body != "done" {
		t.Fatalf("busy handler: %d %q", status, body)
	}
	if err := c.conn.WriteMessage(websocket.TextMessage, []byte("still here")); err != nil {
		t.Fatalf("send after the busy handler: %v", err)
	}
	select {
	case r := <-reads:
		if r.err != nil || r.data != "still here" {
			t.Fatalf("after the busy handler the peer got %q, %v", r.data, r.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no echo after the busy handler")
	}
}
