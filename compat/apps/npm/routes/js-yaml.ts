import { defineHandler } from "nitro/h3";
import { dump, load } from "js-yaml";

export default defineHandler(() => ({
  loaded: load("name: azote\nlist:\n  - 1\n  - two\nnested: { a: true }\n"),
  dumped: dump({ b: [1, 2], a: { c: "x: y" } }),
}));
