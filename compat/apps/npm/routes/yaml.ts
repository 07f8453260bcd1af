import { defineHandler } from "nitro/h3";
import YAML from "yaml";

export default defineHandler(() => ({
  parsed: YAML.parse("name: azote\nlist:\n  - 1\n  - two\nanchors:\n  a: &x { k: v }\n  b: *x\n"),
  stringified: YAML.stringify({ b: [1, 2], a: { c: "x: y" }, multi: "line1\nline2" }),
  doc: YAML.parseDocument("# comment\nkey: value # trailing\n").toString(),
}));
