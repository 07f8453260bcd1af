import { defineHandler } from "h3";
export default defineHandler(() => "static beats param");
