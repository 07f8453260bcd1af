import { defineHandler } from "nitro/h3";
import { LRUCache } from "lru-cache";

export default defineHandler(() => {
  const cache = new LRUCache<string, number>({ max: 2 });
  cache.set("a", 1);
  cache.set("b", 2);
  cache.get("a");
  cache.set("c", 3);
  return { keys: [...cache.keys()], hasB: cache.has("b"), size: cache.size };
});
