import { requireContentType, defineHandler } from "h3";
export default defineHandler((event) => ({ type: requireContentType(event, ["application/json", "text/plain"]) }));
