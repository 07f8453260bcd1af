import { defineHandler } from "h3";
export default defineHandler((event) => ({ stamp: event.context.stamp ?? null }));
