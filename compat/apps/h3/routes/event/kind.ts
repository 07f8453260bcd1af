import { H3Event, isEvent, isHTTPEvent, getEventContext, mockEvent, getQuery, defineHandler } from "h3";
export default defineHandler((event) => {
  const mock = mockEvent("/mock/path?a=1", { method: "POST", headers: { "x-a": "b" } });
  return {
    isEvent: isEvent(event),
    isHTTPEvent: isHTTPEvent(event),
    isEventOfRequest: isEvent(event.req),
    instance: event instanceof H3Event,
    context: typeof getEventContext(event),
    mock: { query: getQuery(mock), method: mock.req.method, header: mock.req.headers.get("x-a"), path: mock.url.pathname },
  };
});
