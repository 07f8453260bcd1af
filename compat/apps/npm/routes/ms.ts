import { defineHandler } from "nitro/h3";
import ms from "ms";

export default defineHandler(() => ({
  parsed: [ms("2 days"), ms("1h"), ms("-3m"), ms("100")],
  short: ms(60000),
  long: ms(2 * 60 * 60 * 1000, { long: true }),
}));
