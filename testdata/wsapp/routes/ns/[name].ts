import { defineWebSocketHandler } from "nitro";

export default defineWebSocketHandler({
  open(peer) {
    peer.subscribe("room");
    peer.send("ready");
  },
  message(peer, message) {
    peer.publish("room", `${peer.namespace}:${message.text()}`);
  },
});
