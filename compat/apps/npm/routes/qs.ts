import { defineHandler } from "nitro/h3";
import qs from "qs";

export default defineHandler(() => ({
  parsed: qs.parse("a[b][c]=d&list[]=1&list[]=2&x=%20y"),
  stringified: qs.stringify({ a: { b: [1, 2] }, c: "d e" }, { encodeValuesOnly: true }),
}));
