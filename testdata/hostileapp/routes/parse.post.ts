import { defineHandler } from "nitro";

// User code parsing and serializing by itself: deep input must throw, quickly, not crash.
export default defineHandler(async (event) => {
  const text = await event.req.text();
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { parse: `${e.name}: ${e.message}` };
  }
  let deep = parsed;
  for (let i = 0; i < 20000; i++) deep = [deep];
  try {
    JSON.stringify(deep);
    return { parse: "ok", stringify: "ok" };
  } catch (e) {
    return { parse: "ok", stringify: e.name };
  }
});
