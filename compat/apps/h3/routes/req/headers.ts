import { getRequestHeader, getRequestHeaders, getHeader, getHeaders, defineHandler } from "h3";
export default defineHandler((event) => {
  const all = getRequestHeaders(event);
  return {
    one: getRequestHeader(event, "x-one"),
    alias: getHeader(event, "X-One"),
    missing: getRequestHeader(event, "x-missing") ?? null,
    two: all["x-two"],
    aliasAll: getHeaders(event)["x-two"],
  };
});
