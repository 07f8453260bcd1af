import { defineHandler } from "nitro";
import { readBody } from "h3";

// readBody of whatever the client sent.
export default defineHandler(async (event) => {
  const body = await readBody(event);
  return { type: Array.isArray(body) ? "array" : typeof body };
});
