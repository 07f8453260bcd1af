import { parseCookies, getCookie, getChunkedCookie, getValidatedCookies, defineHandler } from "h3";
export default defineHandler(async (event) => ({
  all: parseCookies(event),
  one: getCookie(event, "a") ?? null,
  chunked: getChunkedCookie(event, "big") ?? null,
  validated: await getValidatedCookies(event, (c: any) => typeof c.a === "string"),
}));
