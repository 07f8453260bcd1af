import { defineWebSocketHandler } from "h3";
export default defineWebSocketHandler({ open(peer) { peer.send("hi"); } }, () => "plain http answer");
