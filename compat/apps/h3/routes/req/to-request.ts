import { toRequest, requestWithURL, requestWithBaseURL, defineHandler } from "h3";
export default defineHandler((event) => {
  const fromString = toRequest("http://local/a?b=1", { method: "PUT" });
  return {
    toRequest: [fromString.method, fromString.url],
    withURL: requestWithURL(event.req, "http://other.test/replaced").url,
    withBase: requestWithBaseURL(event.req, "/req").url,
  };
});
