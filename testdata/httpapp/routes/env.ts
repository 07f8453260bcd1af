import { defineHandler } from "nitro";

export default defineHandler(() => {
  const t0 = performance.now();
  const [s, ns] = process.hrtime();
  return {
    fromEnv: process.env.AZOTE_TEST_VALUE,
    fromDotEnv: process.env.FROM_DOT_ENV ?? null,
    nodeEnv: process.env.NODE_ENV,
    platform: process.platform,
    global: global === globalThis,
    hrtime: typeof s === "number" && typeof ns === "number",
    perf: typeof t0 === "number",
    buffer: Buffer.from("hi").toString("base64"),
  };
});
