import { getBodyStream, getRequestWebStream, defineHandler } from "h3";
export default defineHandler(async (event) => {
  const alias = getRequestWebStream === getBodyStream;
  const stream = getBodyStream(event);
  let n = 0;
  for await (const chunk of stream as any) n += chunk.length;
  return { bytes: n, alias };
});
