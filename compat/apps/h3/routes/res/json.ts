import { defineHandler } from "h3";
export default defineHandler(() => ({ list: [1, "two", null, true], nested: { a: { b: 1 } }, date: new Date(0) }));
