import { defineHandler } from "nitro/h3";
import { NIL, parse, v4, v5, validate, version } from "uuid";

// v4 is random: the answer holds its shape; v5 is a hash of fixed input, so it is compared whole.
export default defineHandler(() => {
  const id = v4();
  return {
    v4: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id),
    v4version: version(id),
    v5: v5("hello", v5.DNS),
    valid: [validate(NIL), validate("nope")],
    bytes: Array.from(parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8")).slice(0, 4),
  };
});
