import { readFormData, readFormDataBody, defineHandler } from "h3";
export default defineHandler(async (event) => {
  const form = event.url.searchParams.has("alias") ? await readFormDataBody(event) : await readFormData(event);
  return { entries: [...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : "file:" + v.name]) };
});
