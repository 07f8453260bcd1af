import { noContent, sendNoContent, defineHandler } from "h3";
export default defineHandler((event) => event.url.searchParams.has("old") ? sendNoContent(event, 204) : noContent());
