import { defineWebSocketHandler } from "nitro";

// The soak test rewrites this line to reload the app: each generation greets with its version
// (the event stream of feed.ts too).
export const version = 1;

// Every peer hears the room (peer publishes) and the news (server-side publishes). A message
// is published to the room and echoed to its sender, which takes the echo as the server's
// acknowledgement: once it arrives, every subscriber has the message in its queue.
export default defineWebSocketHandler({
  open(peer) {
    peer.subscribe("room");
    peer.subscribe("news");
    peer.send(`hello ${version}`);
  },
  message(peer, message) {
    const text = message.text();
    peer.publish("room", text);
    peer.send(text);
  },
});
