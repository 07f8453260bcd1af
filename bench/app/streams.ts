// The open event streams of the SSE fan-out scenario: routes/sse.ts adds and removes them, and
// the "sse:PAYLOAD" message of routes/ws.ts pushes PAYLOAD to every one. Module state shared
// by two routes, as on Node (azote bundles every route of an app into one script).
export const streams = new Set<{ push(data: string): unknown }>();
