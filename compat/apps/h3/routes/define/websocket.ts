import { defineWebSocketHandler, defineWebSocket, defineHandler } from "h3";
export default defineHandler((event) => defineWebSocketHandler(defineWebSocket({ open(peer) { peer.send("hi"); } }))(event));
