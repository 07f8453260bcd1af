import { createEventStream, EventStream, defineHandler } from "h3";
export default defineHandler((event) => {
  const stream = createEventStream(event);
  (async () => {
    await stream.push("first");
    await stream.push({ id: "2", event: "named", data: "second" });
    await stream.close();
  })();
  return stream instanceof EventStream ? stream.send() : "not an EventStream";
});
