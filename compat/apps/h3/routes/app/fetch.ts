import { H3, fetchWithEvent, defineHandler } from "h3";
export default defineHandler(async (event) => {
  const res = await fetchWithEvent(event, event.req.headers.get("x-upstream") + "/fetched", { headers: { "x-probe": "fetchWithEvent" } });
  return { status: res.status, body: await res.json() };
});
