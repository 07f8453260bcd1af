import { defineHandler } from "nitro/h3";
import superjson from "superjson";

export default defineHandler(() => {
  const value = { d: new Date(Date.UTC(2024, 0, 2)), m: new Map([["k", 1]]), s: new Set([1, 2]), u: undefined, r: /a+/gi };
  const text = superjson.stringify(value);
  const back = superjson.parse<typeof value>(text);
  return {
    text,
    back: [back.d.toISOString(), [...back.m], [...back.s], "u" in back, String(back.r)],
  };
});
