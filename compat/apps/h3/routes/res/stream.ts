import { sendStream, defineHandler } from "h3";
export default defineHandler((event) => {
  const stream = new ReadableStream({
    start(c) { c.enqueue(new TextEncoder().encode("chunk one, ")); c.enqueue(new TextEncoder().encode("chunk two")); c.close(); },
  });
  return event.url.searchParams.has("send") ? sendStream(event, stream) : stream;
});
