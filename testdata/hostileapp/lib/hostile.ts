// Values whose reading throws (issue 11 hardening), shared by the HTTP and WebSocket routes.
export const hostile: Record<string, () => unknown> = {
  getter: () => ({ get status() { throw new Error("x"); } }),
  proxy: () => new Proxy({}, { get() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); } }),
  tojson: () => ({ toJSON() { throw new Error("toJSON"); } }),
  bigint: () => ({ a: 1n }),
  cycle: () => { const o: any = {}; o.self = o; return o; },
  headers: () => ({ status: 200, get headers() { throw new Error("headers"); }, body: "x" }),
  context: () => ({ get context() { throw new Error("context"); } }),
};

// An Error whose message and stack getters throw.
export function badMessage(): Error {
  const e = new Error("m");
  Object.defineProperty(e, "message", { get() { throw new Error("message"); } });
  Object.defineProperty(e, "stack", { get() { throw new Error("stack"); } });
  return e;
}

// What a hook or handler does with hostile value `kind`: "throw-<name>" throws it, "<name>"
// returns it; "throw-badmessage" and "throw-proxy" throw their own kinds of value.
export function act(kind: string): unknown {
  if (kind === "throw-badmessage") throw badMessage();
  if (kind === "throw-proxy") throw new Proxy({}, { get() { throw new Error("trap"); } });
  const thrown = kind.startsWith("throw-");
  const make = hostile[thrown ? kind.slice(6) : kind];
  if (!make) return "unknown";
  if (thrown) throw make();
  return make();
}
