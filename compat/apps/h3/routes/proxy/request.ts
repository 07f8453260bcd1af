import { proxyRequest, sendProxy, defineHandler } from "h3";
export default defineHandler((event) => {
  const target = event.req.headers.get("x-upstream") + "/proxied";
  return event.url.searchParams.has("old") ? sendProxy(event, target) : proxyRequest(event, target, { headers: { "x-probe": "proxyRequest" } });
});
