// The benchmark's WebSocket hooks, written once for every JavaScript server: azote serves this
// file as the route /ws, and bench/run bundles it (with bench/shim/nitro.mjs standing in for
// "nitro") into the hooks object that the Node and Bun servers hand to crossws.
//
// The protocol, one text message each way (bench/gorilla speaks all of it but "sse:"):
//   "sub:TOPIC"          subscribe; answered "subscribed:TOPIC" so the client knows it is in
//   "pub:TOPIC:PAYLOAD"  publish PAYLOAD to the topic's other subscribers
//   "sse:PAYLOAD"        push PAYLOAD to every open event stream of routes/sse.ts
//   anything else        echoed back unchanged (text stays text)
// Echo, pipelined echo, fan-out, idle and handshake scenarios all use these same hooks; the
// SSE fan-out scenario publishes through them too.
import { defineWebSocketHandler } from "nitro";
import { streams } from "../streams";

export default defineWebSocketHandler({
  // Present because the performance goals count the handshake with upgrade and open hooks:
  // each runs once per connection and accepts it.
  upgrade(request) {
    if (!request.url) {
      throw new Response("Bad request", { status: 400 });
    }
  },
  open(peer) {
    peer.context.opened = true;
  },
  message(peer, message) {
    const text = message.text();
    if (text.startsWith("pub:")) {
      const colon = text.indexOf(":", 4);
      peer.publish(text.slice(4, colon), text.slice(colon + 1));
    } else if (text.startsWith("sse:")) {
      const payload = text.slice(4);
      for (const stream of streams) {
        stream.push(payload);
      }
    } else if (text.startsWith("sub:")) {
      const topic = text.slice(4);
      peer.subscribe(topic);
      peer.send(`subscribed:${topic}`);
    } else {
      peer.send(message.rawData);
    }
  },
});
