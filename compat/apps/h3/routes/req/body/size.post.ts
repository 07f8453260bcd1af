import { assertBodySize, readRawBody, defineHandler } from "h3";
export default defineHandler(async (event) => {
  await assertBodySize(event, 10);
  return { ok: await readRawBody(event) };
});
