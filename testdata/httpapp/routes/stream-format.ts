import { defineHandler } from "nitro";
import { createEventStream } from "nitro/h3";

// Every push form of SPEC 8, then close: the test compares the body byte for byte.
export default defineHandler(async (event) => {
  const stream = createEventStream(event);
  await stream.push("a");
  await stream.push(["b", "c"]);
  await stream.push({ id: "1\n2", event: "up\rdate", data: "l1\nl2\r\nl3", retry: 1500 });
  await stream.push({ data: "x", retry: 1.5 });
  await stream.pushComment("note");
  await stream.push({ data: event.req.headers.get("last-event-id") ?? "none" });
  setTimeout(() => stream.close(), 5);
  return stream.send();
});
