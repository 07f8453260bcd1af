import { defineHandler } from "nitro";

// Doubles a string until something stops it.
export default defineHandler(() => {
  let s = "x";
  while (true) s += s;
});
