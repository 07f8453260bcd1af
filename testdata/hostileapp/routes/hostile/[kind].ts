import { defineHandler, getRouterParam } from "h3";

// Values whose reading throws, returned or thrown by a handler (issue 11 hardening).
const values: Record<string, () => unknown> = {
  getter: () => ({ get status() { throw new Error("x"); } }),
  proxy: () => new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } }),
  tojson: () => ({ toJSON() { throw new Error("toJSON"); } }),
  bigint: () => ({ a: 1n }),
  cycle: () => { const o: any = {}; o.self = o; return o; },
  headers: () => ({ status: 200, get headers() { throw new Error("headers"); }, body: "x" }),
};

export default defineHandler((event) => {
  const kind = getRouterParam(event, "kind")!;
  const thrown = kind.startsWith("throw-");
  const make = values[thrown ? kind.slice(6) : kind];
  if (kind === "throw-badmessage") {
    const e = new Error("m");
    Object.defineProperty(e, "message", { get() { throw new Error("message"); } });
    Object.defineProperty(e, "stack", { get() { throw new Error("stack"); } });
    throw e;
  }
  if (kind === "throw-proxy") throw new Proxy({}, { get() { throw new Error("trap"); } });
  if (!make) return "unknown";
  if (thrown) throw make();
  return make();
});
