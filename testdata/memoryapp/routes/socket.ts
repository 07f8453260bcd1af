import { defineWebSocketHandler } from "nitro";

// "grow" makes the hook allocate without end; anything else is echoed.
export default defineWebSocketHandler({
  message(peer, message) {
    if (message.text() !== "grow") return peer.send(message.text());
    let s = "y";
    while (true) s += s;
  },
});
