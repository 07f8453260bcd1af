import { defineHandler } from "nitro/h3";
import { createHooks } from "hookable";

export default defineHandler(async () => {
  const hooks = createHooks();
  const calls: string[] = [];
  hooks.hook("render", async (page: string) => { calls.push(`first:${page}`); });
  const off = hooks.hook("render", (page: string) => { calls.push(`second:${page}`); });
  await hooks.callHook("render", "home");
  off();
  await hooks.callHook("render", "about");
  return { calls };
});
