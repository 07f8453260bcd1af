import { defineHandler } from "nitro/h3";
import bcrypt from "bcryptjs";

// A fixed salt keeps the hash deterministic; cost 4 keeps the route fast.
const salt = "$2b$04$abcdefghijklmnopqrstuu";

export default defineHandler(() => {
  const hash = bcrypt.hashSync("correct horse", salt);
  return {
    hash,
    ok: bcrypt.compareSync("correct horse", hash),
    wrong: bcrypt.compareSync("battery staple", hash),
    rounds: bcrypt.getRounds(hash),
  };
});
