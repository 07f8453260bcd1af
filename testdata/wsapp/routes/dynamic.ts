import { defineWebSocketHandler } from "nitro";
import { defineHooks } from "crossws";

// The (event) => hooks form: hooks chosen per upgrade from the h3 event.
export default defineWebSocketHandler((event) =>
  defineHooks({
    open(peer) {
      peer.send(`dynamic ${event.url.pathname} ${event.req.method}`);
    },
  }),
);
