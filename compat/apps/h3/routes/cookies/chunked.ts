import { setChunkedCookie, deleteChunkedCookie, defineHandler } from "h3";
export default defineHandler((event) => {
  setChunkedCookie(event, "big", "x".repeat(50), { chunkMaxLength: 20, path: "/" });
  deleteChunkedCookie(event, "gone");
  return "chunked set";
});
