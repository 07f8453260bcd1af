import { defineHandler } from "nitro/h3";
import dayjs from "dayjs";

export default defineHandler(() => {
  const d = dayjs("2024-01-31T10:30:00");
  return {
    plusMonth: d.add(1, "month").format("YYYY-MM-DD HH:mm"),
    startOfYear: d.startOf("year").format("dddd, MMMM D YYYY"),
    diff: dayjs("2024-12-25").diff(d, "day"),
    valid: dayjs("not a date").isValid(),
  };
});
