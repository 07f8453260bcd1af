import { defineHandler, getRouterParam } from "h3";

export default defineHandler((event) => ({
  path: getRouterParam(event, "path"),
  decoded: getRouterParam(event, "path", { decode: true }),
}));
