import { defineWebSocketHandler } from "nitro";
import { events } from "../lib/state";

export default defineWebSocketHandler({
  upgrade() {
    events.push("upgrade");
  },
  open(peer) {
    events.push("open");
  },
  message(peer, message) {
    events.push("message:" + message.text());
    peer.send(JSON.stringify(events));
  },
  close(peer, details) {
    events.push(`close:${details.code}`);
  },
});
