import { defaultContentType, defineHandler } from "h3";
export default defineHandler((event) => {
  defaultContentType(event, "text/x-compat");
  return "typed by default";
});
