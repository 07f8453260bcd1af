import { getRouterParam, getRouterParams, defineHandler } from "h3";
export default defineHandler((event) => ({
  id: getRouterParam(event, "id"),
  decoded: getRouterParam(event, "id", { decode: true }),
  all: getRouterParams(event),
}));
