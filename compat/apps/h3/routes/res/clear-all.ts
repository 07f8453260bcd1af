import { setResponseHeader, clearResponseHeaders, getResponseHeaders, defineHandler } from "h3";
export default defineHandler((event) => {
  setResponseHeader(event, "x-gone", "1");
  clearResponseHeaders(event);
  return { left: Object.keys(getResponseHeaders(event)) };
});
