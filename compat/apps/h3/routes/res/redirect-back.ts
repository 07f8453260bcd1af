import { redirectBack, defineHandler } from "h3";
export default defineHandler((event) => redirectBack(event, { fallback: "/home" }));
