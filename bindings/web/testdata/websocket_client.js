// The WebSocket client's behaviour, run by TestWebSocketClientMatchesNode under Node and under
// azote against the same Go test server: `base` is its ws:// URL. run resolves to a list of
// observations, compared line by line (names and codes, not message wording).
async function run(base) {
  const out = [];
  const note = (...v) => out.push(v.map((x) => typeof x === "string" ? x : JSON.stringify(x)).join(" "));
  const opened = (ws) => new Promise((resolve, reject) => {
    ws.addEventListener("open", () => resolve(), { once: true });
    ws.addEventListener("error", () => reject(new Error("error before open")), { once: true });
  });
  const next = (ws, type) => new Promise((resolve) => ws.addEventListener(type, resolve, { once: true }));
  const errorName = (fn) => { try { fn(); return "no error"; } catch (e) { return e.name; } };

  // Constructor checks.
  note("no scheme", errorName(() => new WebSocket("ftp://x/")));
  note("fragment", errorName(() => new WebSocket(base + "/echo#x")));
  note("bad url", errorName(() => new WebSocket("not a url")));
  note("duplicate protocols", errorName(() => new WebSocket(base + "/echo", ["a", "a"])));
  note("bad protocol", errorName(() => new WebSocket(base + "/echo", "a b")));
  note("constants", WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED);

  // An echo, text and binary, with a chosen subprotocol.
  const ws = new WebSocket(base.replace("ws:", "http:") + "/echo", ["chat", "superchat"]);
  note("url", ws.url.replace(/:\d+/, ":PORT"), "state", ws.readyState, "binaryType", ws.binaryType);
  note("send before open", errorName(() => ws.send("x")));
  await opened(ws);
  note("open", ws.readyState, "protocol", ws.protocol, "extensions", ws.extensions);
  ws.send("héllo");
  let m = await next(ws, "message");
  note("text", typeof m.data, m.data, m.type, m.origin.replace(/:\d+/, ":PORT"));
  ws.send(new Uint8Array([1, 2, 3]));
  m = await next(ws, "message");
  note("binary as blob", m.data instanceof Blob, m.data.size, [...new Uint8Array(await m.data.arrayBuffer())]);
  ws.binaryType = "nonsense";
  note("binaryType after a bad one", ws.binaryType);
  ws.binaryType = "arraybuffer";
  note("binaryType", ws.binaryType);
  ws.send(new Uint8Array([4, 5]).buffer);
  m = await next(ws, "message");
  note("binary as arraybuffer", m.data instanceof ArrayBuffer, [...new Uint8Array(m.data)]);
  ws.send(new Blob(["blob!"]));
  m = await next(ws, "message");
  note("blob sent", m.data instanceof ArrayBuffer, new TextDecoder().decode(m.data));
  let onmessage = 0;
  ws.onmessage = () => { onmessage++; };
  ws.send("via onmessage");
  await next(ws, "message");
  note("onmessage", onmessage, typeof ws.onmessage);
  note("bad close code", errorName(() => ws.close(1001)));
  note("long reason", errorName(() => ws.close(1000, "x".repeat(124))));
  ws.close(1000, "done");
  note("closing", ws.readyState);
  ws.send("dropped");
  let c = await next(ws, "close");
  note("closed", ws.readyState, c instanceof Event, c.code, c.reason, c.wasClean);

  // The server closes with its own code.
  const ws2 = new WebSocket(base + "/close-4001");
  await opened(ws2);
  ws2.send("close please");
  c = await next(ws2, "close");
  note("server close", c.code, c.reason, c.wasClean, ws2.readyState);

  // A refused handshake: an error event. (Then a close event with 1006, as the spec and
  // Node 22 have it; Node 20's undici fires none, so the close is checked by the Go test.)
  const ws3 = new WebSocket(base + "/refuse");
  globalThis.refused = ws3;
  const e = await next(ws3, "error");
  note("refused", e.type);

  // The server drops the TCP connection without a close frame: a close with 1006 and no error
  // event (undici fires error only for a connection that failed to open).
  const ws4 = new WebSocket(base + "/drop");
  await opened(ws4);
  const dropEvents = [];
  ws4.onerror = (e) => dropEvents.push(e.type);
  ws4.send("drop");
  c = await next(ws4, "close");
  note("dropped", dropEvents, c.code, c.wasClean);
  return out;
}
