import { defineWebSocketHandler } from "nitro";

export default defineWebSocketHandler({
  open(peer) { peer.send(peer.request.headers.get("x-big") === null ? "small" : "big"); },
});
