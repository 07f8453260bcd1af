import { H3, withBase, defineHandler } from "h3";
export default defineHandler((event) => {
  const sub = new H3()
    .get("/hello", () => "hello from a sub-app")
    .get("/items/:id", (e) => ({ id: e.context.params?.id }))
    .post("/items", () => ({ created: true }));
  return withBase("/sub", sub)(event);
});
