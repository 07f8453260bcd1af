import { defineHandler } from "nitro/h3";
import { DateTime, Duration, Interval } from "luxon";

export default defineHandler(() => {
  const d = DateTime.fromISO("2024-01-31T10:30:00", { zone: "utc" });
  return {
    plusMonth: d.plus({ months: 1 }).toISO(),
    formatted: d.toFormat("yyyy LLL dd HH:mm"),
    duration: Duration.fromObject({ hours: 1, minutes: 90 }).shiftTo("hours", "minutes").toObject(),
    days: Interval.fromDateTimes(d, d.plus({ weeks: 2 })).length("days"),
  };
});
