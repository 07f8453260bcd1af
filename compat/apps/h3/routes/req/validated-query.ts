import { getValidatedQuery, defineHandler } from "h3";
import { positive } from "../../lib/positive";
export default defineHandler(async (event) => {
  if (event.url.searchParams.has("fn")) {
    return getValidatedQuery(event, (q: any) => q.n === "1");
  }
  return getValidatedQuery(event, positive);
});
