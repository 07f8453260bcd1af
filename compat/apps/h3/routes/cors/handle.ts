import { handleCors, defineHandler } from "h3";
export default defineHandler((event) => {
  const preflight = handleCors(event, { origin: ["http://allowed.test"], methods: ["GET", "POST"], allowHeaders: ["x-custom"], exposeHeaders: ["x-exposed"], credentials: true, maxAge: "600" });
  if (preflight !== false) return preflight;
  return { cors: "handled" };
});
