import { defineHandler } from "nitro/h3";
export default defineHandler((event) => ({ api: true, path: event.url.pathname }));
