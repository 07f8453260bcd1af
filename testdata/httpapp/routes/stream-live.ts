import { defineHandler } from "nitro";
import { createEventStream } from "nitro/h3";
import { subscribe } from "azote";
import { counters } from "../lib/streams";

// Streams forever: an event now, every publish on "feed", until the client leaves.
export default defineHandler((event) => {
  const stream = createEventStream(event);
  counters.opened++;
  stream.push("first");
  const unsubscribe = subscribe("feed", (data) => stream.push(String(data)));
  stream.onClosed(() => {
    counters.closed++;
    unsubscribe();
  });
  return stream;
});
