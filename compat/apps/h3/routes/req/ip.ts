import { getRequestIP, defineHandler } from "h3";
export default defineHandler((event) => ({
  ip: getRequestIP(event),
  forwarded: getRequestIP(event, { xForwardedFor: true }),
}));
