import { sanitizeStatusCode, sanitizeStatusMessage, defineHandler } from "h3";
export default defineHandler(() => ({
  codes: [sanitizeStatusCode("404"), sanitizeStatusCode(99), sanitizeStatusCode(1000, 502), sanitizeStatusCode(undefined), sanitizeStatusCode("abc")],
  message: sanitizeStatusMessage("bad\r\nheader\tvalue"),
}));
