// What bench/run bundles (into out/app.mjs) for the Node and Bun servers: the bench app's
// routes as Nitro would mount them. routes/ws.ts becomes the hooks object crossws takes, and
// routes/sse.ts a GET /sse route of an h3 app (h3 stays external: each runtime loads its own
// build of it).
import { H3 } from "h3";
import hooks from "../app/routes/ws.ts";
import sse from "../app/routes/sse.ts";

export { hooks };
export const app = new H3().get("/sse", sse);
