import { setCookie, deleteCookie, defineHandler } from "h3";
export default defineHandler((event) => {
  setCookie(event, "session", "abc 123", { httpOnly: true, path: "/", maxAge: 60, sameSite: "lax" });
  setCookie(event, "plain", "v");
  deleteCookie(event, "old");
  return "cookies set";
});
