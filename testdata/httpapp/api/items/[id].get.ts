import { defineHandler, getRouterParam } from "h3";

export default defineHandler((event) => ({ item: getRouterParam(event, "id"), method: event.method }));
