import { H3, bodyLimit, readBody, defineHandler } from "h3";
export default defineHandler((event) => {
  const sub = new H3().use(bodyLimit(8)).post("/app/body-limit", async (e) => ({ body: await readBody(e) }));
  return sub.fetch(event.req);
});
