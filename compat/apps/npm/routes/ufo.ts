import { defineHandler } from "nitro/h3";
import { getQuery, joinURL, parseURL, withQuery, withoutTrailingSlash, withBase } from "ufo";

export default defineHandler(() => ({
  join: joinURL("/api/", "/v1", "users/"),
  query: withQuery("/search?x=1", { q: "a b", tags: ["x", "y"] }),
  parsed: parseURL("https://user:pw@example.com:8080/a/b?c=d#e"),
  getQuery: getQuery("/p?a=1&a=2&b=x%20y"),
  trim: withoutTrailingSlash("/a/b/"),
  base: withBase("/users", "/api"),
}));
