import { defineHandler } from "nitro/h3";
import { Hono } from "hono";

const app = new Hono();
app.get("/hello/:name", (c) => c.json({ hello: c.req.param("name"), q: c.req.query("q") }));
app.post("/echo", async (c) => c.text(`echo ${await c.req.text()}`, 201));
app.notFound((c) => c.text("no route", 404));

export default defineHandler(async () => {
  const a = await app.request("/hello/ada?q=1");
  const b = await app.request("/echo", { method: "POST", body: "hi" });
  const c = await app.request("/missing");
  return {
    a: [a.status, a.headers.get("content-type"), await a.json()],
    b: [b.status, await b.text()],
    c: [c.status, await c.text()],
  };
});
