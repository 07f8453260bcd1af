import { getRequestHost, getRequestProtocol, getRequestURL, getRequestPath, defineHandler } from "h3";
export default defineHandler((event) => ({
  host: getRequestHost(event),
  forwardedHost: getRequestHost(event, { xForwardedHost: true }),
  protocol: getRequestProtocol(event),
  forwardedProtocol: getRequestProtocol(event, { xForwardedProto: true }),
  url: getRequestURL(event).href,
  forwardedURL: getRequestURL(event, { xForwardedHost: true, xForwardedProto: true }).href,
  path: getRequestPath(event),
}));
