import { getProxyRequestHeaders, defineHandler } from "h3";
export default defineHandler((event) => {
  const h = getProxyRequestHeaders(event) as Record<string, string>;
  return { keys: Object.keys(h).sort(), probe: h["x-probe"] ?? null };
});
