import { defineHandler } from "nitro";

export default defineHandler(async (event) => {
  const form = await event.req.formData();
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    out[key] = typeof value === "string" ? value : `file:${value.name}:${await value.text()}`;
  }
  return out;
});
