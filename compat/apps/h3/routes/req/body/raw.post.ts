import { readRawBody, defineHandler } from "h3";
export default defineHandler(async (event) => {
  if (event.url.searchParams.has("bytes")) {
    const bytes = await readRawBody(event, false);
    return { bytes: bytes ? Array.from(bytes).length : null, isUint8Array: bytes instanceof Uint8Array };
  }
  return { text: await readRawBody(event) };
});
