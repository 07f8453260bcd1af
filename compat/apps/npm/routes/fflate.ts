import { defineHandler } from "nitro/h3";
import { deflateSync, inflateSync, strFromU8, strToU8, unzipSync, zipSync } from "fflate";

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

export default defineHandler(() => {
  const input = strToU8("hello hello hello hello, fflate! ".repeat(4));
  const packed = deflateSync(input, { level: 6 });
  const zip = zipSync({ "a.txt": strToU8("alpha") }, { mtime: new Date(2020, 0, 1) });
  return {
    deflated: hex(packed),
    back: strFromU8(inflateSync(packed)),
    unzipped: strFromU8(unzipSync(zip)["a.txt"]),
  };
});
