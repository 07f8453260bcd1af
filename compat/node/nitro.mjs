// What "nitro" and "nitro/h3" give a route on the reference side. Nitro 3's `nitro/h3` re-exports
// h3 as it is, and the handler helpers a route imports from "nitro" (defineHandler,
// defineEventHandler, HTTPError, html, ...) are h3's own, so both names alias h3 here.
export * from "h3";
