import { H3, fromWebHandler, toWebHandler, defineHandler } from "h3";
export default defineHandler(async (event) => {
  if (event.url.searchParams.has("to")) {
    const sub = new H3().get("/inner", () => ({ viaToWebHandler: true }));
    return toWebHandler(sub)(new Request("http://local/inner"));
  }
  const fromWeb = fromWebHandler(async (request) => new Response("web handler saw " + new URL(request.url).pathname, { headers: { "x-web": "1" } }));
  return fromWeb(event);
});
