import { defineHandler } from "h3";
export default defineHandler((event) => {
  if (event.url.pathname === "/mw/stop") return { stoppedBy: "middleware" };
  event.context.stamp = "middleware ran";
});
