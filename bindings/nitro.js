// The host modules of an app ("nitro", "h3", "crossws", ...), built once per generation.
// `native` carries the Go functions the modules expose. The module objects returned here are
// what `import ... from "nitro"` gives a route.
(function (native) {
  "use strict";

  class HTTPError extends Error {
    constructor(arg, details) {
      const opts = typeof arg === "string" ? Object.assign({}, details, { message: arg })
        : arg instanceof Error ? { message: arg.message, cause: arg }
        : Object.assign({}, arg);
      super(opts.message || opts.statusText || opts.statusMessage || "HTTPError");
      if (opts.cause !== undefined) this.cause = opts.cause;
      const status = Number(opts.status ?? opts.statusCode);
      this.status = Number.isInteger(status) && status >= 200 && status <= 599 ? status : 500;
      this.statusText = opts.statusText ?? opts.statusMessage;
      this.data = opts.data;
      this.body = opts.body;
      this.headers = opts.headers;
      this.unhandled = !!opts.unhandled;
    }
    get statusCode() { return this.status; }
    get statusMessage() { return this.statusText; }
    toJSON() {
      const out = { status: this.status };
      if (this.statusText !== undefined) out.statusText = this.statusText;
      out.message = this.message;
      if (this.data !== undefined) out.data = this.data;
      return out;
    }
    static isError(e) { return e instanceof HTTPError; }
    static status(status, statusText, details) {
      return new HTTPError(Object.assign({}, details, { status, statusText }));
    }
  }
  Object.defineProperty(HTTPError.prototype, "name", { value: "HTTPError", writable: true, configurable: true });

  const createError = (opts) => opts instanceof HTTPError ? opts : new HTTPError(opts);
  const isError = (e) => e instanceof HTTPError;

  // A route default export is the handler function itself; the object form keeps its middleware.
  const defineHandler = (handler) => handler;

  // The answer to a plain request on a WebSocket-only route; Go uses it for { websocket } too.
  const upgradeRequired = () => new Response("WebSocket upgrade is required.", {
    status: 426, statusText: "Upgrade Required", headers: { "content-type": "text/plain;charset=UTF-8" },
  });
  native.upgradeRequired = upgradeRequired;

  // defineWebSocketHandler(hooks | (event) => hooks, httpHandler?) returns an HTTP handler that
  // answers 426 to plain requests (or delegates to httpHandler) and carries the hooks for upgrades.
  function defineWebSocketHandler(hooks, httpHandler) {
    if (hooks === null || (typeof hooks !== "object" && typeof hooks !== "function")) {
      throw new TypeError("defineWebSocketHandler expects a hooks object or a function returning one");
    }
    const plain = httpHandler === undefined ? undefined
      : typeof httpHandler === "function" ? httpHandler : httpHandler && httpHandler.handler;
    const handler = function webSocketHandler(event) {
      return plain ? plain(event) : upgradeRequired();
    };
    Object.defineProperty(handler, "__azoteWebSocket", { value: { hooks } });
    return handler;
  }

  function html(first, ...values) {
    let text = first;
    if (Array.isArray(first) && Array.isArray(first.raw)) {
      text = first[0];
      for (let i = 0; i < values.length; i++) text += String(values[i]) + first[i + 1];
    }
    return new Response(String(text), { headers: { "content-type": "text/html;charset=UTF-8" } });
  }

  const identity = (x) => x;
  const noContent = (event, code) => new Response(null, { status: code || 204 });
  const redirect = (event, location, code) => {
    if (typeof event === "string") { code = location; location = event; }
    return new Response(null, { status: code || 302, headers: { location } });
  };

  const getQuery = (event) => Object.fromEntries(event.url.searchParams);
  // Route params are as they came in the path, still percent-encoded (h3 v2 and rou3 do not
  // decode them). { decode: true } decodes each once, except encoded separators (%2F, %5C, at
  // any %25 depth): decoding those would hand the handler a "/" or "../" that routing never
  // saw. A malformed escape leaves the param as it was.
  const encodedSeparator = /%(?:25)*(?:2f|5c)/gi;
  const decodeParam = (value) => {
    if (typeof value !== "string" || !value.includes("%")) return value;
    try {
      let out = "", last = 0;
      for (const m of value.matchAll(encodedSeparator)) {
        out += decodeURIComponent(value.slice(last, m.index)) + m[0];
        last = m.index + m[0].length;
      }
      return out + decodeURIComponent(value.slice(last));
    } catch { return value; }
  };
  const getRouterParams = (event, opts) => {
    const params = (event.context && event.context.params) || {};
    if (!opts || !opts.decode) return params;
    const out = {};
    for (const k of Object.keys(params)) out[k] = decodeParam(params[k]);
    return out;
  };
  const getRouterParam = (event, name, opts) => getRouterParams(event, opts)[name];
  const getRequestHeaders = (event) => Object.fromEntries(event.req.headers);
  const getRequestHeader = (event, name) => event.req.headers.get(name) ?? undefined;
  const getRequestIP = (event) => event.context.clientAddress;
  const readBody = async (event) => {
    const text = await event.req.text();
    if (!text) return undefined;
    const type = event.req.headers.get("content-type") || "";
    if (type.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
    // h3 2.x: a body that is not JSON (or nests past azote's limit) is the client's error.
    try { return JSON.parse(text); } catch {
      throw new HTTPError({ status: 400, statusText: "Bad Request", message: "Invalid JSON body" });
    }
  };
  const setResponseStatus = (event, status, text) => {
    if (status) event.res.status = status;
    if (text) event.res.statusText = text;
  };
  const setResponseHeader = (event, name, value) => {
    event.res.headers.delete(name);
    for (const v of Array.isArray(value) ? value : [value]) event.res.headers.append(name, String(v));
  };
  const setResponseHeaders = (event, headers) => {
    for (const [k, v] of Object.entries(headers)) setResponseHeader(event, k, v);
  };

  const parseCookies = (event) => {
    const out = {};
    for (const part of (event.req.headers.get("cookie") || "").split(";")) {
      const i = part.indexOf("=");
      if (i < 0) continue;
      const name = part.slice(0, i).trim();
      if (!name || name in out) continue;
      let value = part.slice(i + 1).trim();
      if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
      try { out[name] = decodeURIComponent(value); } catch { out[name] = value; }
    }
    return out;
  };
  const getCookie = (event, name) => parseCookies(event)[name];
  const setCookie = (event, name, value, opts = {}) => {
    let c = `${name}=${encodeURIComponent(value)}`;
    if (opts.maxAge !== undefined) c += `; Max-Age=${Math.floor(opts.maxAge)}`;
    if (opts.domain) c += `; Domain=${opts.domain}`;
    c += `; Path=${opts.path || "/"}`;
    if (opts.expires) c += `; Expires=${new Date(opts.expires).toUTCString()}`;
    if (opts.httpOnly) c += "; HttpOnly";
    if (opts.secure) c += "; Secure";
    if (opts.partitioned) c += "; Partitioned";
    if (opts.sameSite) {
      const s = opts.sameSite === true ? "Strict" : String(opts.sameSite);
      c += `; SameSite=${s[0].toUpperCase()}${s.slice(1).toLowerCase()}`;
    }
    event.res.headers.append("set-cookie", c);
  };
  const deleteCookie = (event, name, opts) =>
    setCookie(event, name, "", Object.assign({}, opts, { maxAge: 0 }));
  const readRawBody = async (event) => event.req.text();

  const nitro = {
    defineHandler, defineEventHandler: defineHandler, eventHandler: defineHandler,
    defineWebSocketHandler, defineMiddleware: identity, defineConfig: identity, defineNitroConfig: identity,
    defineHooks: identity, html, HTTPError, createError, isError,
  };
  const h3 = Object.assign({}, nitro, {
    defineWebSocket: identity, getQuery, getRouterParam, getRouterParams, getRequestHeader,
    getRequestHeaders, getHeaders: getRequestHeaders, getHeader: getRequestHeader, getRequestIP,
    readBody, setResponseStatus, setResponseHeader, setResponseHeaders, noContent, redirect,
    sendRedirect: redirect, createEventStream: native.createEventStream, parseCookies, getCookie,
    setCookie, deleteCookie, readRawBody, getRequestURL: (event) => event.url,
    getMethod: (event) => event.method,
  });
  const crossws = { defineHooks: identity, defineWebSocket: identity };
  const azote = { publish: native.publish, peers: native.peers, subscribe: native.subscribe };

  const modules = {
    "nitro": nitro, "nitro/h3": h3, "h3": h3, "crossws": crossws, "azote": azote,
    "nitro/runtime-config": { useRuntimeConfig: () => native.runtimeConfig },
  };
  return function host(name) {
    const m = modules[name] || (name.startsWith("nitro/") ? nitro : name.startsWith("crossws/") ? crossws : undefined);
    if (!m) throw new Error(`azote: unknown host module "${name}"`);
    return m;
  };
})
