// The Bun peer: the bench app (bench/app/routes, bundled by bench/run into out/app.mjs) on
// Bun.serve: the WebSocket hooks on crossws's Bun adapter, GET /sse on h3.
// Usage: bun bun/server.ts PORT   (or PORT in the environment); listens on 127.0.0.1.
import crossws from "crossws/adapters/bun";
import { app, hooks } from "../out/app.mjs";

const port = Number(process.argv[2] ?? process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error("usage: bun server.ts PORT");
  process.exit(2);
}

const ws = crossws({ hooks });

Bun.serve({
  hostname: "127.0.0.1",
  port,
  // Bun ends an HTTP response idle for 10 s by default; Node and azote keep an event stream
  // open for as long as the client reads it.
  idleTimeout: 0,
  websocket: ws.websocket,
  fetch(request, server) {
    if (request.headers.get("upgrade")?.toLowerCase() === "websocket") {
      return ws.handleUpgrade(request, server);
    }
    return app.fetch(request);
  },
});
console.log(`bun ${Bun.version} + crossws + h3 listening on 127.0.0.1:${port}`);
