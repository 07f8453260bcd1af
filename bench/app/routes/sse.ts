// The SSE fan-out scenario's event stream, the same file on every JavaScript server: azote
// serves it as GET /sse; bench/run bundles it for Node and Bun, where h3 (the library Nitro
// runs on) serves it. Every open stream receives what routes/ws.ts is told to push.
import { defineHandler } from "nitro";
import { createEventStream } from "nitro/h3";
import { streams } from "../streams";

export default defineHandler((event) => {
  const stream = createEventStream(event);
  // h3 sends the response head with the first event: this one tells the client it is in.
  stream.push("ready");
  streams.add(stream);
  stream.onClosed(() => {
    streams.delete(stream);
  });
  return stream.send();
});
