import { getRequestFingerprint, defineHandler } from "h3";
export default defineHandler(async (event) => ({
  noIP: await getRequestFingerprint(event, { ip: false, method: true, path: true, userAgent: true }),
  hashless: await getRequestFingerprint(event, { ip: false, method: true, path: true, hash: false }),
}));
