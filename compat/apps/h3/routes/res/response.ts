import { HTTPResponse, sendWebResponse, toResponse, defineHandler } from "h3";
export default defineHandler(async (event) => {
  const kind = event.url.searchParams.get("kind");
  if (kind === "http") return new HTTPResponse("made by HTTPResponse", { status: 201, headers: { "x-made": "1", "content-type": "text/x-made" } });
  if (kind === "send") return sendWebResponse(new Response("sent", { status: 203 }));
  if (kind === "to") return toResponse({ converted: true }, event);
  return new Response("a web Response", { status: 200, headers: { "content-type": "text/x-web", "x-web": "yes" } });
});
