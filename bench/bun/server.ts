// The Bun peer: the bench hooks (bench/app/routes/ws.ts, bundled by bench/run into
// out/hooks.mjs) on crossws's Bun adapter and Bun.serve.
// Usage: bun bun/server.ts PORT   (or PORT in the environment); listens on 127.0.0.1.
import crossws from "crossws/adapters/bun";
import hooks from "../out/hooks.mjs";

const port = Number(process.argv[2] ?? process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error("usage: bun server.ts PORT");
  process.exit(2);
}

const ws = crossws({ hooks });

Bun.serve({
  hostname: "127.0.0.1",
  port,
  websocket: ws.websocket,
  fetch(request, server) {
    if (request.headers.get("upgrade")?.toLowerCase() === "websocket") {
      return ws.handleUpgrade(request, server);
    }
    return new Response("WebSocket only\n", { status: 426 });
  },
});
console.log(`bun ${Bun.version} + crossws listening on 127.0.0.1:${port}`);
