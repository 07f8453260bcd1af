import { toEventHandler, defineHandler } from "h3";
export default defineHandler((event) => toEventHandler((e) => ({ converted: true, path: e.url.pathname }))!(event));
