import { defineHandler } from "nitro/h3";
import { parse, serialize } from "cookie";

export default defineHandler(() => ({
  parsed: parse("a=1; b=hello%20world; c="),
  serialized: serialize("session", "abc def", { httpOnly: true, path: "/", maxAge: 3600, sameSite: "lax" }),
}));
