import { defineWebSocketHandler } from "nitro";

// Echoes the kind of each JSON message; message.json() of text nested too deep throws in
// the hook.
export default defineWebSocketHandler({
  message(peer, message) {
    const v = message.json();
    peer.send({ type: Array.isArray(v) ? "array" : typeof v });
  },
});
