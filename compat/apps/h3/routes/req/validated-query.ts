import { getValidatedQuery, defineHandler } from "h3";
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
export default defineHandler(async (event) => {
  if (event.url.searchParams.has("fn")) {
    return getValidatedQuery(event, (q: any) => q.n === "1");
  }
  return getValidatedQuery(event, positive);
});
