import { defineHandler } from "nitro/h3";
import validator from "validator";

export default defineHandler(() => ({
  email: [validator.isEmail("ada@example.com"), validator.isEmail("nope@")],
  url: validator.isURL("https://example.com/x?y=1"),
  uuid: validator.isUUID("6ba7b810-9dad-11d1-80b4-00c04fd430c8"),
  ip: [validator.isIP("192.168.0.1"), validator.isIP("::1", 6)],
  escape: validator.escape("<a href='x'>"),
  normalized: validator.normalizeEmail("Ada.Lovelace+tag@GMail.com"),
}));
