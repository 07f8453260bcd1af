import { defineHandler } from "nitro/h3";
import pLimit from "p-limit";

export default defineHandler(async () => {
  const limit = pLimit(2);
  let running = 0;
  let peak = 0;
  const task = (n: number) =>
    limit(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 1));
      running--;
      return n * 2;
    });
  const results = await Promise.all([1, 2, 3, 4, 5].map(task));
  return { results, peak, pending: limit.pendingCount };
});
