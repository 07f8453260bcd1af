import { withCacheIsolation, defineHandler } from "h3";
export default defineHandler((event) =>
  withCacheIsolation(defineHandler((e) => ({ isolated: true, cookie: e.req.headers.get("cookie") ?? null })))(event));
