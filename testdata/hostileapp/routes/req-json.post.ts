import { defineHandler } from "nitro";

// event.req.json() without a catch: a body nested too deep must still be the client's 400.
export default defineHandler(async (event) => {
  const body = await event.req.json();
  return { type: Array.isArray(body) ? "array" : typeof body };
});
