import { H3, toNodeHandler, toNodeListener, defineHandler } from "h3";
export default defineHandler(() => {
  const sub = new H3().get("/", () => "x");
  return { handler: typeof toNodeHandler(sub), listener: typeof toNodeListener(sub) };
});
