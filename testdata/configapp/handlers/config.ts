import { defineHandler } from "nitro";
import { useRuntimeConfig } from "nitro/runtime-config";

export default defineHandler(async (event) => {
  if (event.method === "POST") return { size: (await event.req.text()).length };
  return useRuntimeConfig();
});
