import { H3, defineMiddleware, onRequest, onResponse, onError, composeMiddleware, callMiddleware, toMiddleware, defineHandler } from "h3";
export default defineHandler(async (event) => {
  if (event.url.searchParams.has("call")) {
    const order: string[] = [];
    return callMiddleware(event, [(e, next) => { order.push("called"); return next(); }], () => ({ order }));
  }
  const sub = new H3()
    .use(onRequest((e) => { e.context.order = ["onRequest"]; }))
    .use(defineMiddleware((e, next) => { e.context.order.push("defineMiddleware"); return next(); }))
    .use(composeMiddleware([(e, next) => { e.context.order.push("composed"); return next(); }]))
    .use(toMiddleware(defineHandler((e) => { e.context.order.push("toMiddleware"); })))
    .use(onResponse((response) => { response.headers.set("x-on-response", "yes"); }))
    .use(onError((error) => ({ caught: error.message })))
    .get("/app/middleware", (e) => {
      if (e.url.searchParams.has("fail")) throw new Error("boom");
      return { order: e.context.order };
    });
  return sub.fetch(event.req);
});
