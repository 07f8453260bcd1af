import { defineWebSocketHandler, defineHandler } from "nitro";

// One path, both protocols: upgrades get the hooks, plain requests the HTTP handler.
export default defineWebSocketHandler(
  {
    open(peer) {
      peer.send("websocket side");
    },
  },
  defineHandler(() => "http side"),
);
