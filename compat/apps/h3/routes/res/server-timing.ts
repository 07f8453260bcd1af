import { setServerTiming, withServerTiming, defineHandler } from "h3";
export default defineHandler(async (event) => {
  setServerTiming(event, "db", { dur: 12.5, desc: "Database" });
  const v = await withServerTiming(event, "work", async () => "worked");
  return v;
});
