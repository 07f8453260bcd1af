import { writeEarlyHints, defineHandler } from "h3";
export default defineHandler(async (event) => {
  await writeEarlyHints(event, { link: "</style.css>; rel=preload; as=style" });
  return "after early hints";
});
