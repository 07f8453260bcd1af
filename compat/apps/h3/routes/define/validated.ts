import { defineValidatedHandler, defineHandler } from "h3";
const positive = {
  "~standard": {
    version: 1,
    vendor: "compat",
    validate(value: any) {
      const n = Number(value?.n);
      return Number.isInteger(n) && n > 0 ? { value: { n } } : { issues: [{ message: "n must be a positive integer", path: ["n"] }] };
    },
  },
};
export default defineHandler((event) => defineValidatedHandler({
  validate: { query: positive },
  handler: (e) => ({ query: e.url.searchParams.get("n") }),
})(event));
