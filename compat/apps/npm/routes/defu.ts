import { defineHandler } from "nitro/h3";
import { defu, createDefu } from "defu";

const sum = createDefu((obj, key, value) => {
  if (typeof obj[key] === "number" && typeof value === "number") {
    obj[key] += value;
    return true;
  }
});

export default defineHandler(() => ({
  merged: defu({ a: 1, nested: { x: 1 }, list: [1] }, { a: 2, b: 3, nested: { y: 2 }, list: [2] }),
  custom: sum({ n: 1 }, { n: 2 }, { n: 3 }),
}));
