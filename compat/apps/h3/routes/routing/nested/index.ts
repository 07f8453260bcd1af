import { defineHandler } from "h3";
export default defineHandler(() => "nested index");
