// Stands in for azote's "nitro" host module when bench/run bundles app/routes/ws.ts for Node and
// Bun: there a route's default export is simply the hooks object crossws takes.
export const defineWebSocketHandler = (hooks) => hooks;
