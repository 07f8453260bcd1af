import { proxy, defineHandler } from "h3";
export default defineHandler((event) => proxy(event, event.req.headers.get("x-upstream") + "/proxied?via=proxy"));
