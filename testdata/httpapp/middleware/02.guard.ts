import { defineHandler, HTTPError } from "nitro";

export default defineHandler(async (event) => {
  event.context.order.push("02.guard");
  if (event.url.pathname === "/blocked") {
    return "blocked by middleware";
  }
  if (event.req.headers.get("x-deny")) {
    throw new HTTPError({ status: 403, statusText: "Denied", message: "denied by middleware" });
  }
});
