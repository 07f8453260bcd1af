import { defineHandler } from "nitro";

// Pushes objects until something stops it.
export default defineHandler(() => {
  const list = [];
  while (true) list.push({ n: list.length, text: "item " + list.length });
});
