import { defineJsonRpcWebSocketHandler, defineHandler } from "h3";
export default defineHandler((event) => defineJsonRpcWebSocketHandler({ methods: { echo: ({ params }) => params } })(event));
