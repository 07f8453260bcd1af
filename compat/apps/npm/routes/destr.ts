import { defineHandler } from "nitro/h3";
import { destr, safeDestr } from "destr";

export default defineHandler(() => {
  let unsafe = "";
  try {
    safeDestr("not json");
  } catch (err) {
    unsafe = String(err.message);
  }
  return {
    obj: destr('{"a":1,"b":[true,null]}'),
    num: destr("42"),
    bool: destr("true"),
    text: destr("hello"),
    proto: JSON.stringify(destr('{"__proto__":{"x":1},"y":2}')),
    unsafe,
  };
});
