import { defineHandler } from "h3";
export default defineHandler(() => new Error("returned, not thrown"));
