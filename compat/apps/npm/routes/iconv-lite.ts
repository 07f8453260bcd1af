import { defineHandler } from "nitro/h3";
import iconv from "iconv-lite";

export default defineHandler(() => {
  const bytes = iconv.encode("héllo €", "win1252");
  return {
    win1252: Array.from(bytes as Uint8Array),
    back: iconv.decode(bytes, "win1252"),
    latin1: iconv.decode(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]) as any, "latin1"),
    exists: iconv.encodingExists("shift_jis"),
  };
});
