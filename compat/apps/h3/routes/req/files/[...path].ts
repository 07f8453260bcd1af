import { getRouterParam, defineHandler } from "h3";
export default defineHandler((event) => ({ path: getRouterParam(event, "path"), params: event.context.params }));
