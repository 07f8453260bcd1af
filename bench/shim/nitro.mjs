// Stands in for azote's "nitro" host module when bench/run bundles the bench app for Node and
// Bun: a WebSocket route's default export is simply the hooks object crossws takes, and an HTTP
// route's is an h3 handler. ("nitro/h3" is aliased to h3 itself.)
export const defineWebSocketHandler = (hooks) => hooks;
export { defineHandler } from "h3";
