import { defineHandler } from "nitro/h3";
import { hash, serialize } from "ohash";
import { diff, isEqual } from "ohash/utils";

export default defineHandler(() => ({
  hash: hash({ a: 1, b: [1, 2, { c: "x" }] }),
  sameHash: hash({ b: 2, a: 1 }) === hash({ a: 1, b: 2 }),
  serialized: serialize({ b: 2, a: [1, "x"], d: new Date(0) }),
  equal: isEqual({ a: [1, 2] }, { a: [1, 2] }),
  diff: diff({ a: 1, b: 2 }, { a: 1, b: 3 }).map((d) => d.toString()),
}));
