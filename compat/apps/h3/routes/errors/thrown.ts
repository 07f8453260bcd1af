import { defineHandler } from "h3";
export default defineHandler((event) => {
  if (event.url.searchParams.has("string")) throw "a thrown string";
  if (event.url.searchParams.has("object")) throw { status: 400, message: "plain object" };
  throw new Error("secret internal detail");
});
