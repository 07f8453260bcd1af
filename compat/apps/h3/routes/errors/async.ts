import { defineHandler } from "h3";
export default defineHandler(async () => { await Promise.resolve(); throw new TypeError("async failure"); });
