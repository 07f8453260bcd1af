// The Node peer: the bench hooks (bench/app/routes/ws.ts, bundled by bench/run into
// out/hooks.mjs) on crossws's Node adapter and Node's http server.
// Usage: node node/server.mjs PORT   (or PORT in the environment); listens on 127.0.0.1.
import { createServer } from "node:http";
import crossws from "crossws/adapters/node";
import { WebSocketServer } from "ws";
import hooks from "../out/hooks.mjs";

const port = Number(process.argv[2] ?? process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error("usage: node server.mjs PORT");
  process.exit(2);
}

// crossws carries its own copy of ws; handing it the pinned npm ws (with the options the adapter
// would use) makes the measured ws version the one in bench/package.json.
const wss = new WebSocketServer({ noServer: true, handleProtocols: () => false });
const ws = crossws({ hooks, wss });

const server = createServer((req, res) => {
  res.writeHead(426, { "content-type": "text/plain" });
  res.end("WebSocket only\n");
});
server.on("upgrade", (req, socket, head) => {
  ws.handleUpgrade(req, socket, head);
});
server.listen(port, "127.0.0.1", () => {
  console.log(`node ${process.version} + crossws listening on 127.0.0.1:${port}`);
});
