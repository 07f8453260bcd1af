import { defineHandler, HTTPError } from "nitro";

// Outbound fetch: GET ?url=... and answer with what came back.
export default defineHandler(async (event) => {
  const url = event.url.searchParams.get("url");
  if (!url) throw new HTTPError({ status: 400, message: "url is required" });
  const controller = new AbortController();
  const timeout = Number(event.url.searchParams.get("timeout") || 0);
  if (timeout) setTimeout(() => controller.abort(), timeout);
  try {
    const res = await fetch(url, { headers: { "x-from": "azote" }, signal: controller.signal });
    return { status: res.status, body: await res.text(), type: res.headers.get("content-type") };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
});
