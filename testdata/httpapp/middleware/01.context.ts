import { defineHandler } from "nitro";

// Runs first: marks the request so routes and upgrade hooks can see it.
export default defineHandler((event) => {
  event.context.order = ["01.context"];
  event.context.user = event.req.headers.get("x-user") || "anonymous";
});
