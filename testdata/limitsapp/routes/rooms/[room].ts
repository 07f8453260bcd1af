import { defineHandler, getRouterParam, getRouterParams } from "h3";

export default defineHandler((event) => ({
  room: getRouterParam(event, "room"),
  decoded: getRouterParams(event, { decode: true }).room,
}));
