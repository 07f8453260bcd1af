import { defineConfig } from "nitro";

const token: string = "dev-token";

export default defineConfig({
  compatibilityDate: "2025-01-01",
  routesDir: "handlers",
  apiDir: "server-api",
  apiBaseURL: "/v1",
  features: { websocket: true },
  runtimeConfig: {
    apiToken: token,
    nested: { level: 1, name: "x" },
    public: { siteName: "azote" },
  },
  azote: { maxBodyBytes: 100 },
});
