// The reference server of azote's compatibility suite: an h3 app on srvx under Node, built from
// the route table the Go test hands over (the same files azote serves, under the same Nitro
// file rules). The Go test bundles this file with the routes (esbuild) and runs the bundle with
// the port in COMPAT_PORT; "ready <port>" on stdout means it listens.
import { H3 } from "h3";
import { serve } from "srvx";

export async function start({ routes, middleware }) {
  const app = new H3();
  // Nitro runs middleware/ files before every route, in file-name order.
  for (const m of middleware) app.use(m.default);
  for (const r of routes) {
    const handler = r.module.default;
    if (r.method) app.on(r.method, r.path, handler);
    else app.all(r.path, handler);
  }
  const port = Number(process.env.COMPAT_PORT);
  const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1", silent: true });
  await server.ready();
  console.log(`ready ${port}`);
}
