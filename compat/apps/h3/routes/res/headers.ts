import {
  setResponseHeader, setResponseHeaders, appendResponseHeader, appendResponseHeaders,
  setHeader, setHeaders, appendHeader, appendHeaders, getResponseHeader, getResponseHeaders,
  removeResponseHeader, clearResponseHeaders, defineHandler,
} from "h3";
export default defineHandler((event) => {
  setResponseHeader(event, "x-set", "1");
  setResponseHeaders(event, { "x-set-many": "2", "x-remove": "r" });
  appendResponseHeader(event, "x-append", "a");
  appendResponseHeaders(event, { "x-append": "b" });
  setHeader(event, "x-alias-set", "s");
  setHeaders(event, { "x-alias-sets": "ss" });
  appendHeader(event, "x-alias-append", "p");
  appendHeaders(event, { "x-alias-append": "q" });
  removeResponseHeader(event, "x-remove");
  setResponseHeader(event, "x-cleared", "c");
  clearResponseHeaders(event, ["x-cleared"]);
  const all = getResponseHeaders(event);
  return { one: getResponseHeader(event, "x-set"), keys: Object.keys(all).sort() };
});
