import { defineValidatedHandler, defineHandler } from "h3";
import { positive } from "../../lib/positive";
export default defineHandler((event) => defineValidatedHandler({
  validate: { query: positive },
  handler: (e) => ({ query: e.url.searchParams.get("n") }),
})(event));
