import { defineHandler } from "nitro";
import { peers } from "azote";

export default defineHandler((event) => {
  const ns = event.url.searchParams.get("ns");
  if (ns) return [...peers(ns)].map((p) => p.id);
  const out: Record<string, string[]> = {};
  for (const [name, set] of peers()) out[name] = [...set].map((p) => p.id);
  return out;
});
