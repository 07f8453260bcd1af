package azote

import (
	"testing"
)

// A route can be a WebSocket client (the WebSocket global, as on Node 22 and Bun): here one
// relays a message through the app's own echo socket and answers with the reply, the close
// code and the subprotocol the server chose.
func TestRouteIsAWebSocketClient(t *testing.T) {
	dir := t.TempDir()
	writeApp(t, dir, map[string]string{
		"routes/echo.ts": `import { defineWebSocketHandler } from "nitro";
export default defineWebSocketHandler({
  upgrade: () => ({ headers: { "sec-websocket-protocol": "relay" } }),
  message: (peer, message) => { if (message.text() === "bye") peer.close(4000, "done"); else peer.send("echo " + message.text()); },
});
`,
		"routes/relay.ts": `import { defineHandler, getQuery, getRequestURL } from "nitro";
export default defineHandler(async (event) => {
  const url = new URL("/echo", getRequestURL(event));
  const ws = new WebSocket(url, ["relay"]);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = () => reject(new Error("no connection")); });
  const reply = new Promise((resolve) => { ws.onmessage = (m) => resolve(m.data); });
  ws.send(String(getQuery(event).msg));
  const text = await reply;
  const closed = new Promise((resolve) => { ws.onclose = resolve; });
  ws.send("bye");
  const c = await closed;
  return { text, protocol: ws.protocol, code: c.code, reason: c.reason, wasClean: c.wasClean };
});
`,
	})
	ts := start(t, dir, Options{})
	status, _, body := ts.get("/relay?msg=hi")
	if want := `{"text":"echo hi","protocol":"relay","code":4000,"reason":"done","wasClean":true}`; status != 200 || body != want {
		t.Errorf("/relay: %d %s\nwant %s", status, body, want)
	}
}
