import { handleCacheHeaders, defineHandler } from "h3";
export default defineHandler((event) => {
  if (handleCacheHeaders(event, { etag: '"v1"', modifiedTime: new Date(Date.UTC(2024, 0, 1)), maxAge: 60 })) return null;
  return "fresh";
});
