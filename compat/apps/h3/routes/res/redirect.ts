import { redirect, sendRedirect, defineHandler } from "h3";
export default defineHandler((event) => {
  if (event.url.searchParams.has("old")) return sendRedirect(event, "/elsewhere", 301);
  return redirect("/target?x=1", 307);
});
