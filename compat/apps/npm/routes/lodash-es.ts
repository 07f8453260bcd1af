import { defineHandler } from "nitro/h3";
import { camelCase, chunk, cloneDeep, get, groupBy, isEqual, merge, sortBy, template, uniq } from "lodash-es";

export default defineHandler(() => {
  const users = [{ n: "b", age: 30 }, { n: "a", age: 30 }, { n: "c", age: 20 }];
  const deep = { a: { b: [1, { c: 2 }] } };
  return {
    chunk: chunk([1, 2, 3, 4, 5], 2),
    group: groupBy(users, "age"),
    sorted: sortBy(users, ["age", "n"]).map((u) => u.n),
    get: get(deep, "a.b[1].c"),
    clone: isEqual(cloneDeep(deep), deep),
    merge: merge({ a: { x: 1 } }, { a: { y: 2 } }),
    uniq: uniq([1, 2, 1, 3]),
    camel: camelCase("Foo Bar-baz"),
    tpl: template("hi <%= name %>")({ name: "ada" }),
  };
});
