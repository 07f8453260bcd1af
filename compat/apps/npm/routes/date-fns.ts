import { defineHandler } from "nitro/h3";
import { addMonths, differenceInCalendarDays, format, formatISO, isLeapYear, parseISO, startOfWeek } from "date-fns";

// Local dates built from parts: both servers run in the same time zone.
export default defineHandler(() => {
  const d = new Date(2024, 0, 31, 10, 30);
  return {
    plusMonth: format(addMonths(d, 1), "yyyy-MM-dd HH:mm"),
    days: differenceInCalendarDays(new Date(2024, 11, 25), d),
    week: format(startOfWeek(d, { weekStartsOn: 1 }), "EEEE d MMMM yyyy"),
    leap: isLeapYear(d),
    iso: formatISO(parseISO("2024-02-29"), { representation: "date" }),
  };
});
