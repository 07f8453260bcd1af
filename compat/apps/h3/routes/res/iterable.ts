import { iterable, sendIterable, defineHandler } from "h3";
async function* gen() { yield "a,"; yield "b,"; return "c"; }
export default defineHandler((event) =>
  event.url.searchParams.has("old") ? sendIterable(event, ["x", "y"]) : iterable(gen(), { serializer: (v: unknown) => String(v) }));
