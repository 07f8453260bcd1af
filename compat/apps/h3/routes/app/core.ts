import { H3Core, createApp, createRouter, defineHandler } from "h3";
export default defineHandler(async () => {
  const a = createApp();
  a.get("/x", () => "from createApp");
  const r = createRouter();
  r.get("/y", () => "from createRouter");
  const core = new H3Core();
  return {
    app: await (await a.fetch(new Request("http://local/x"))).text(),
    router: await (await r.fetch(new Request("http://local/y"))).text(),
    core: typeof core.fetch,
  };
});
