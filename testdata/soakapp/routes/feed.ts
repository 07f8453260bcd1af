import { defineHandler } from "nitro";
import { createEventStream } from "nitro/h3";
import { subscribe } from "azote";
import { version } from "./chat";

// An event stream of the news. It greets once subscribed, so a client that has the greeting
// gets every publish that follows.
export default defineHandler((event) => {
  const stream = createEventStream(event);
  const unsubscribe = subscribe("news", (data) => stream.push(String(data)));
  stream.onClosed(() => unsubscribe());
  stream.push(`hello ${version}`);
  return stream.send();
});
