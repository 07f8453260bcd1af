import { defineConfig } from "nitro";

// A small memory limit, so the runaway routes are stopped early (256 MiB).
export default defineConfig({
  azote: { maxMemory: 256 * 1024 * 1024 },
});
