import { requireBasicAuth, defineHandler } from "h3";
export default defineHandler(async (event) => {
  await requireBasicAuth(event, { validate: (u: string, p: string) => u === "ada" && p === "lovelace" });
  return { authorized: true };
});
