import { H3, basicAuth, defineHandler } from "h3";
export default defineHandler((event) => {
  const sub = new H3().use(basicAuth({ username: "ada", password: "lovelace", realm: "compat" })).get("/auth/basic", () => "welcome");
  return sub.fetch(event.req);
});
