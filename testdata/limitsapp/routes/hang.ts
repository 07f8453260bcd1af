import { defineWebSocketHandler } from "nitro";

// An upgrade hook whose promise never settles: the upgrade must still be answered (500).
export default defineWebSocketHandler({
  upgrade: () => new Promise(() => {}),
  open(peer) { peer.send("opened"); },
});
