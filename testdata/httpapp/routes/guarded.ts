import { defineHandler } from "nitro";

// Object form: route middleware runs after the global middleware, before the handler.
export default defineHandler({
  middleware: [
    (event) => {
      event.context.order.push("route");
      if (event.url.searchParams.has("stop")) return { stoppedBy: "route middleware" };
    },
  ],
  handler: (event) => ({ order: event.context.order }),
});
