import { appendAcceptQuery, defineHandler } from "h3";
export default defineHandler((event) => {
  appendAcceptQuery(event, ["application/json", "text/plain"]);
  return "accept-query appended";
});
