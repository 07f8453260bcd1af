// The host modules of an app ("nitro", "h3", "crossws", ...) and the h3 app its requests run
// through, built once per generation. `h3` is the exports of the bundled, published h3
// (bindings/jsdeps), so every helper, the event and the error shape are h3's own; `native`
// carries the Go functions azote adds. What this file adds to h3 is azote's seams: where the
// route table finds WebSocket hooks, the Go-backed event stream, and the route a request
// matched (routing is azote's, by Nitro's file rules).
(function (h3, native) {
  "use strict";
  const { H3Core, H3Event, HTTPError, toResponse } = h3;

  // The answer to a plain request on a WebSocket-only route ({ websocket: hooks }).
  const upgradeRequired = () => new Response("WebSocket upgrade is required.", { status: 426 });
  native.upgradeRequired = upgradeRequired;

  // h3's defineWebSocketHandler, with its hooks where the route table finds them at load:
  // azote upgrades in Go, before any JavaScript of the request runs.
  function defineWebSocketHandler(hooks, httpHandler) {
    if (hooks === null || (typeof hooks !== "object" && typeof hooks !== "function")) {
      throw new TypeError("defineWebSocketHandler expects a hooks object or a function returning one");
    }
    const plain = httpHandler === undefined ? undefined
      : typeof httpHandler === "function" ? httpHandler : httpHandler && httpHandler.handler;
    const handler = h3.defineWebSocketHandler(hooks, plain);
    Object.defineProperty(handler, "__azoteWebSocket", { value: { hooks } });
    return handler;
  }

  // h3's createEventStream over Go's event streams: push, pushComment, close and onClosed are
  // native. As in h3, the stream is itself a response (an HTTPResponse: status, headers, body)
  // and send() puts its headers on event.res and resolves to its body; that body is a
  // ReadableStream Go recognises and serves from the stream.
  const kHTTPResponse = Symbol.for("h3.HTTPResponse");
  const eventStreamHeaders = (event) => {
    const headers = {
      "content-type": "text/event-stream",
      "cache-control": "private, no-cache, no-store, no-transform, must-revalidate, max-age=0",
      "x-accel-buffering": "no",
    };
    if (event.req.headers.get("connection") === "keep-alive") headers["connection"] = "keep-alive";
    return headers;
  };
  function createEventStream(event) {
    const stream = native.createEventStream(event);
    let headers;
    // An h3 EventStream (instanceof holds); every member it uses is its own, over Go's stream.
    Object.setPrototypeOf(stream, h3.EventStream.prototype);
    const unsupported = (name) => () => { throw new Error(`azote: EventStream.${name}() is not supported`); };
    Object.defineProperties(stream, {
      flush: { value: async () => {} },
      isPaused: { value: false },
      pause: { value: unsupported("pause") },
      resume: { value: unsupported("resume") },
      [kHTTPResponse]: { value: true },
      status: { value: 200 },
      statusText: { value: undefined },
      headers: { get: () => headers || (headers = new Headers(eventStreamHeaders(event))) },
      body: { get: () => native.eventStreamBody(stream) },
      send: {
        value: async () => {
          for (const [name, value] of Object.entries(eventStreamHeaders(event))) event.res.headers.set(name, value);
          event.res.status = 200;
          return native.eventStreamBody(stream);
        },
      },
    });
    return stream;
  }

  const identity = (x) => x;
  const h3Module = Object.freeze(Object.assign({}, h3, {
    defineWebSocketHandler,
    createEventStream,
  }));
  const nitro = Object.freeze(Object.assign({}, h3Module, {
    defineConfig: identity, defineNitroConfig: identity, defineHooks: identity,
  }));
  const crossws = Object.freeze({ defineHooks: identity, defineWebSocket: identity });
  const azote = Object.freeze({ publish: native.publish, peers: native.peers, subscribe: native.subscribe });
  const modules = {
    "nitro": nitro, "nitro/h3": h3Module, "h3": h3Module, "crossws": crossws, "azote": azote,
    "nitro/runtime-config": Object.freeze({ useRuntimeConfig: () => native.runtimeConfig }),
  };
  function host(name) {
    const m = modules[name] || (name.startsWith("nitro/") ? nitro : name.startsWith("crossws/") ? crossws : undefined);
    if (!m) throw new Error(`azote: unknown host module "${name}"`);
    return m;
  }

  // The app. azote's router has matched the route before JavaScript runs, so ~findRoute
  // answers with it (Nitro's runtime overrides the same two hooks over its own router), and
  // the middleware/ files run before every route, with h3's (event, next) contract.
  let matched; // the route of the request being dispatched, read synchronously by ~findRoute
  let routes = [];
  let middleware = [];
  const app = new H3Core({
    silent: true, // onError logs, naming the route
    onError: (error, event) => native.onError(error, event.context.matchedRoute),
  });
  app["~findRoute"] = () => matched;
  app["~getMiddleware"] = () => middleware;

  // A default export as h3 runs it: a handler function, h3's object form ({ handler,
  // middleware }), an H3 app or a { fetch } object; undefined for { websocket } alone.
  const toHandler = (x) => typeof x === "function" ? x
    : x && typeof x.handler === "function" && !(x.constructor && x.constructor["~h3"]) ? h3.defineHandler(x)
    : h3.toEventHandler(x);

  // setRoutes records the default exports: routeList[i] is { handler, route, file } of the
  // bundle's i-th route, middlewareList the middleware/ exports in order.
  function setRoutes(routeList, middlewareList) {
    routes = routeList.map((r) => Object.freeze({ handler: toHandler(r.handler) || upgradeRequired, route: r.route, file: r.file }));
    middleware = middlewareList.map(toHandler);
  }

  // newEvent is the H3Event of a request; params, when given, are the route's (an upgrade's
  // middleware reads them before any dispatch).
  function newEvent(req, params) {
    const event = new H3Event(req, undefined, app);
    if (params) event.context.params = params;
    return event;
  }

  // dispatch runs route i's chain for event and answers a Response (or a promise of one),
  // as H3Core's ~request does for a request it routed itself.
  const kMalformedURL = Symbol.for("h3.internal.event.malformed");
  function dispatch(event, i, params) {
    matched = { data: routes[i], params };
    let res;
    try {
      if (event[kMalformedURL]) throw new HTTPError({ status: 400, message: "Bad Request" });
      res = app.handler(event);
    } catch (error) {
      res = Promise.reject(error);
    } finally {
      matched = undefined;
    }
    return toResponse(res, event, app.config);
  }

  // answer is the Response for what an upgrade's middleware returned or threw, synchronously
  // (no onError: Go logs it, naming the middleware file).
  const quiet = { silent: true };
  function answer(event, value, threw) {
    if (threw && typeof value === "number") value = new HTTPError({ status: value });
    else if (threw && !(value instanceof Error)) {
      const error = new HTTPError({ status: 500, unhandled: true });
      error.cause = value;
      value = error;
    }
    return toResponse(value, event, quiet);
  }

  return { host, setRoutes, newEvent, dispatch, answer, HTTPError };
})
