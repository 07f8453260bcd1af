import { appendCorsHeaders, appendCorsPreflightHeaders, isCorsOriginAllowed, isPreflightRequest, defineHandler } from "h3";
export default defineHandler((event) => {
  const opts = { origin: ["http://allowed.test"], methods: ["GET", "POST"], allowHeaders: ["x-custom"], exposeHeaders: ["x-exposed"], credentials: true, maxAge: "600" };
  if (isPreflightRequest(event)) appendCorsPreflightHeaders(event, opts);
  else appendCorsHeaders(event, opts);
  return {
    preflight: isPreflightRequest(event),
    allowed: isCorsOriginAllowed(event.req.headers.get("origin"), opts),
    other: isCorsOriginAllowed("http://evil.test", opts),
  };
});
