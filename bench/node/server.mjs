// The Node peer: the bench app (bench/app/routes, bundled by bench/run into out/app.mjs) on
// Node's http server: the WebSocket hooks on crossws's Node adapter, GET /sse on h3.
// Usage: node node/server.mjs PORT   (or PORT in the environment); listens on 127.0.0.1.
import { createServer } from "node:http";
import crossws from "crossws/adapters/node";
import { WebSocketServer } from "ws";
import { toNodeHandler } from "h3";
import { app, hooks } from "../out/app.mjs";

const port = Number(process.argv[2] ?? process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error("usage: node server.mjs PORT");
  process.exit(2);
}

// crossws carries its own copy of ws; handing it the pinned npm ws (with the options the adapter
// would use) makes the measured ws version the one in bench/package.json.
const wss = new WebSocketServer({ noServer: true, handleProtocols: () => false });
const ws = crossws({ hooks, wss });

const server = createServer(toNodeHandler(app));
server.on("upgrade", (req, socket, head) => {
  ws.handleUpgrade(req, socket, head);
});
server.listen(port, "127.0.0.1", () => {
  console.log(`node ${process.version} + crossws + h3 listening on 127.0.0.1:${port}`);
});
