import { defineHandler } from "h3";
export default defineHandler((event) => ({ params: event.context.params ?? null }));
