import { defineHandler } from "nitro";

let calls = 0;

// Counts the calls that got a body, so a test can tell the handler never ran.
export default defineHandler(async (event) => {
  calls++;
  return { length: (await event.req.text()).length, calls };
});
