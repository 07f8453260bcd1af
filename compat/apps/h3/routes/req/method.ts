import { getMethod, isMethod, assertMethod, defineHandler } from "h3";
export default defineHandler((event) => {
  assertMethod(event, ["GET", "POST"], true);
  return { method: getMethod(event), isPost: isMethod(event, "POST"), isGetOrHead: isMethod(event, ["GET"], true) };
});
