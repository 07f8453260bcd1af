import { readMultipartFormData, defineHandler } from "h3";
export default defineHandler(async (event) => {
  const parts = await readMultipartFormData(event);
  return parts?.map((p) => ({ name: p.name, filename: p.filename, type: p.type, data: new TextDecoder().decode(p.data) }));
});
