import { defineHandler } from "nitro/h3";
import * as v from "valibot";

const User = v.object({
  name: v.pipe(v.string(), v.minLength(2)),
  email: v.pipe(v.string(), v.email()),
  age: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 18),
});

export default defineHandler(() => {
  const good = v.safeParse(User, { name: "Ada", email: "ada@example.com" });
  const bad = v.safeParse(User, { name: "A", email: "nope", age: -1.5 });
  return { good: good.output, bad: bad.issues?.map((i) => [v.getDotPath(i), i.message]) };
});
