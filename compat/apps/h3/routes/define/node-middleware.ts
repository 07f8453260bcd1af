import { fromNodeMiddleware, defineNodeMiddleware, defineNodeListener, defineHandler } from "h3";
export default defineHandler((event) => {
  const listener = defineNodeListener((req, res) => { res.end("listener"); });
  return fromNodeMiddleware(defineNodeMiddleware((req, res, next) => {
    res.setHeader("x-node-mw", typeof listener);
    res.end("node middleware");
  }))(event);
});
