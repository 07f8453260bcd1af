import { resolveDotSegments, isCanonicalPath, normalizeRoute, useBase, defineHandler } from "h3";
export default defineHandler(async (event) => ({
  resolved: [resolveDotSegments("/a/b/../c/./d"), resolveDotSegments("/a/%2e%2e/b")],
  canonical: [isCanonicalPath("/a/b"), isCanonicalPath("/a/../b"), isCanonicalPath("/a//b")],
  routes: [normalizeRoute("/users/[id]"), normalizeRoute("/files/[...path]"), normalizeRoute("/plain")],
  useBase: await useBase("/paths", defineHandler((e) => e.url.pathname))(event),
}));
