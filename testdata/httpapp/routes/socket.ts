import { defineWebSocketHandler } from "nitro";

export default defineWebSocketHandler({
  upgrade(request) {
    return { context: { user: request.context.user, order: request.context.order.join(",") } };
  },
  open(peer) {
    peer.send(JSON.stringify(peer.context));
  },
});
