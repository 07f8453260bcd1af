import { defineHandler } from "nitro/h3";
import EventEmitter from "eventemitter3";

export default defineHandler(() => {
  const e = new EventEmitter();
  const seen: string[] = [];
  e.on("msg", (a, b) => seen.push(`on:${a}${b}`));
  e.once("msg", (a) => seen.push(`once:${a}`));
  e.emit("msg", "x", "y");
  e.emit("msg", "z", "w");
  return { seen, count: e.listenerCount("msg"), names: e.eventNames() };
});
