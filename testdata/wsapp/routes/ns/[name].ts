import { defineWebSocketHandler } from "nitro";

export default defineWebSocketHandler({
  // request.context is h3's event.context: the route's params and the client address.
  upgrade(request) {
    return {
      headers: {
        "x-param": request.context.params.name,
        "x-client": request.context.clientAddress,
      },
    };
  },
  open(peer) {
    peer.subscribe("room");
    peer.send("ready");
  },
  message(peer, message) {
    peer.publish("room", `${peer.namespace}:${message.text()}`);
  },
});
