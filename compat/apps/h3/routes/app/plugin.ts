import { H3, definePlugin, defineRoute, removeRoute, defineHandler } from "h3";
export default defineHandler((event) => {
  const stamp = definePlugin((h3, opts: { value: string }) => {
    h3.use((e, next) => { e.res.headers.set("x-plugin", opts.value); return next(); });
  });
  const sub = new H3().register(stamp({ value: "stamped" }));
  sub.register(defineRoute({ method: "GET", route: "/app/plugin", handler: () => ({ route: "defineRoute" }) }));
  sub.get("/app/plugin/gone", () => "still here");
  removeRoute(sub, "GET", "/app/plugin/gone");
  if (event.url.searchParams.has("gone")) return sub.fetch(new Request(new URL("/app/plugin/gone", event.url)));
  return sub.fetch(event.req);
});
