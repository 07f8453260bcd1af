import { defineEventHandler, eventHandler, defineHandler } from "h3";
// Built per request so a helper azote lacks fails this route only, not the app's load.
export default defineHandler((event) => {
  const inner = eventHandler(() => ({ from: "eventHandler" }));
  return defineEventHandler((e) => ({ outer: "defineEventHandler", inner: inner(e) }))(event);
});
