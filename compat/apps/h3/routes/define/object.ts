import { defineHandler } from "nitro";
export default defineHandler({
  middleware: [(event) => { event.res.headers.set("x-object-mw", "ran"); }],
  handler: (event) => ({ method: event.req.method, mw: event.res.headers.get("x-object-mw") }),
});
