import { defineHandler } from "nitro/h3";
import { z } from "zod";

const User = z.object({
  name: z.string().min(2),
  email: z.email(),
  age: z.number().int().nonnegative().default(18),
  tags: z.array(z.string()).max(2).optional(),
});

export default defineHandler(() => {
  const good = User.safeParse({ name: "Ada", email: "ada@example.com" });
  const bad = User.safeParse({ name: "A", email: "nope", age: -1.5, tags: ["a", "b", "c"] });
  return {
    good: good.data,
    bad: bad.error?.issues.map((i) => [i.path.join("."), i.code, i.message]),
    schema: z.toJSONSchema(z.object({ id: z.string(), n: z.number().optional() })),
  };
});
