import { defineLazyEventHandler, lazyEventHandler, defineHandler } from "h3";
export default defineHandler(async (event) => {
  const inner = lazyEventHandler(async () => defineHandler(() => "inner"));
  return defineLazyEventHandler(async () => defineHandler(async (e) => ({ lazy: "once", inner: await inner(e) })))(event);
});
