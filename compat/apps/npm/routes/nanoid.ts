import { defineHandler } from "nitro/h3";
import { customAlphabet, nanoid } from "nanoid";

// Ids are random: the answer holds only their shape.
export default defineHandler(() => {
  const id = nanoid();
  const short = nanoid(10);
  const digits = customAlphabet("0123456789", 6)();
  return {
    length: id.length,
    urlSafe: /^[A-Za-z0-9_-]+$/.test(id),
    shortLength: short.length,
    digits: /^[0-9]{6}$/.test(digits),
    distinct: nanoid() !== nanoid(),
  };
});
