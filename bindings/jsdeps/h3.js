(function () {
var module = { exports: {} }, exports = module.exports;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __typeError = (msg) => {
  throw TypeError(msg);
};
var __defNormalProp = (obj, key, value) => key in obj ? __defProp(obj, key, { enumerable: true, configurable: true, writable: true, value }) : obj[key] = value;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);
var __publicField = (obj, key, value) => __defNormalProp(obj, typeof key !== "symbol" ? key + "" : key, value);
var __accessCheck = (obj, member, msg) => member.has(obj) || __typeError("Cannot " + msg);
var __privateGet = (obj, member, getter) => (__accessCheck(obj, member, "read from private field"), getter ? getter.call(obj) : member.get(obj));
var __privateAdd = (obj, member, value) => member.has(obj) ? __typeError("Cannot add the same private member more than once") : member instanceof WeakSet ? member.add(obj) : member.set(obj, value);
var __privateSet = (obj, member, value, setter) => (__accessCheck(obj, member, "write to private field"), setter ? setter.call(obj, value) : member.set(obj, value), value);

// entries/h3.js
var h3_exports = {};
__export(h3_exports, {
  EventStream: () => EventStream,
  H3: () => H3,
  H3Core: () => H3Core,
  H3Error: () => H3Error,
  H3Event: () => H3Event,
  HTTPError: () => HTTPError,
  HTTPResponse: () => HTTPResponse,
  appendAcceptQuery: () => appendAcceptQuery,
  appendCorsHeaders: () => appendCorsHeaders,
  appendCorsPreflightHeaders: () => appendCorsPreflightHeaders,
  appendHeader: () => appendHeader,
  appendHeaders: () => appendHeaders,
  appendResponseHeader: () => appendResponseHeader,
  appendResponseHeaders: () => appendResponseHeaders,
  assertBodySize: () => assertBodySize,
  assertMethod: () => assertMethod,
  basicAuth: () => basicAuth,
  bodyLimit: () => bodyLimit,
  callMiddleware: () => callMiddleware,
  clearResponseHeaders: () => clearResponseHeaders,
  clearSession: () => clearSession,
  composeMiddleware: () => composeMiddleware,
  createApp: () => createApp,
  createError: () => createError,
  createEventStream: () => createEventStream,
  createRouter: () => createRouter$1,
  defaultContentType: () => defaultContentType,
  defineEventHandler: () => defineEventHandler,
  defineHandler: () => defineHandler,
  defineJsonRpcHandler: () => defineJsonRpcHandler,
  defineJsonRpcWebSocketHandler: () => defineJsonRpcWebSocketHandler,
  defineLazyEventHandler: () => defineLazyEventHandler,
  defineMiddleware: () => defineMiddleware,
  defineNodeHandler: () => defineNodeHandler,
  defineNodeListener: () => defineNodeListener,
  defineNodeMiddleware: () => defineNodeMiddleware,
  definePlugin: () => definePlugin,
  defineRoute: () => defineRoute,
  defineValidatedHandler: () => defineValidatedHandler,
  defineWebSocket: () => defineWebSocket,
  defineWebSocketHandler: () => defineWebSocketHandler,
  deleteChunkedCookie: () => deleteChunkedCookie,
  deleteCookie: () => deleteCookie,
  dynamicEventHandler: () => dynamicEventHandler,
  eventHandler: () => eventHandler,
  fetchWithEvent: () => fetchWithEvent,
  fromNodeHandler: () => fromNodeHandler,
  fromNodeMiddleware: () => fromNodeMiddleware,
  fromWebHandler: () => fromWebHandler,
  getBodyStream: () => getBodyStream,
  getChunkedCookie: () => getChunkedCookie,
  getCookie: () => getCookie,
  getEventContext: () => getEventContext,
  getHeader: () => getHeader,
  getHeaders: () => getHeaders,
  getMethod: () => getMethod,
  getProxyRequestHeaders: () => getProxyRequestHeaders,
  getQuery: () => getQuery,
  getRequestFingerprint: () => getRequestFingerprint,
  getRequestHeader: () => getRequestHeader,
  getRequestHeaders: () => getRequestHeaders,
  getRequestHost: () => getRequestHost,
  getRequestIP: () => getRequestIP,
  getRequestPath: () => getRequestPath,
  getRequestProtocol: () => getRequestProtocol,
  getRequestURL: () => getRequestURL,
  getRequestWebStream: () => getRequestWebStream,
  getResponseHeader: () => getResponseHeader,
  getResponseHeaders: () => getResponseHeaders,
  getResponseStatus: () => getResponseStatus,
  getResponseStatusText: () => getResponseStatusText,
  getRouterParam: () => getRouterParam,
  getRouterParams: () => getRouterParams,
  getSession: () => getSession,
  getValidatedCookies: () => getValidatedCookies,
  getValidatedQuery: () => getValidatedQuery,
  getValidatedRouterParams: () => getValidatedRouterParams,
  handleCacheHeaders: () => handleCacheHeaders,
  handleCors: () => handleCors,
  html: () => html,
  isCanonicalPath: () => isCanonicalPath,
  isCorsOriginAllowed: () => isCorsOriginAllowed,
  isError: () => isError,
  isEvent: () => isEvent,
  isHTTPEvent: () => isHTTPEvent,
  isMethod: () => isMethod,
  isPreflightRequest: () => isPreflightRequest,
  iterable: () => iterable,
  lazyEventHandler: () => lazyEventHandler,
  mockEvent: () => mockEvent,
  noContent: () => noContent,
  normalizeRoute: () => normalizeRoute2,
  onDispose: () => onDispose2,
  onError: () => onError,
  onRequest: () => onRequest,
  onResponse: () => onResponse,
  parseCookies: () => parseCookies,
  proxy: () => proxy,
  proxyRequest: () => proxyRequest,
  raw: () => raw,
  readBody: () => readBody,
  readFormData: () => readFormData,
  readFormDataBody: () => readFormDataBody,
  readMultipartFormData: () => readMultipartFormData,
  readRawBody: () => readRawBody,
  readValidatedBody: () => readValidatedBody,
  redirect: () => redirect,
  redirectBack: () => redirectBack,
  removeResponseHeader: () => removeResponseHeader,
  removeRoute: () => removeRoute$1,
  requestWithBaseURL: () => requestWithBaseURL,
  requestWithURL: () => requestWithURL,
  requireBasicAuth: () => requireBasicAuth,
  requireContentType: () => requireContentType,
  resolveDotSegments: () => resolveDotSegments2,
  sanitizeStatusCode: () => sanitizeStatusCode,
  sanitizeStatusMessage: () => sanitizeStatusMessage,
  sealSession: () => sealSession,
  sendIterable: () => sendIterable,
  sendNoContent: () => sendNoContent,
  sendProxy: () => sendProxy,
  sendRedirect: () => sendRedirect,
  sendStream: () => sendStream,
  sendWebResponse: () => sendWebResponse,
  serve: () => serve2,
  serveStatic: () => serveStatic,
  setChunkedCookie: () => setChunkedCookie,
  setCookie: () => setCookie,
  setHeader: () => setHeader,
  setHeaders: () => setHeaders,
  setResponseHeader: () => setResponseHeader,
  setResponseHeaders: () => setResponseHeaders,
  setResponseStatus: () => setResponseStatus,
  setServerTiming: () => setServerTiming,
  toEventHandler: () => toEventHandler,
  toMiddleware: () => toMiddleware,
  toNodeHandler: () => toNodeHandler,
  toNodeListener: () => toNodeListener,
  toRequest: () => toRequest,
  toResponse: () => toResponse,
  toWebHandler: () => toWebHandler,
  unsealSession: () => unsealSession,
  updateSession: () => updateSession,
  useBase: () => useBase,
  useSession: () => useSession,
  withBase: () => withBase,
  withCacheIsolation: () => withCacheIsolation,
  withServerTiming: () => withServerTiming,
  writeEarlyHints: () => writeEarlyHints
});
module.exports = __toCommonJS(h3_exports);

// node_modules/rou3/dist/index.mjs
var NullProtoObj = /* @__PURE__ */ (() => {
  const e = function() {
  };
  return e.prototype = /* @__PURE__ */ Object.create(null), Object.freeze(e.prototype), e;
})();
function createRouter() {
  return {
    root: { key: "" },
    static: new NullProtoObj()
  };
}
var UNNAMED_GROUP_PREFIX = "__rou3_unnamed_";
var ESCAPED_GROUP_PREFIX = "__rou3_esc_";
function toUnnamedGroupKey(key) {
  return typeof key === "string" ? toGroupName(key) : `${UNNAMED_GROUP_PREFIX}${key}`;
}
function toGroupName(name) {
  return /^(?!__rou3_|_\d)[A-Za-z_]\w*$/.test(name) ? name : ESCAPED_GROUP_PREFIX + name.replace(/[_-]/g, (c) => c === "_" ? "__" : "_h");
}
function fromGroupName(key) {
  if (key.charCodeAt(0) !== 95) return key;
  if (key.startsWith("__rou3_esc_")) return key.slice(11).replace(/__|_h/g, (c) => c === "__" ? "_" : "-");
  return key.startsWith("__rou3_unnamed_") ? key.slice(15) : key;
}
function emptyParam(m, segments) {
  const pMap = m.paramsMap;
  const params = pMap && getMatchParams(segments, pMap, m.suffix);
  return !!pMap?.some(([, name, , empty]) => !empty && name > ":" && /(^|\/)(\/|$)/.test(params[name]));
}
function matchesZero(m) {
  const last = m.paramsMap[m.paramsMap.length - 1];
  return last[2] || !!last[3] && !last[5];
}
function normalizePath(path) {
  if (!path.includes("/.")) return path;
  const r = [];
  let s = "";
  for (s of path.split("/")) if (s === ".") continue;
  else if (s === "..") {
    if (r.length > 1) r.pop();
  } else r.push(s);
  if (s === "." || s === "..") r.push("");
  return r.join("/") || "/";
}
function splitPath(path) {
  const s = path.split("/");
  s.shift();
  return s;
}
function methodEntries(methods, method, reverse) {
  let own = methods[method];
  let any = method ? methods[""] : void 0;
  if (reverse) {
    own &&= own.slice().reverse();
    any &&= any.slice().reverse();
  }
  return own && any ? any.concat(own) : own || any;
}
function reverseVariants(entries) {
  let out;
  for (let i = 0, j; i < entries.length; i = j) {
    const token = entries[i].variants;
    for (j = i + 1; token && entries[j]?.variants === token; j++) ;
    if (j - i > 1) (out ??= entries.slice()).splice(i, j - i, ...entries.slice(i, j).reverse());
  }
  return out || entries;
}
function setParam(params, key, value, join) {
  params[key] = join && params[key] !== void 0 ? params[key] + "/" + value : value;
}
function getMatchParams(segments, paramsMap, suffix, slash) {
  const params = new NullProtoObj();
  const end = suffix ? segments.length - suffix[1] : segments.length;
  for (const [index, name, optional, , , join] of paramsMap) {
    if (~index >= end && (optional || !slash)) continue;
    const segment = index < 0 ? segments.slice(~index, end).join("/") : segments[suffix && index > suffix[0] ? index - suffix[0] - 1 + end : index];
    if (typeof name === "string") {
      setParam(params, name, segment, join);
      if (index < 0 && optional && !join) params._ = segment;
    } else {
      const match = segment.match(name);
      if (match) {
        for (const key in match.groups) if (match.groups[key] !== void 0) setParam(params, fromGroupName(key), match.groups[key], join);
      }
    }
  }
  return params;
}
function encodeEscapes(path) {
  if (!path.includes("\\")) return path;
  return path.replace(/\\([:(){}\\])/g, (_, c) => "�" + ESCAPABLE.indexOf(c));
}
function decodeEscapes(segment, prefix) {
  return segment.replace(/\uFFFD([0-5])/g, (_, i) => prefix + ESCAPABLE[i]);
}
var ESCAPABLE = ":(){}\\";
function segmentKey(segment) {
  if (segment === "*" || segment.startsWith("**")) return 2;
  if (segment.includes(":") || segment.includes("(") || segmentWildcards(segment).length > 0) return 1;
  if (segment.includes("\\")) segment = segment.replace(/\\([\s\S])/g, "$1");
  if (segment.includes("�")) segment = decodeEscapes(segment, "");
  return encodeLiteral(segment);
}
function dynamicKey(segment) {
  if (!/[\0- "#<>^`\x7F-\uFFFC]/.test(segment)) return segment;
  let d = 0;
  return segment.replace(/[()]|[\0- "#<>^`\x7F-\uFFFC]+/g, (c) => c === "(" ? (d++, c) : c === ")" ? (d && d--, c) : d ? c : encodeLiteral(c));
}
function routeId(id) {
  return id.split("/").map(dynamicKey).join("/");
}
function encodeLiteral(text) {
  return /[\0- "#<>?^`{}\x7F-\uFFFC]/.test(text) ? text.replace(/[\0- "#<>?^`{}\x7F-\uFFFC]+/g, (run) => encodeURIComponent(run.replace(/[\uD800-\uDFFF]/gu, "�"))) : text;
}
function checkConstraints(route) {
  if (!/[\t\n\r\\({}\uFFFD-\uFFFF]/.test(route)) return;
  if (/[\t\n\r\uFFFD-\uFFFF]/.test(route)) invalidSyntax("a tab, LF, CR (use %09, %0A, %0D) or U+FFFD-U+FFFF char", route);
  let s = route.replace(/\\([^/])/g, (_, c) => c > "0" && c <= "9" ? "\0" : "_");
  while (s !== (s = s.replace(/\([^()/]*\)/g, (group) => {
    if (/[$^]|^\(\?<?[=!]/.test(group.replace(/\[[^\]]*\]/g, "")) || group.includes("\0")) invalidSyntax("an anchor, look-around, backreference or capturing group in a constraint", route);
    if (classSetOp(group)) invalidSyntax("a `--` / `&&` in a class of a constraint", route);
    return group[1] === "?" && group[2] !== "<" ? "" : "\0";
  }))) ;
  if (s.includes("(")) throw new Error(`rou3: a \`(\` must close in its own segment, escape a literal one as \`\\(\` (${route})`);
  if (s.includes("\\")) invalidSyntax("a `\\` must escape a char of its segment", route);
  if (/[{}]/.test(s.replace(/\{[^{}]*\}/g, ""))) invalidSyntax("unbalanced or nested `{}`", route);
}
function classSetOp(s) {
  let found = false;
  while (!found && /--|&&/.test(s) && s !== (s = s.replace(/\[[^[\]]*\]/g, (k) => {
    found ||= /--|&&/.test(k);
    return "_";
  }))) ;
  return found;
}
function starGroups(path) {
  if (!path.includes("(.*)")) return [path];
  let count = 0;
  let unnamed;
  return [path.replace(/\\[\s\S]|(:[A-Za-z_]\w*)?\((?!\?)(\.\*\)(?!\*))?/g, (m, name, star, at) => {
    if (m[0] === "\\" || !star) {
      if (m[0] === "(") count++;
      return m;
    }
    if (name) {
      const k = count;
      unnamed = (index) => index === k ? name.slice(1) : index > k ? index - 1 : index;
    } else count++;
    return /(^|[^\\])(\\\\)*([)*}?]|:[A-Za-z_]\w*)\{?$/.test(path.slice(0, at)) ? "￿*" : "*";
  }), unnamed];
}
function absolutePattern(path) {
  return /^[/{]/.test(path) ? path : `/${path}`;
}
function dotSegments(path) {
  if (!DOT_SEGMENT.test(path)) return path;
  const s = path.split("/");
  const out = [s[0]];
  let dot = false;
  for (let i = 1; i < s.length; i++) {
    const m = /^(?:\.|%2e)(\.|%2e)?$/i.exec(s[i]);
    if (m) {
      if (m[1] && (out.length > 1 || out[0]) && !isText(out.pop())) invalidSyntax(DOT_SEGMENT_NEXT_TO, path);
      dot = true;
      continue;
    }
    if (dot && /^[:*(]/.test(s[i])) invalidSyntax(DOT_SEGMENT_NEXT_TO, path);
    out.push(s[i]);
    dot = false;
  }
  if (dot) out.push("");
  return out.join("/");
}
var isText = (segment) => typeof segmentKey(segment = encodeEscapes(segment)) === "string" && !/[{}]|(^|[^\\])\?/.test(segment);
var DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?=\/|$)/i;
var DOT_SEGMENT_NEXT_TO = "`.` / `..` segment next to a param, catch-all or group";
function invalidSyntax(what, route) {
  throw new Error(`rou3: ${what} (${route})`);
}
var MISPLACED_MODIFIER = "misplaced `?` / `+` / `*`: `?` follows `:name` or `:name(…)`, `+` / `*` a whole-segment `:name`, none a catch-all (`(.*)` too); escape a literal one with `\\`";
var PARAM_MODIFIER = /^(.*)(:[A-Za-z_]\w*(?:\([^)]*\))?)([?+*])$/;
function expandModifiers(segments, input) {
  for (let i = 0; i < segments.length; i++) {
    const last = segments[i].charCodeAt(segments[i].length - 1);
    if (last !== 63 && last !== 43 && last !== 42) continue;
    const m = segments[i].match(PARAM_MODIFIER);
    if (!m) continue;
    const pre = segments.slice(0, i);
    const suf = segments.slice(i + 1);
    const without = "/" + pre.concat(m[1] || [], suf).join("/");
    if (m[3] === "?" && m[1] !== "**") {
      if (typeof segmentKey(m[1]) !== "string") continue;
      return ["/" + pre.concat(m[1] + m[2], suf).join("/"), without];
    }
    if (m[1] || m[2].includes("(")) invalidSyntax(MISPLACED_MODIFIER, input);
    const wc = "/" + pre.concat("**" + m[2], suf).join("/");
    return m[3] === "+" ? [wc] : [wc, without];
  }
}
function splitStar(segments, input) {
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const at = segment.startsWith("**") || segment === "*" ? [] : segmentWildcards(segment);
    if (at.length === 0) continue;
    for (let j = i + 1; j < segments.length && at.length === 1; j++) if (!segments[j].startsWith("**") && segments[j] !== "*") at.push(...segmentWildcards(segments[j]));
    if (at.length > 1) {
      if (at.some((x, k) => at[k + 1] === x + 1)) invalidSyntax(MISPLACED_MODIFIER, input);
      oneCatchAll(input);
    }
    const pre = segments.slice(0, i);
    const post = segments.slice(i + 1);
    const head = segment.slice(0, at[0]);
    const tail = segment.slice(at[0] + 1);
    if (!head) return [
      [pre.concat("**", segment, post)],
      i,
      false
    ];
    if (!tail) return [
      [pre.concat(segment, "**", post), segments],
      i + 1,
      true
    ];
    return [
      [pre.concat(head + "*", "**", "*" + tail, post), segments],
      i + 1,
      true
    ];
  }
}
function oneCatchAll(input) {
  throw new Error(`rou3: a route can have only one \`*\`, \`**\`, \`:name+\` or \`:name*\` (${input})`);
}
function splitRoute(path) {
  const s = splitPath(path);
  while (s[s.length - 1] === "") s.pop();
  if (path.includes("**")) {
    for (let i = 0; i < s.length; i++) if (/^\*\*[^:{}]/.test(s[i])) s.splice(i, 1, ...s[i][2] === "*" ? ["**", s[i].slice(2)] : [s[i].slice(1)]);
  }
  return s;
}
function expandedRouteId(path) {
  if (path.charCodeAt(0) !== 47) return `{${expandedRouteId(`/${path}`)}`;
  return "/" + splitRoute(encodeEscapes(path)).map((segment) => {
    const key = segmentKey(segment);
    return typeof key === "string" ? key : segment;
  }).join("/");
}
function addName(names, name, input) {
  if (names.includes(name) || !/^[A-Za-z_]\w*$/.test(name)) invalidSyntax(`${names.includes(name) ? "duplicate" : "invalid"} param name "${decodeEscapes(name.replace(/\\(?=[\w$\x80-\ufffc])(?![^(]*\))/g, ""), "\\")}"`, input);
  names.push(name);
  return name;
}
function segmentWildcards(segment) {
  const at = [];
  let depth = 0;
  for (let i = 0; i < segment.length; i++) {
    const ch = segment.charCodeAt(i);
    if (ch === 92) i++;
    else if (ch === 40) depth++;
    else if (ch === 41 && depth > 0) depth--;
    else if (ch === 42 && depth === 0) at.push(i);
  }
  return at;
}
function scanFirstGroup(path) {
  let i = 0;
  let depth = 0;
  for (; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
    else if (c === 123 && depth === 0) break;
  }
  if (i >= path.length) return;
  let j = i + 1;
  depth = 0;
  for (; j < path.length; j++) {
    const c = path.charCodeAt(j);
    if (c === 92) j++;
    else if (c === 40) depth++;
    else if (c === 41 && depth > 0) depth--;
    else if (c === 125 && depth === 0) break;
  }
  if (j >= path.length) return;
  const mod = path[j + 1];
  const hasMod = mod === "?" || mod === "+" || mod === "*";
  return [
    path.slice(0, i),
    path.slice(i + 1, j).replace(NAME_CHAR, "\\$&"),
    path.slice(j + (hasMod ? 2 : 1)).replace(NAME_CHAR, "\\$&"),
    hasMod ? mod : void 0
  ];
}
var NAME_CHAR = /^[\w$\x80-￼]/;
function expandGroupDelimiters(path, input = path) {
  if (!path.includes("{")) return;
  const group = scanFirstGroup(path);
  if (!group) return;
  const [pre, body, suf, mod] = group;
  if (mod === "+" || mod === "*") invalidSyntax(`unsupported \`{}${mod}\``, input);
  if (mod === "?" && /^(?!\*\*)./.test(pre.slice(pre.lastIndexOf("/") + 1)) && /^:[A-Za-z_]\w*(\([^)]*\))?$/.test(body) && (!suf || suf[0] === "/")) return [pre + body + "?" + suf];
  const full = joinGroup(joinGroup(pre, body, input), suf, input);
  const expanded = mod ? [full, joinGroup(pre, suf, input)] : [full];
  if (expanded.some((e) => DOT_SEGMENT.test(e))) invalidSyntax(DOT_SEGMENT_NEXT_TO, input);
  if (pre) return expanded;
  if (mod && body.charCodeAt(0) === 47 && suf && !/^\{?\//.test(suf)) invalidSyntax("text after a leading `{/...}?`", input);
  return expanded.map(absolutePattern);
}
function joinGroup(a, b, input) {
  const m = /(?<!\\)(\\\\)*((?<!\*\*):\w+|\([^/]*[^\\]\)|\*)([(?+*\uFFFF])$/.exec(a + b[0]);
  if (m) {
    if (m[3] === "￿") return a + b;
    if (m[3] > "(") invalidSyntax(MISPLACED_MODIFIER, input);
    if (m[2] > "*") a += "([^\\x2f]+?)";
  }
  return a + (b.charCodeAt(0) === 65535 ? b.slice(1) : b);
}
function getParamRegexp(segment, unnamedStart, names, input, groupKey = toUnnamedGroupKey) {
  let _i = unnamedStart;
  let _o;
  let _s = "", _d = 0, _e = -1, _g = 0, _r = 0;
  const _c = [];
  for (let j = 0; j < segment.length; j++) {
    const c = segment.charCodeAt(j);
    if (_d === 0) {
      if (c === 65535) {
        _s += "￿";
        continue;
      }
      if (c === 58) _e = j + 1 + addName(names, /^[\w$\x80-\ufffc]*/.exec(segment.slice(j + 1))[0], input).length;
      else if (c === 40 && /[?)]/.test(segment[j + 1])) invalidSyntax("empty or `(?` group", input);
      else if (c === 63 || c === 43 || c === 42 && j === _e) {
        if (c === 63 && j === segment.length - 1 && PARAM_MODIFIER.test(segment)) {
          _s += "?";
          _r--;
          continue;
        }
        invalidSyntax(MISPLACED_MODIFIER, input);
      } else if (c === 42) {
        _e = j + 1;
        _s += "([^/]*)";
        _r--;
        continue;
      }
    } else if (c === 58) {
      _s += "￾:";
      continue;
    }
    if (c === 40) {
      if (_d++ === 0) _g = j;
    } else if (c === 41 && _d > 0) {
      if (--_d === 0) {
        _e = j + 1;
        const p = segment.slice(_g + 1, j);
        if (p !== "[^\\x2f]+?") _c.push(p);
      }
    } else if (_d === 0 && c === 65533 && /[34]/.test(segment[j + 1])) {
      _s += encodeLiteral("{}"[+segment[++j] - 3]);
      _r += 768;
      continue;
    } else if (_d === 0 && /[\0- "#$).<>?[-^`{-}\x7F-\uFFFC]/.test(segment[j])) {
      const esc = c === 92 && j + 1 < segment.length ? 1 : 0;
      const ch = segment.slice(j + esc, j + esc + (segment.codePointAt(j + esc) > 65535 ? 2 : 1));
      const encoded = encodeLiteral(ch);
      j += esc + ch.length - 1;
      _s += encoded !== ch ? encoded : esc && ch !== "*" ? "￾" + ch : "\\" + ch;
      _r += encoded.length * 256;
      continue;
    }
    if (_d === 0 && j >= _e && segment.charCodeAt(j - 1) !== 65533) _r += 256;
    _s += segment[j];
  }
  const regex = decodeEscapes(_s.replace(/(?<!\uFFFE):([A-Za-z_]\w*)(?:\(([^)]*)\))?(\?$)?/g, (m, id, p, o, i, s) => {
    const group = `(?<${toGroupName(id)}>${p && (p != "[^\\x2f]+?" || !/[(\uFFFF]/.test(s[i + m.length])) ? p : "[^/]+?"})`;
    return o ? (_o = id, `(?:${group})?`) : group;
  }).replace(/\((?![?<])/g, () => `(?<${groupKey(_i++)}>`), "￾").replace(/\uFFFE([\s\S])|\uFFFF/g, (_, c = "") => /[.*+?^${}()|[\]\\]/.test(c) ? `\\${c}` : c);
  const regexp = new RegExp(`^${regex}$`);
  for (const p of _c) _r += new RegExp(`^(?:${decodeEscapes(p, "\\")})$`).test("") ? -1 : 1;
  return [
    regexp,
    _i,
    _o,
    _r
  ];
}
function linearRegExp(regexp) {
  let source = regexp.source;
  if (!source.includes("[^/]+?)")) return regexp;
  let head = "";
  source = source.replace(/(\(\?<\w+>\[\^\/\]\*\))((?:\\[\s\S]|[^\\()]|(?:\(\?:)?\(\?<\w+>\[\^\/\]\+\?\)(?:\)\?)?)*)\$$/, (all, star, rest) => {
    if (!rest.includes("+?")) return all;
    head = `(?=[^/]*$(?<=(${rest.replace(/((?:\\[\s\S]|[^\\()])+)(?=\()|(\(\?:)?\(\?<\w+>\[\^\/\]\+\?\)(?:\)\?)?/g, (_, L, opt) => L ? L + upTo(L, true) : opt ? "" : "[^/]")})))`;
    return `${star}(?=\\1$)${rest}$`;
  });
  source = source.replace(/\[\^\/\]\+\?\)((?:\\[\s\S]|[^\\()])*)(?=(?:\(\?:)?\(\?<\w+>\[\^\/\](?:\+\?|\*)\))/g, (_, L) => `[^/]${L && upTo(L)})${L}`);
  return source === regexp.source ? regexp : new RegExp(`^${head}${source.slice(1)}`);
}
var upTo = (L, back) => L.replace(/^\\/, "").length < 2 ? `[^/${L}]*` : back ? `(?:[^/](?<!${L}))*` : `(?:(?!${L})[^/])*`;
function addRoute(ctx, method = "", path, data) {
  method = method.toUpperCase();
  path = absolutePattern(path);
  checkConstraints(path);
  const resolved = dotSegments(path);
  const [route, unnamed] = starGroups(resolved);
  variants = void 0;
  _add(ctx, method, route, data, unnamed && expandedRouteId(resolved), path, unnamed);
}
var variants;
function _add(ctx, method, path, data, route, input = path, unnamed = same) {
  const groupExpanded = expandGroupDelimiters(path, input);
  if (groupExpanded) {
    if (groupExpanded[1] !== void 0) {
      route ??= expandedRouteId(path);
      variants ??= {};
    }
    _add(ctx, method, groupExpanded[0], data, route, input, unnamed);
    if (groupExpanded[1] !== void 0) _add(ctx, method, groupExpanded[1], data, route, input, /[*(]/.test(path) ? skipGroup(path, input, unnamed) : unnamed);
    return 0;
  }
  path = encodeEscapes(path);
  const segments = splitRoute(path);
  const expanded = expandModifiers(segments, input);
  if (expanded) {
    route ??= expandedRouteId(path);
    variants ??= {};
    let count = 0;
    for (const p of expanded) count = _add(ctx, method, p, data, route, input, unnamed);
    return count;
  }
  const star = path.includes("*");
  const split = star ? splitStar(segments, input) : void 0;
  if (split) {
    const [routes, join, head] = split;
    if (routes.length > 1) {
      route ??= expandedRouteId(path);
      variants ??= {};
    }
    let count = 0;
    for (const r of routes) count = _insert(ctx, method, r, data, route, input, unnamed, star, r === segments ? -1 : join, head);
    return count;
  }
  return _insert(ctx, method, segments, data, route, input, unnamed, star);
}
function _insert(ctx, method, segments, data, route, input, unnamed, star, join = -1, head) {
  let node = ctx.root;
  let _unnamedParamIndex = 0;
  const paramsMap = [];
  const paramsRegexp = [];
  let rank = 0;
  const names = [];
  let named = false;
  const captureKey = (n) => {
    const k = unnamed(n);
    if (typeof k === "string" && !named) {
      named = true;
      addName(names, k, input);
    }
    return k;
  };
  let suffix;
  let wildcardIndex = -1;
  const trail = star ? [] : void 0;
  for (let i = 0; i < segments.length; i++) {
    let segment = segments[i];
    const key2 = segmentKey(segment);
    if (key2 === 2) {
      if (suffix) oneCatchAll(input);
      trail?.push(node);
      if (!node.wildcard) node.wildcard = { key: "**" };
      node = node.wildcard;
      const empty = segment.length === 1 || i === join;
      paramsMap.push([
        -(i + 1),
        i === join ? String(captureKey(head ? _unnamedParamIndex - 1 : _unnamedParamIndex++)) : segment.length === 2 ? (addName(names, "_", input), String(unnamed(_unnamedParamIndex++))) : empty ? String(captureKey(_unnamedParamIndex++)) : addName(names, segment.slice(3), input),
        segment.length === 2 && !(i === join && segments[i + 1]?.charCodeAt(0) !== 42),
        empty,
        void 0,
        i === join
      ]);
      if (i === segments.length - 1) break;
      suffix = [];
      wildcardIndex = i;
      continue;
    }
    if (key2 === 1) {
      if (suffix) suffix.push(1);
      else {
        trail?.push(node);
        if (!node.param) node.param = { key: "*" };
        node = node.param;
      }
      if (!/^:[A-Za-z_]\w*$/.test(segment)) {
        const tail = i === join + 1 && segment.charCodeAt(0) === 42;
        const [source, nextIndex, inPlace, segmentRank] = getParamRegexp(segment, _unnamedParamIndex - (tail ? 1 : 0), names, input, (n) => toUnnamedGroupKey(captureKey(n)));
        _unnamedParamIndex = nextIndex;
        const regexp = paramsRegexp[i] = linearRegExp(source);
        rank += segmentRank;
        if (!suffix) node.hasRegexParam = true;
        paramsMap.push([
          i,
          regexp,
          false,
          /^(?!(?:[\s\S]*:\w+(?![\w?])){2})(?:\*|:[A-Za-z_]\w*)+\??$/.test(segment),
          inPlace,
          tail
        ]);
      } else paramsMap.push([
        i,
        addName(names, segment.slice(1), input),
        false
      ]);
      continue;
    }
    if (segment.includes("?") && /(^|[^\\])\?/.test(segment)) invalidSyntax(MISPLACED_MODIFIER, input);
    segment = segments[i] = key2;
    if (suffix) {
      suffix.push(segment);
      continue;
    }
    trail?.push(node);
    const child = node.static?.[segment];
    if (child) node = child;
    else {
      const staticNode = { key: segment };
      if (!node.static) node.static = new NullProtoObj();
      node.static[segment] = staticNode;
      node = staticNode;
    }
  }
  if (suffix) {
    for (const n of trail) n.hasSuffix = true;
    node = node.suffix ??= { key: "" };
    for (let j = suffix.length - 1; j >= 0; j--) {
      const edge = suffix[j];
      if (edge === 1) node = node.param ??= { key: "*" };
      else node = (node.static ??= new NullProtoObj())[edge] ??= { key: edge };
    }
  }
  const hasParams = paramsMap.length > 0;
  const key = "/" + segments.join("/");
  const methods = node.methods ??= new NullProtoObj();
  (methods[method] ??= []).push({
    data: data ?? null,
    paramsRegexp,
    paramsMap: hasParams ? paramsMap : void 0,
    route: route ?? key,
    suffix: suffix && [wildcardIndex, suffix.length],
    variants,
    rank: rank / 2 ** 32
  });
  if (!hasParams) ctx.static[segments.length > 0 ? key : ""] = node;
  return _unnamedParamIndex;
}
var same = (index) => index;
function skipGroup(path, input, unnamed = same) {
  const [pre, body] = scanFirstGroup(path);
  if (!/[*(]/.test(body) && !pre.endsWith("*")) return unnamed;
  const count = (p) => _add(createRouter(), "", p, void 0, void 0, input);
  const before = count(pre);
  const skip = count(absolutePattern(joinGroup(pre, body, input))) - before;
  return skip ? (index) => unnamed(index < before ? index : index + skip) : unnamed;
}
function collectSuffix(node, method, segments, start, pos, matches, reverse) {
  const match = node.methods && methodEntries(node.methods, method, reverse);
  if (match) {
    const end = pos + 1;
    const weighted = [];
    for (const m of reverse ? match : reverseVariants(match)) {
      const w = m.suffix[0];
      let weight = 0;
      for (const [index, , optional, empty] of m.paramsMap) if (index < 0 && !optional) weight = end > start ? empty ? 2 : 4 : -1;
      const regexps = m.paramsRegexp;
      for (let i = 0; i < regexps.length && weight >= 0; i++) if (regexps[i]) weight = regexps[i].test(segments[i > w ? i - w - 1 + end : i]) ? weight + (m.paramsMap.find((e) => e[0] === i)[3] ? 1 : 4) : -1;
      if (weight >= 0) weighted.push([m, weight + m.rank]);
    }
    for (const [m] of weighted.sort((a, b) => a[1] - b[1])) matches.push(m);
  }
  if (pos >= start) {
    if (node.param) collectSuffix(node.param, method, segments, start, pos - 1, matches, reverse);
    const staticChild = node.static?.[segments[pos]];
    if (staticChild) collectSuffix(staticChild, method, segments, start, pos - 1, matches, reverse);
  }
}
function hasSuffixMatch(node, method, segments, index) {
  const trie = node.wildcard?.suffix;
  if (trie && (trie.param || trie.static?.[segments[segments.length - 1]])) {
    const matches = [];
    collectSuffix(trie, method, segments, index, segments.length - 1, matches);
    if (matches.length > 0) return true;
  }
  if (index < segments.length) {
    const staticChild = node.static?.[segments[index]];
    if (staticChild?.hasSuffix && hasSuffixMatch(staticChild, method, segments, index + 1)) return true;
    if (node.param?.hasSuffix && hasSuffixMatch(node.param, method, segments, index + 1)) return true;
  }
  return false;
}
function rankFromEnd(matches, segments) {
  const n = segments.length;
  return matches.sort((a, b) => {
    for (let p = n - 1; p >= 0; p--) {
      const x = kindAt(a, n, p);
      const y = kindAt(b, n, p);
      if (x < 0 && y < 0) p = ~Math.min(x, y);
      else if (Math.max(x, 0) !== Math.max(y, 0)) return Math.max(x, 0) - Math.max(y, 0);
    }
    return 0;
  });
}
function kindAt(m, n, p) {
  const suffix = m.suffix;
  const end = suffix ? n - suffix[1] : n;
  for (const [index, name, , plain] of m.paramsMap || []) if (index < 0) {
    if (p >= ~index && p < end) return index;
  } else if ((suffix && index > suffix[0] ? index - suffix[0] - 1 + end : index) === p) return typeof name === "string" || plain ? 0 : 2;
  return 3;
}
function _findRanked(ctx, method, segments, reverse) {
  let matches = _findAll(ctx.root, method, segments, 0, [], reverse);
  if (segments.includes("")) matches = matches.filter((m) => !emptyParam(m, segments));
  if (ctx.root.hasSuffix && matches.some((m) => m.suffix)) rankFromEnd(matches, segments);
  return matches;
}
function _findAll(node, method, segments, index, matches = [], reverse) {
  const segment = segments[index];
  if (node.wildcard) {
    const match = node.wildcard.methods && methodEntries(node.wildcard.methods, method, reverse);
    if (match) pushSorted(matches, index < segments.length ? match : match.filter((m) => matchesZero(m)), reverse);
    if (node.wildcard.suffix) collectSuffix(node.wildcard.suffix, method, segments, index, segments.length - 1, matches, reverse);
  }
  if (node.param && index < segments.length) {
    const start = matches.length;
    _findAll(node.param, method, segments, index + 1, matches, reverse);
    if (node.param.hasRegexParam) {
      for (let r = matches.length - 1; r >= start; r--) if (matches[r].paramsRegexp[index]?.test(segment) === false) matches.splice(r, 1);
    }
  }
  if (index < segments.length) {
    const staticChild = node.static?.[segment];
    if (staticChild) _findAll(staticChild, method, segments, index + 1, matches, reverse);
  }
  if (index === segments.length && node.methods) {
    const match = methodEntries(node.methods, method, reverse);
    if (match) pushSorted(matches, match, reverse);
  }
  return matches;
}
function pushSorted(matches, match, reverse) {
  if (match.length > 1) match = (reverse ? match : reverseVariants(match)).map((m) => {
    let w = m.rank;
    const { paramsRegexp: rx, paramsMap: pm } = m;
    for (let i = 0; i < rx.length; i++) if (rx[i]) w += 2;
    const last = pm?.[pm.length - 1];
    if (last && !last[2]) w += last[0] < 0 && last[3] ? 1 : 2;
    return [m, w];
  }).sort((a, b) => a[1] - b[1]).map((e) => e[0]);
  for (const m of match) matches.push(m);
}
function findRoute(ctx, method = "", path, opts) {
  if (opts?.normalize) path = normalizePath(path);
  const slash = path.charCodeAt(path.length - 1) === 47;
  if (slash) path = path.slice(0, -1);
  const staticNode = ctx.static[path];
  if (staticNode && staticNode.methods) {
    const staticMatch = staticNode.methods[method] || staticNode.methods[""];
    if (staticMatch !== void 0) return { data: staticMatch[0].data };
  }
  const segments = splitPath(path);
  let match;
  if (segments.includes("") || ctx.root.hasSuffix && hasSuffixMatch(ctx.root, method, segments, 0)) {
    const matches = _findRanked(ctx, method, segments, true);
    match = matches[matches.length - 1];
  } else match = _lookupTree(ctx.root, method, segments, 0);
  if (match === void 0) return;
  if (opts?.params === false) return { data: match.data };
  return {
    data: match.data,
    params: match.paramsMap ? getMatchParams(segments, match.paramsMap, match.suffix, slash) : void 0
  };
}
function _lookupTree(node, method, segments, index) {
  if (index === segments.length) {
    if (node.methods) {
      const match = _selectMatcher(node.methods, method, segments);
      if (match) return match;
    }
    return node.wildcard?.methods ? _selectMatcher(node.wildcard.methods, method, segments, true) : void 0;
  }
  const segment = segments[index];
  if (node.static) {
    const staticChild = node.static[segment];
    if (staticChild) {
      const match = _lookupTree(staticChild, method, segments, index + 1);
      if (match) return match;
    }
  }
  if (node.param) {
    const match = _lookupTree(node.param, method, segments, index + 1);
    if (match) return match;
  }
  if (node.wildcard && node.wildcard.methods) return _selectMatcher(node.wildcard.methods, method, segments);
}
function _selectMatcher(methods, method, segments, optionalOnly) {
  let any = methods[""];
  const match = methods[method] || any;
  if (!match) return;
  if (match === any) any = void 0;
  const first = match[0];
  if (!any && match.length === 1 && first.paramsRegexp.length === 0) return !optionalOnly || matchesZero(first) ? first : void 0;
  let best;
  let bestWeight = -1;
  let list = match;
  for (; list; list = list === any ? void 0 : any) for (const m of list) {
    const last = m.paramsMap?.[m.paramsMap.length - 1];
    if (optionalOnly && !matchesZero(m)) continue;
    let weight = m.rank + (last && !last[2] ? last[0] < 0 && last[3] ? 1 : 2 : 0);
    const regexps = m.paramsRegexp;
    for (let i = 0; i < regexps.length; i++) if (regexps[i]) {
      if (!regexps[i].test(segments[i])) {
        weight = -1;
        break;
      }
      weight += 2;
    }
    if (weight > bestWeight) {
      best = m;
      bestWeight = weight;
    }
  }
  return best;
}
function removeRoute(ctx, method = "", path) {
  method = method.toUpperCase();
  const input = absolutePattern(path);
  path = dotSegments(input);
  const [route, named] = starGroups(path);
  _removeRoute(ctx, method, route, named && expandedRouteId(path), input);
}
function _removeRoute(ctx, method, path, route, input = path) {
  const groupExpanded = expandGroupDelimiters(path, input);
  if (groupExpanded) {
    if (groupExpanded.length > 1) route ??= expandedRouteId(path);
    for (const expandedPath of groupExpanded) _removeRoute(ctx, method, expandedPath, route, input);
    return;
  }
  if (path.charCodeAt(0) !== 47) return;
  path = encodeEscapes(path);
  const segments = splitRoute(path);
  const modExpanded = expandModifiers(segments, input);
  if (modExpanded) {
    route ??= expandedRouteId(path);
    for (const expandedPath of modExpanded) _removeRoute(ctx, method, expandedPath, route, input);
    return;
  }
  const split = path.includes("*") ? splitStar(segments, path) : void 0;
  if (split) {
    if (split[0].length > 1) route ??= expandedRouteId(path);
    for (const r of split[0]) _remove(ctx, ctx.root, method, r, 0, route, "", true);
    return;
  }
  _remove(ctx, ctx.root, method, segments, 0, route, "", true);
}
function _remove(ctx, node, method, segments, index, route, key, isStatic) {
  if (index === segments.length) {
    const methods = node.methods;
    const entries = methods?.[method];
    if (!entries) return;
    const id = routeId(route ?? (key || "/"));
    for (let i = entries.length - 1; i >= 0; i--) if (routeId(entries[i].route) === id) entries.splice(i, 1);
    if (entries.length === 0) {
      delete methods[method];
      if (Object.keys(methods).length === 0) {
        node.methods = void 0;
        if (isStatic) delete ctx.static[key];
      }
    }
    return;
  }
  const segment = segments[index];
  const segKey = segmentKey(segment);
  if (segKey === 2) {
    const wildcard = node.wildcard;
    if (wildcard) {
      if (index === segments.length - 1) _remove(ctx, wildcard, method, segments, index + 1, route, key + "/" + segment, false);
      else if (wildcard.suffix) {
        for (let i = index; i < segments.length; i++) {
          const k = segmentKey(segments[i]);
          key += "/" + (typeof k === "string" ? k : segments[i]);
        }
        _removeSuffix(ctx, wildcard.suffix, method, segments, segments.length - 1, index, route ?? key);
        if (_isEmptyNode(wildcard.suffix)) wildcard.suffix = void 0;
      }
      if (_isEmptyNode(wildcard)) node.wildcard = void 0;
    }
    return;
  }
  if (segKey === 1) {
    if (node.param) {
      _remove(ctx, node.param, method, segments, index + 1, route, key + "/" + segment, false);
      if (_isEmptyNode(node.param)) node.param = void 0;
    }
    return;
  }
  const childNode = node.static?.[segKey];
  if (childNode) {
    _remove(ctx, childNode, method, segments, index + 1, route, key + "/" + segKey, isStatic);
    if (_isEmptyNode(childNode)) {
      delete node.static[segKey];
      if (Object.keys(node.static).length === 0) node.static = void 0;
    }
  }
}
function _removeSuffix(ctx, node, method, segments, index, stop, route) {
  if (index === stop) {
    _remove(ctx, node, method, segments, segments.length, route, "", false);
    return;
  }
  const segKey = segmentKey(segments[index]);
  const child = segKey === 1 ? node.param : typeof segKey === "string" ? node.static?.[segKey] : void 0;
  if (child) {
    _removeSuffix(ctx, child, method, segments, index - 1, stop, route);
    if (_isEmptyNode(child)) {
      if (segKey === 1) node.param = void 0;
      else {
        delete node.static[segKey];
        if (Object.keys(node.static).length === 0) node.static = void 0;
      }
    }
  }
}
function _isEmptyNode(node) {
  return node.methods === void 0 && node.static === void 0 && node.param === void 0 && node.wildcard === void 0 && node.suffix === void 0;
}

// adapters/srvx.js
var FastURL = URL;
var FastResponse = class extends Response {
  constructor(body, init) {
    if (typeof body === "string") {
      const headers = new Headers(init && init.headers);
      if (!headers.has("content-type")) {
        headers.set("content-type", "text/plain; charset=UTF-8");
        init = Object.assign({}, init, { headers });
      }
    }
    super(body, init);
  }
};

// node_modules/h3/dist/response.mjs
function withoutTrailingSlash(path) {
  if (!path || path === "/") return "/";
  return path[path.length - 1] === "/" ? path.slice(0, -1) : path;
}
function stripBase(pathname, base) {
  if (pathname === base || pathname.startsWith(base + "/") || pathname.startsWith(base + "?")) return "/" + pathname.slice(base.length).replace(/^\/+/, "");
  return pathname;
}
function hasEmptySegmentAfterBase(pathname, base) {
  return pathname.startsWith(base + "//");
}
function withoutBase(input = "", base = "") {
  if (!base || base === "/") return input;
  return stripBase(input, withoutTrailingSlash(base));
}
var NEEDLESS_ESCAPE_SRC = String.raw`%(?:2[146-9A-E]|3[0-9ABD]|4[0-9A-F]|5[0-9ABDF]|6[1-9A-F]|7[0-9ACE])`;
var NEEDLESS_ESCAPE_RE = /* @__PURE__ */ new RegExp(NEEDLESS_ESCAPE_SRC, "i");
var NEEDLESS_ESCAPE_RE_G = /* @__PURE__ */ new RegExp(NEEDLESS_ESCAPE_SRC, "gi");
function isNonCanonicalPathname(pathname) {
  return NEEDLESS_ESCAPE_RE.test(pathname);
}
function canonicalPathname(pathname) {
  return pathname.replace(NEEDLESS_ESCAPE_RE_G, (m) => String.fromCharCode(Number.parseInt(m.slice(1), 16)));
}
var ABSOLUTE_URL_RE = /^[a-z][a-z\d+\-.]*:\/\//i;
var ROUTE_ENCODE_RE = /[\u0000-\u0020"#<>\u0060]|[^\u0000-\u007E]/gu;
function normalizeRoute(route) {
  if (ABSOLUTE_URL_RE.test(route)) throw new Error(`Route patterns are pathnames, received URL: ${route}`);
  if (route.charCodeAt(0) !== 47) route = `/${route}`;
  route = canonicalPathname(route.replace(ROUTE_ENCODE_RE, encodeURIComponent));
  return route.includes("/.") ? resolveDotSegments(route) : route;
}
function resolveDotSegments(pathname) {
  const out = [];
  let dot = false;
  for (const segment of pathname.split("/")) {
    dot = segment === "." || segment === "..";
    if (!dot) out.push(segment);
    else if (segment.length === 2 && out.length > 1) out.pop();
  }
  if (dot) out.push("");
  return out.join("/");
}
function decodePathname(pathname) {
  try {
    return decodeURI(pathname);
  } catch {
    return;
  }
}
var ENCODED_SEP_RE_G = /%(?:25)*(?:2f|5c)/gi;
var ENCODED_SEP_FLAT_RE_G = /%(?:2f|5c)/gi;
function decodePreservingSeparators(value, opts) {
  if (!value.includes("%")) return value;
  const decode2 = opts?.decode || decodeURIComponent;
  const re = opts?.nested === false ? ENCODED_SEP_FLAT_RE_G : ENCODED_SEP_RE_G;
  let result = "";
  let lastIndex = 0;
  re.lastIndex = 0;
  for (let m; m = re.exec(value); ) {
    result += decode2(value.slice(lastIndex, m.index)) + m[0];
    lastIndex = m.index + m[0].length;
  }
  return result + decode2(value.slice(lastIndex));
}
var kEventNS = "h3.internal.event.";
var kEventRes = /* @__PURE__ */ Symbol.for(`${kEventNS}res`);
var kEventResHeaders = /* @__PURE__ */ Symbol.for(`${kEventNS}res.headers`);
var kEventResErrHeaders = /* @__PURE__ */ Symbol.for(`${kEventNS}res.err.headers`);
var kMalformedURL = /* @__PURE__ */ Symbol.for(`${kEventNS}malformed`);
var _a;
var H3Event = (_a = class {
  constructor(req, context, app) {
    __publicField(this, "app");
    __publicField(this, "req");
    __publicField(this, "url");
    __publicField(this, "context");
    this.context = req.context = context || req.context || new NullProtoObj();
    this.req = req;
    this.app = app;
    const _url = req._url;
    let url = _url && _url instanceof URL ? _url : new FastURL(req.url);
    const pathname = url.pathname;
    if (pathname.includes("%")) {
      if (decodePathname(pathname) === void 0) this[kMalformedURL] = true;
      else if (isNonCanonicalPathname(pathname)) url = new FastURL(`${url.protocol}//${url.host}${canonicalPathname(pathname)}${url.search}`);
    }
    this.url = url;
  }
  get res() {
    return this[kEventRes] ||= new H3EventResponse();
  }
  get runtime() {
    return this.req.runtime;
  }
  waitUntil(promise) {
    this.req.waitUntil?.(promise);
  }
  toString() {
    return `[${this.req.method}] ${this.req.url}`;
  }
  toJSON() {
    return this.toString();
  }
  get node() {
    return this.req.runtime?.node;
  }
  get headers() {
    return this.req.headers;
  }
  get path() {
    return this.url.pathname + this.url.search;
  }
  get method() {
    return this.req.method;
  }
}, __publicField(_a, "__is_event__", true), _a);
var H3EventResponse = class {
  constructor() {
    __publicField(this, "status");
    __publicField(this, "statusText");
  }
  get headers() {
    return this[kEventResHeaders] ||= new Headers();
  }
  get errHeaders() {
    return this[kEventResErrHeaders] ||= new Headers();
  }
};
var DISALLOWED_STATUS_CHARS = /[^\u0009\u0020-\u007E]/g;
function sanitizeStatusMessage(statusMessage = "") {
  return statusMessage.replace(DISALLOWED_STATUS_CHARS, "");
}
function sanitizeStatusCode(statusCode, defaultStatusCode = 200) {
  if (!statusCode) return defaultStatusCode;
  if (typeof statusCode === "string") statusCode = +statusCode;
  if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) return defaultStatusCode;
  return statusCode;
}
var HTTPError = class HTTPError2 extends Error {
  constructor(arg1, arg2) {
    let messageInput;
    let details;
    if (typeof arg1 === "string") {
      messageInput = arg1;
      details = arg2;
    } else details = arg1;
    const status = sanitizeStatusCode(details?.status || details?.statusCode || details?.cause?.status || details?.cause?.statusCode, 500);
    const statusText = sanitizeStatusMessage(details?.statusText || details?.statusMessage || details?.cause?.statusText || details?.cause?.statusMessage);
    const message = messageInput || details?.message || details?.cause?.message || details?.statusText || details?.statusMessage || [
      "HTTPError",
      status,
      statusText
    ].filter(Boolean).join(" ");
    super(message, { cause: details });
    __publicField(this, "status");
    __publicField(this, "statusText");
    __publicField(this, "headers");
    __publicField(this, "cause");
    __publicField(this, "data");
    __publicField(this, "body");
    __publicField(this, "unhandled");
    this.cause = details;
    this.status = status;
    this.statusText = statusText || void 0;
    const rawHeaders = details?.headers || details?.cause?.headers;
    this.headers = rawHeaders ? new Headers(rawHeaders) : void 0;
    this.unhandled = details?.unhandled ?? details?.cause?.unhandled ?? void 0;
    this.data = details?.data;
    this.body = details?.body;
  }
  get name() {
    return "HTTPError";
  }
  static isError(input) {
    return input instanceof Error && input?.name === "HTTPError" && input.status > 99;
  }
  static status(status, statusText, details) {
    return new HTTPError2({
      ...details,
      statusText,
      status
    });
  }
  get statusCode() {
    return this.status;
  }
  get statusMessage() {
    return this.statusText;
  }
  toJSON() {
    const unhandled = this.unhandled;
    return {
      status: this.status,
      statusText: this.statusText,
      unhandled,
      message: unhandled ? "HTTPError" : this.message,
      data: unhandled ? void 0 : this.data,
      ...unhandled ? void 0 : this.body
    };
  }
};
function hasProp(obj, prop) {
  try {
    return prop in obj;
  } catch {
    return false;
  }
}
function isJSONSerializable(value, _type) {
  if (value === null || value === void 0) return true;
  if (_type !== "object") return _type === "boolean" || _type === "number" || _type === "string";
  if (typeof value.toJSON === "function") return true;
  if (Array.isArray(value)) return true;
  if (typeof value.pipe === "function" || typeof value.pipeTo === "function") return false;
  if (value instanceof NullProtoObj) return true;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
var kEventDispose = /* @__PURE__ */ Symbol.for("h3.internal.event.dispose");
function onDispose(event, cb) {
  let state = event[kEventDispose];
  if (!state) {
    const _state = {
      callbacks: [],
      observe: (response, val) => observeResponse(response, val, event, _state)
    };
    state = event[kEventDispose] = _state;
  }
  if (state.disposed) invokeDisposeCallbacks(event, [cb], state.reason);
  else state.callbacks.push(cb);
}
function observeResponse(response, val, event, state) {
  if (state.observing || state.disposed) return response;
  state.observing = true;
  const nodeRes = event.runtime?.node?.res;
  if (nodeRes) {
    if (nodeRes.closed || nodeRes.destroyed) {
      fireDispose(event, state, nodeRes.errored ?? abortError());
      return response;
    }
    nodeRes.once("close", () => {
      fireDispose(event, state, nodeRes.errored ?? (nodeRes.writableFinished ? void 0 : abortError()));
    });
    return response;
  }
  if (!isStreamBody(val) || !response.body) {
    fireDispose(event, state, void 0);
    return response;
  }
  const body = response.body;
  const { readable, writable } = new TransformStream();
  body.pipeTo(writable).then(() => fireDispose(event, state, void 0), (reason) => fireDispose(event, state, reason === void 0 ? abortError() : reason));
  return new FastResponse(readable, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers
  });
}
function fireDispose(event, state, reason) {
  if (state.disposed) return;
  state.disposed = true;
  state.reason = reason;
  const callbacks = state.callbacks;
  state.callbacks = [];
  invokeDisposeCallbacks(event, callbacks, reason);
}
function invokeDisposeCallbacks(event, callbacks, reason) {
  const pending = [];
  for (const cb of callbacks) try {
    const res = cb(reason);
    if (typeof res?.then === "function") pending.push(Promise.resolve(res).catch((error) => reportDisposeError(event, error)));
  } catch (error) {
    reportDisposeError(event, error);
  }
  if (pending.length > 0) event.waitUntil(Promise.all(pending));
}
function isStreamBody(val) {
  return val instanceof ReadableStream || val instanceof Blob || val instanceof Response || val?.body instanceof ReadableStream;
}
function abortError() {
  return new DOMException("Connection closed prematurely.", "AbortError");
}
function reportDisposeError(event, error) {
  if (!event.app?.config.silent) console.error("[h3] onDispose:", error);
}
var kNotFound = /* @__PURE__ */ Symbol.for("h3.notFound");
var kHandled = /* @__PURE__ */ Symbol.for("h3.handled");
function toResponse(val, event, config = {}) {
  if (typeof val?.then === "function") return val.then((resolvedVal) => toResponse(resolvedVal, event, config), (r) => toResponse(toError(r), event, config));
  let response;
  try {
    response = prepareResponse(val, event, config);
  } catch (error) {
    return toResponse(toError(error), event, config);
  }
  if (typeof response?.then === "function") return toResponse(response, event, config);
  const { onResponse: onResponse2 } = config;
  if (onResponse2) return Promise.resolve().then(() => onResponse2(response, event)).catch((error) => {
    if (!config.silent) console.error(error);
  }).then(() => event[kEventDispose]?.observe(response, val) ?? response);
  return event[kEventDispose]?.observe(response, val) ?? response;
}
function toError(value) {
  if (value === kNotFound || value === kHandled || value instanceof Error) return value;
  if (typeof value === "number") return new HTTPError({ status: value });
  const error = new HTTPError({
    status: 500,
    unhandled: true
  });
  error.cause = value;
  return error;
}
var kHTTPResponse = /* @__PURE__ */ Symbol.for("h3.HTTPResponse");
var _headers, _init, _a2;
var HTTPResponse = (_a2 = class {
  constructor(body, init) {
    __privateAdd(this, _headers);
    __privateAdd(this, _init);
    __publicField(this, "body");
    this.body = body;
    __privateSet(this, _init, init);
  }
  get status() {
    return __privateGet(this, _init)?.status;
  }
  get statusText() {
    return __privateGet(this, _init)?.statusText;
  }
  get headers() {
    return __privateGet(this, _headers) || __privateSet(this, _headers, new Headers(__privateGet(this, _init)?.headers));
  }
}, _headers = new WeakMap(), _init = new WeakMap(), _a2);
HTTPResponse.prototype[kHTTPResponse] = true;
function prepareResponse(val, event, config, nested) {
  if (val === kHandled) return new FastResponse(null);
  if (val === kNotFound) val = new HTTPError({
    status: 404,
    message: `Cannot find any route matching [${event.req.method}] ${event.url}`
  });
  if (val && val instanceof Error) {
    const isHTTPError = HTTPError.isError(val);
    const error = isHTTPError ? val : new HTTPError(val);
    if (!isHTTPError) {
      error.unhandled = true;
      if (val?.stack) error.stack = val.stack;
    }
    if (error.unhandled && !config.silent) console.error(error);
    const { onError: onError2 } = config;
    const errHeaders = event[kEventRes]?.[kEventResErrHeaders];
    if (onError2 && !nested) return Promise.resolve().then(() => onError2(error, event)).catch(toError).then((newVal) => prepareResponse(newVal ?? val, event, config, true));
    event[kEventRes] = void 0;
    val = errorResponse(error, config.debug, errHeaders);
  }
  const preparedRes = event[kEventRes];
  let preparedHeaders = preparedRes?.[kEventResHeaders];
  event[kEventRes] = void 0;
  if (!(val instanceof Response)) {
    const res = prepareResponseBody(val, event, config);
    const rawStatus = res.status || preparedRes?.status;
    const status = rawStatus ? sanitizeStatusCode(rawStatus) : void 0;
    const rawStatusText = res.statusText || preparedRes?.statusText;
    return new FastResponse(nullBody(event.req.method, status) ? null : res.body, {
      status,
      statusText: rawStatusText === void 0 ? void 0 : sanitizeStatusMessage(rawStatusText),
      headers: res.headers && preparedHeaders ? mergeHeaders(res.headers, preparedHeaders) : res.headers || preparedHeaders
    });
  }
  if (val.status >= 400) preparedHeaders = preparedRes?.[kEventResErrHeaders];
  if (preparedHeaders && !nested && !preparedHeaders.keys().next().done) return new FastResponse(nullBody(event.req.method, val.status) ? null : val.body, {
    status: val.status,
    statusText: val.statusText,
    headers: mergeHeaders(val.headers, preparedHeaders)
  });
  return event.req.method === "HEAD" && val.body !== null ? new FastResponse(null, {
    status: val.status,
    statusText: val.statusText,
    headers: val.headers
  }) : val;
}
function mergeHeaders(base, overrides, target = new Headers(base)) {
  for (const [name, value] of overrides) if (name === "set-cookie") target.append(name, value);
  else target.set(name, value);
  return target;
}
var frozen = (name) => (...args) => {
  throw new Error(`Headers are frozen (${name} ${args.join(", ")})`);
};
var FrozenHeaders = class extends Headers {
  constructor() {
    super(...arguments);
    __publicField(this, "set", frozen("set"));
    __publicField(this, "append", frozen("append"));
    __publicField(this, "delete", frozen("delete"));
  }
};
var emptyHeaders = /* @__PURE__ */ new FrozenHeaders({ "content-length": "0" });
var jsonHeaders = /* @__PURE__ */ new FrozenHeaders({ "content-type": "application/json;charset=UTF-8" });
function prepareResponseBody(val, event, config) {
  if (val === null || val === void 0) return {
    body: "",
    headers: emptyHeaders
  };
  const valType = typeof val;
  if (valType === "string") return { body: val };
  if (val instanceof Uint8Array) return {
    body: val,
    headers: new Headers({ "content-length": val.byteLength.toString() })
  };
  if (val instanceof HTTPResponse || val?.[kHTTPResponse] === true) return val;
  if (isJSONSerializable(val, valType)) return {
    body: JSON.stringify(val, void 0, config.debug ? 2 : void 0),
    headers: jsonHeaders
  };
  if (valType === "bigint") return {
    body: val.toString(),
    headers: jsonHeaders
  };
  if (val instanceof Blob) {
    const headers = new Headers({
      "content-type": val.type,
      "content-length": val.size.toString()
    });
    let filename = val.name;
    if (filename) {
      filename = encodeURIComponent(filename);
      headers.set("content-disposition", `filename="${filename}"; filename*=UTF-8''${filename}`);
    }
    return {
      body: val.stream(),
      headers
    };
  }
  if (valType === "symbol") return { body: val.toString() };
  if (valType === "function") return { body: `${val.name}()` };
  return { body: val };
}
function nullBody(method, status) {
  return method === "HEAD" || status === 100 || status === 101 || status === 102 || status === 204 || status === 205 || status === 304;
}
function errorResponse(error, debug, errHeaders) {
  let headers = error.headers ? mergeHeaders(jsonHeaders, error.headers) : new Headers(jsonHeaders);
  if (errHeaders) headers = mergeHeaders(headers, errHeaders);
  return new FastResponse(JSON.stringify({
    ...error.toJSON(),
    stack: debug && error.stack ? error.stack.split("\n").map((l) => l.trim()) : void 0
  }, void 0, debug ? 2 : void 0), {
    status: error.status,
    statusText: error.statusText,
    headers
  });
}

// node_modules/h3/dist/middleware.mjs
var LITERAL_ROUTE_RE = /^(?:\/[^/:*(){}\\?^\0- "#<>`\x7F-\uFFFF]+)*\/?$/;
var LITERAL_PREFIX_ROUTE_RE = /^((?:\/[^/:*(){}\\?^\0- "#<>`\x7F-\uFFFF]+)*)\/\*\*\/?$/;
function createRouteMatcher(route) {
  if (route.charCodeAt(0) !== 47) route = `/${route}`;
  const prefixMatch = LITERAL_PREFIX_ROUTE_RE.exec(route);
  if (prefixMatch) {
    const base = prefixMatch[1];
    const prefix = `${base}/`;
    return (pathname) => {
      if (pathname === base || pathname === prefix) return;
      if (!pathname.startsWith(prefix)) return false;
      const rest = trimTrailingSlash(pathname.slice(prefix.length));
      return {
        0: rest,
        _: rest
      };
    };
  }
  if (LITERAL_ROUTE_RE.test(route)) {
    const base = route.endsWith("/") ? route.slice(0, -1) : route;
    return (pathname) => pathname === base || pathname === `${base}/` ? void 0 : false;
  }
  const router = createRouter();
  addRoute(router, "", route, true);
  return (pathname) => {
    const match = findRoute(router, "", pathname);
    return match ? match.params : false;
  };
}
function trimTrailingSlash(rest) {
  return rest.endsWith("/") ? rest.slice(0, -1) : rest;
}
function defineMiddleware(input) {
  return input;
}
function normalizeMiddleware(input, opts = {}) {
  const matcher = createMatcher(opts);
  if (!matcher && (input.length > 1 || input.constructor?.name === "AsyncFunction")) return input;
  return (event, next) => {
    if (matcher && !matcher(event)) return next();
    const res = input(event, next);
    return res === void 0 || res === kNotFound ? next() : res;
  };
}
function createMatcher(opts) {
  if (!opts.route && !opts.method && !opts.match) return;
  const routeMatcher = opts.route ? createRouteMatcher(normalizeRoute(opts.route)) : void 0;
  const method = opts.method?.toUpperCase();
  return function _middlewareMatcher(event) {
    if (method) {
      const reqMethod = event.req.method.toUpperCase();
      if (reqMethod !== method && !(method === "GET" && reqMethod === "HEAD")) return false;
    }
    if (opts.match && !opts.match(event)) return false;
    if (!routeMatcher) return true;
    const params = routeMatcher(event.url.pathname);
    if (params === false) return false;
    if (params) event.context.middlewareParams = {
      ...event.context.middlewareParams,
      ...params
    };
    return true;
  };
}
function composeMiddleware(middleware) {
  let chain = (event, handler) => handler(event);
  for (let i = middleware.length - 1; i >= 0; i--) {
    const fn = middleware[i];
    const inner = chain;
    chain = (event, handler) => callLayer(fn, event, handler, inner);
  }
  return chain;
}
function composeHandler(middleware, handler) {
  const chain = composeMiddleware(middleware);
  return function _composedHandler(event) {
    return chain(event, handler);
  };
}
function callMiddleware(event, middleware, handler, index = 0) {
  return index === middleware.length ? handler(event) : callLayer(middleware[index], event, handler, (_event, _handler) => callMiddleware(_event, middleware, _handler, index + 1));
}
function callLayer(fn, event, handler, inner) {
  let nextCalled;
  let nextResult;
  const next = () => {
    if (nextCalled) return nextResult;
    nextCalled = true;
    nextResult = inner(event, handler);
    return nextResult;
  };
  const ret = fn(event, next);
  return isUnhandledResponse(ret) ? next() : typeof ret?.then === "function" ? ret.then((resolved) => isUnhandledResponse(resolved) ? next() : resolved) : ret;
}
function isUnhandledResponse(val) {
  return val === void 0 || val === kNotFound;
}
function toMiddleware(input) {
  let h = input.handler || input;
  let isFunction = typeof h === "function";
  if (!isFunction && typeof input?.fetch === "function") {
    isFunction = true;
    h = function _fetchHandler(event) {
      return input.fetch(event.req);
    };
  }
  if (!isFunction) return function noopMiddleware(event, next) {
    return next();
  };
  if (h.length === 2) return h;
  return function _middlewareHandler(event, next) {
    const res = h(event);
    return typeof res?.then === "function" ? res.then((r) => {
      return is404(r) ? next() : r;
    }) : is404(res) ? next() : res;
  };
}
function is404(val) {
  return isUnhandledResponse(val) || val?.status === 404 && val instanceof Response;
}

// node_modules/h3/dist/cache.mjs
var plusRegex = /\+/g;
function parseQuery(input) {
  const params = new NullProtoObj();
  if (!input || input === "?") return params;
  const inputLength = input.length;
  let key = "";
  let value = "";
  let startingIndex = -1;
  let equalityIndex = -1;
  let shouldDecodeKey = false;
  let shouldDecodeValue = false;
  let keyHasPlus = false;
  let valueHasPlus = false;
  let hasBothKeyValuePair = false;
  let c = 0;
  for (let i = 0; i < inputLength + 1; i++) {
    c = i === inputLength ? 38 : input.charCodeAt(i);
    switch (c) {
      case 38:
        hasBothKeyValuePair = equalityIndex > startingIndex;
        if (!hasBothKeyValuePair) equalityIndex = i;
        key = input.slice(startingIndex + 1, equalityIndex);
        if (hasBothKeyValuePair || key.length > 0) {
          if (keyHasPlus) key = key.replace(plusRegex, " ");
          if (shouldDecodeKey) try {
            key = decodeURIComponent(key);
          } catch {
            key = decodeLenient(key);
          }
          if (hasBothKeyValuePair) {
            value = input.slice(equalityIndex + 1, i);
            if (valueHasPlus) value = value.replace(plusRegex, " ");
            if (shouldDecodeValue) try {
              value = decodeURIComponent(value);
            } catch {
              value = decodeLenient(value);
            }
          }
          const currentValue = params[key];
          if (currentValue === void 0) params[key] = value;
          else if (Array.isArray(currentValue)) currentValue.push(value);
          else params[key] = [currentValue, value];
        }
        value = "";
        startingIndex = i;
        equalityIndex = i;
        shouldDecodeKey = false;
        shouldDecodeValue = false;
        keyHasPlus = false;
        valueHasPlus = false;
        break;
      case 61:
        if (equalityIndex <= startingIndex) equalityIndex = i;
        else shouldDecodeValue = true;
        break;
      case 43:
        if (equalityIndex > startingIndex) valueHasPlus = true;
        else keyHasPlus = true;
        break;
      case 37:
        if (equalityIndex > startingIndex) shouldDecodeValue = true;
        else shouldDecodeKey = true;
    }
  }
  return params;
}
function decodeLenient(str) {
  return new URLSearchParams("_=" + str).get("_");
}
var VALIDATION_FAILED = "Validation failed";
async function validateData(data, fn, options) {
  if ("~standard" in fn) {
    const result = await fn["~standard"].validate(data);
    if (result.issues) throw createValidationError(options?.onError?.(result) || {
      message: VALIDATION_FAILED,
      issues: result.issues
    });
    return result.value;
  }
  try {
    const res = await fn(data);
    if (res === false) throw createValidationError(options?.onError?.({ issues: [{ message: VALIDATION_FAILED }] }) || { message: VALIDATION_FAILED });
    if (res === true) return data;
    return res ?? data;
  } catch (error) {
    throw createValidationError(error);
  }
}
var reqBodyKeys = /* @__PURE__ */ new Set([
  "body",
  "text",
  "formData",
  "arrayBuffer"
]);
async function validatedRequest(req, validate) {
  if (validate.headers) {
    const validatedheaders = await validateSource("headers", Object.fromEntries(req.headers.entries()), validate.headers, validate.onError);
    for (const [key, value] of Object.entries(validatedheaders)) req.headers.set(key, value);
  }
  if (!validate.body) return req;
  return new Proxy(req, { get(_target, prop) {
    if (prop === "json") return function _validatedJson() {
      return req.json().catch((error) => {
        if (HTTPError.isError(error)) throw error;
        throw new HTTPError({
          status: 400,
          statusText: "Bad Request",
          message: "Invalid JSON body"
        });
      }).then((data) => validate.body["~standard"].validate(data)).then((result) => {
        if (result.issues) throw createValidationError(validate.onError?.({
          _source: "body",
          ...result
        }) || {
          message: VALIDATION_FAILED,
          issues: result.issues
        });
        return result.value;
      });
    };
    else if (reqBodyKeys.has(prop)) throw new TypeError(`Cannot access .${prop} on request with JSON validation enabled. Use .json() instead.`);
    return Reflect.get(req, prop);
  } });
}
async function validatedURL(url, validate) {
  if (!validate.query) return url;
  const query = new NullProtoObj();
  for (const [key, value] of url.searchParams) {
    const prev = query[key];
    if (prev === void 0) query[key] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else query[key] = [prev, value];
  }
  const validatedQuery = await validateSource("query", query, validate.query, validate.onError);
  for (const [key, value] of Object.entries(validatedQuery)) if (Array.isArray(value)) {
    url.searchParams.delete(key);
    for (const item of value) url.searchParams.append(key, String(item));
  } else url.searchParams.set(key, String(value));
  return url;
}
async function validateSource(source, data, fn, onError2) {
  const result = await fn["~standard"].validate(data);
  if (result.issues) throw createValidationError(onError2?.({
    _source: source,
    ...result
  }) || {
    message: VALIDATION_FAILED,
    issues: result.issues
  });
  return result.value;
}
function createValidationError(cause) {
  return HTTPError.isError(cause) ? cause : new HTTPError({
    cause,
    status: cause?.status || 400,
    statusText: cause?.statusText || VALIDATION_FAILED,
    message: cause?.message || VALIDATION_FAILED,
    data: {
      issues: cause?.issues,
      message: cause instanceof Error ? VALIDATION_FAILED : cause?.message || VALIDATION_FAILED
    }
  });
}
function isEvent(input) {
  return input instanceof H3Event || input?.constructor?.__is_event__;
}
function isHTTPEvent(input) {
  return input?.req instanceof Request;
}
function getEventContext(event) {
  if (event.context) return event.context;
  event.req.context ??= {};
  return event.req.context;
}
function mockEvent(_request, options) {
  let request;
  if (options?.body && !options.duplex) options.duplex = "half";
  if (typeof _request === "string") {
    let url = _request;
    if (url[0] === "/") url = `http://localhost${url}`;
    request = new Request(url, options);
  } else if (options || _request instanceof URL) request = new Request(_request, options);
  else request = _request;
  return new H3Event(request);
}
function requestWithURL(req, url) {
  const cache = new NullProtoObj();
  cache.url = url;
  cache._url = void 0;
  return new Proxy(req, {
    get(target, prop) {
      if (prop in cache) return cache[prop];
      const value = Reflect.get(target, prop);
      if (prop === "bodyUsed") return value;
      cache[prop] = typeof value === "function" && prop !== "constructor" ? value.bind(target) : value;
      return cache[prop];
    },
    set(target, prop, value) {
      if (prop !== "url" && prop !== "_url") delete cache[prop];
      return Reflect.set(target, prop, value);
    }
  });
}
function requestWithBaseURL(req, base, options = {}) {
  const url = new URL(options.url || req.url);
  url.pathname = stripBase(url.pathname, base);
  return requestWithURL(req, url.href);
}
function toRequest(input, options) {
  if (typeof input === "string") {
    let url = input;
    if (url[0] === "/") url = `http://${safeHost((options?.headers ? new Headers(options.headers) : void 0)?.get("host"))}${url}`;
    return new Request(url, options);
  } else if (options || input instanceof URL) return new Request(input, options);
  return input;
}
function getQuery(event) {
  return parseQuery((event.url || new URL(event.req.url)).search.slice(1));
}
function getValidatedQuery(event, validate, options) {
  return validateData(getQuery(event), validate, options);
}
function getRouterParams(event, opts = {}) {
  let params = getEventContext(event).params || {};
  if (opts.decode) {
    params = { ...params };
    for (const key in params) params[key] = decodePreservingSeparators(params[key]);
  }
  return params;
}
function getValidatedRouterParams(event, validate, options = {}) {
  const { decode: decode2, ...opts } = options;
  return validateData(getRouterParams(event, { decode: decode2 }), validate, opts);
}
function getRouterParam(event, name, opts = {}) {
  return getRouterParams(event, opts)[name];
}
function isMethod(event, expected, allowHead) {
  const method = event.req.method.toUpperCase();
  if (allowHead && method === "HEAD") return true;
  if (typeof expected === "string") {
    if (method === expected) return true;
  } else if (expected.includes(method)) return true;
  return false;
}
function assertMethod(event, expected, allowHead) {
  if (!isMethod(event, expected, allowHead)) {
    const allowed = Array.isArray(expected) ? expected : [expected];
    throw new HTTPError({
      status: 405,
      headers: { Allow: allowHead ? [...allowed, "HEAD"].join(", ") : allowed.join(", ") }
    });
  }
}
function getRequestHost(event, opts = {}) {
  if (opts.xForwardedHost) {
    const xForwardedHost = (event.req.headers.get("x-forwarded-host") || "").split(",").shift()?.trim();
    if (xForwardedHost) return xForwardedHost;
  }
  return event.req.headers.get("host") || "";
}
function getRequestProtocol(event, opts = {}) {
  if (opts.xForwardedProto) {
    const forwardedProto = (event.req.headers.get("x-forwarded-proto") || "").split(",")[0].trim();
    if (forwardedProto === "https") return "https";
    if (forwardedProto === "http") return "http";
  }
  return (event.url || new URL(event.req.url)).protocol.slice(0, -1);
}
function getRequestURL(event, opts = {}) {
  const url = new URL(event.url || event.req.url);
  url.protocol = getRequestProtocol(event, opts);
  if (opts.xForwardedHost) {
    const host = getRequestHost(event, opts);
    if (host) applyForwardedHost(url, host);
  }
  return url;
}
function getRequestIP(event, opts = {}) {
  if (opts.xForwardedFor) {
    const _header = event.req.headers.get("x-forwarded-for");
    if (_header) {
      const xForwardedFor = _header.split(",")[0].trim();
      if (xForwardedFor) return xForwardedFor;
    }
  }
  return event.req.context?.clientAddress || event.req.ip || void 0;
}
function applyForwardedHost(url, host) {
  const sep = host.lastIndexOf(":");
  const hasPort = sep > host.lastIndexOf("]");
  const hostname = hasPort ? host.slice(0, sep) : host;
  const prevHostname = url.hostname;
  url.hostname = hostname;
  if (url.hostname === prevHostname && hostname.toLowerCase() !== prevHostname) return;
  const port = hasPort ? host.slice(sep + 1) : "";
  url.port = /^\d{1,5}$/.test(port) && +port < 65536 ? port : "";
}
function safeHost(host) {
  return host && !/[/\\?#@\s]/.test(host) ? host : "localhost";
}
function defineHandler(input) {
  if (typeof input === "function") return handlerWithFetch(input);
  const handler = input.handler || (input.fetch ? function _fetchHandler(event) {
    return input.fetch(event.req);
  } : NoHandler);
  const composed = input.middleware?.length && composeHandler(input.middleware, handler);
  const eventHandler2 = handlerWithFetch(composed || handler);
  return Object.assign(eventHandler2, input, composed && { fetch: eventHandler2.fetch });
}
function defineValidatedHandler(def) {
  if (!def.validate) return defineHandler(def);
  return defineHandler({
    ...def,
    handler: async function _validatedHandler(event) {
      event.req = await validatedRequest(event.req, def.validate);
      event.url = await validatedURL(event.url, def.validate);
      return def.handler(event);
    }
  });
}
function handlerWithFetch(handler) {
  if ("fetch" in handler) return handler;
  return Object.assign(handler, { fetch: (req) => {
    if (typeof req === "string") req = new URL(req, "http://_");
    if (req instanceof URL) req = new Request(req);
    const event = new H3Event(req);
    try {
      return Promise.resolve(toResponse(handler(event), event));
    } catch (error) {
      return Promise.resolve(toResponse(toError(error), event));
    }
  } });
}
function dynamicEventHandler(initial) {
  let current = toEventHandler(initial);
  return Object.assign(defineHandler(function _dynamicEventHandler(event) {
    return current?.(event);
  }), { set: (handler) => {
    current = toEventHandler(handler);
  } });
}
function defineLazyEventHandler(loader) {
  let handler;
  let promise;
  return defineHandler(function lazyHandler(event) {
    return handler ? handler(event) : (promise ??= Promise.resolve(loader()).then(function resolveLazyHandler(r) {
      handler = toEventHandler(r) || toEventHandler(r.default);
      if (typeof handler !== "function") throw new TypeError("Invalid lazy handler", { cause: { resolved: r } });
      return handler;
    })).then((r) => r(event));
  });
}
function toEventHandler(handler) {
  if (typeof handler === "function") return handler;
  if (typeof handler?.handler === "function" && handler.constructor?.["~h3"]) return handler.handler;
  if (typeof handler?.fetch === "function") return function _fetchHandler(event) {
    return handler.fetch(event.req);
  };
}
var NoHandler = () => kNotFound;
var _a3;
var H3Core = (_a3 = class {
  constructor(config = {}) {
    __publicField(this, "config");
    __publicField(this, "~middleware");
    __publicField(this, "~routes", []);
    __publicField(this, "~dispatch");
    __publicField(this, "~composed");
    this["~middleware"] = [];
    this.config = config;
    this.fetch = this.fetch.bind(this);
    this.handler = this.handler.bind(this);
  }
  fetch(request) {
    return this["~request"](request);
  }
  handler(event) {
    const route = this["~findRoute"](event);
    if (route) {
      event.context.params = route.params;
      event.context.matchedRoute = route.data;
    }
    return (this["~dispatch"] ??= createDispatcher(this))(event, route);
  }
  "~request"(request, context) {
    const event = new H3Event(request, context, this);
    let handlerRes;
    try {
      if (event[kMalformedURL] && !this.config.allowMalformedURL) throw new HTTPError({
        status: 400,
        message: "Bad Request"
      });
      if (this.config.onRequest) {
        const hookRes = this.config.onRequest(event);
        handlerRes = typeof hookRes?.then === "function" ? hookRes.then(() => this.handler(event)) : this.handler(event);
      } else handlerRes = this.handler(event);
    } catch (error) {
      handlerRes = Promise.reject(error);
    }
    return toResponse(handlerRes, event, this.config);
  }
  "~findRoute"(_event) {
  }
  "~addRoute"(_route) {
    this["~routes"].push(_route);
  }
  "~getMiddleware"(_event, _route) {
    return this["~middleware"];
  }
}, __publicField(_a3, "~h3", true), _a3);
function createDispatcher(app) {
  if (app["~getMiddleware"] !== H3Core.prototype["~getMiddleware"]) return (event, route) => callMiddleware(event, app["~getMiddleware"](event, route || void 0), routeHandler(route));
  const middleware = app["~middleware"];
  if (middleware.length === 0) return (event, route) => routeHandler(route)(event);
  const composed = app["~composed"] ??= composeMiddleware(middleware);
  return (event, route) => composed(event, routeHandler(route));
}
function routeHandler(route) {
  const data = route?.data;
  if (!data) return NoHandler;
  return data.middleware?.length ? data["~composed"] ??= composeHandler(data.middleware, data.handler) : data.handler;
}
var H3 = /* @__PURE__ */ (() => {
  class H32 extends H3Core {
    constructor(config = {}) {
      super(config);
      __publicField(this, "~rou3");
      this["~rou3"] = createRouter();
      this.request = this.request.bind(this);
      config.plugins?.forEach((plugin) => plugin(this));
    }
    register(plugin) {
      plugin(this);
      return this;
    }
    request(_req, _init2, context) {
      return this["~request"](toRequest(_req, _init2), context);
    }
    mount(base, input) {
      base = !base || base === "/" ? "" : normalizeRoute(base).replace(/\/$/, "");
      if ("handler" in input) {
        if (input["~middleware"].length > 0) {
          this["~middleware"].push((event, next) => {
            const originalPathname = event.url.pathname;
            if (!originalPathname.startsWith(base) || originalPathname.length > base.length && originalPathname[base.length] !== "/") return next();
            if (hasEmptySegmentAfterBase(originalPathname, base)) throw new HTTPError({ status: 404 });
            event.url.pathname = stripBase(originalPathname, base);
            const restore = () => {
              event.url.pathname = originalPathname;
            };
            try {
              const result = (input["~composed"] ??= composeMiddleware(input["~middleware"]))(event, () => {
                restore();
                return next();
              });
              if (typeof result?.then === "function") return Promise.resolve(result).finally(restore);
              restore();
              return result;
            } catch (err) {
              restore();
              throw err;
            }
          });
          this["~dispatch"] = this["~composed"] = void 0;
        }
        for (const r of input["~routes"]) this["~addRoute"]({
          ...r,
          route: base + r.route
        });
      } else {
        const fetchHandler = "fetch" in input ? input.fetch : input;
        this.all(`${base}/**`, function _mountedMiddleware(event) {
          if (hasEmptySegmentAfterBase(event.url.pathname, base)) throw new HTTPError({ status: 404 });
          return fetchHandler(requestWithBaseURL(event.req, base, { url: event.url }));
        });
      }
      return this;
    }
    on(method, route, handler, opts) {
      const _method = (method || "").toUpperCase();
      route = normalizeRoute(route);
      this["~addRoute"]({
        method: _method,
        route,
        handler: toEventHandler(handler),
        middleware: opts?.middleware,
        meta: {
          ...handler.meta,
          ...opts?.meta
        }
      });
      return this;
    }
    all(route, handler, opts) {
      return this.on("", route, handler, opts);
    }
    "~findRoute"(_event) {
      const match = findRoute(this["~rou3"], _event.req.method, _event.url.pathname);
      if (match === void 0 && _event.req.method === "HEAD") return findRoute(this["~rou3"], "GET", _event.url.pathname);
      return match;
    }
    "~addRoute"(_route) {
      addRoute(this["~rou3"], _route.method, _route.route, _route);
      super["~addRoute"](_route);
    }
    use(arg1, arg2, arg3) {
      let route;
      let fn;
      let opts;
      if (typeof arg1 === "string") {
        route = arg1;
        fn = arg2;
        opts = arg3;
      } else {
        fn = arg1;
        opts = arg2;
      }
      if (typeof fn !== "function" && "handler" in fn) return this.mount(route || "", fn);
      this["~middleware"].push(normalizeMiddleware(fn, {
        ...opts,
        route
      }));
      this["~dispatch"] = this["~composed"] = void 0;
      return this;
    }
  }
  for (const method of [
    "GET",
    "POST",
    "PUT",
    "DELETE",
    "PATCH",
    "HEAD",
    "OPTIONS",
    "CONNECT",
    "TRACE",
    "QUERY"
  ]) H3Core.prototype[method.toLowerCase()] = function(route, handler, opts) {
    return this.on(method, route, handler, opts);
  };
  return H32;
})();
function matchETag(ifNoneMatch, etag) {
  if (ifNoneMatch.trim() === "*") return true;
  const target = opaqueTag(etag);
  return splitETags(ifNoneMatch).some((tag) => opaqueTag(tag.trim()) === target);
}
function isCacheMatch(headers, validators) {
  const ifNoneMatch = validators.ifNoneMatch ?? headers.get("if-none-match");
  if (ifNoneMatch) return !!validators.etag && matchETag(ifNoneMatch, validators.etag);
  if (validators.lastModified) {
    const ifModifiedSince = validators.ifModifiedSince ?? headers.get("if-modified-since");
    return !!ifModifiedSince && new Date(ifModifiedSince) >= validators.lastModified;
  }
  return false;
}
function opaqueTag(tag) {
  return tag.startsWith("W/") ? tag.slice(2) : tag;
}
function splitETags(value) {
  const tags = [];
  let current = "";
  let inQuotes = false;
  for (const ch of value) if (ch === '"') {
    inQuotes = !inQuotes;
    current += ch;
  } else if (ch === "," && !inQuotes) {
    tags.push(current);
    current = "";
  } else current += ch;
  tags.push(current);
  return tags;
}
function getStagedHeader(event, name) {
  return event[kEventRes]?.[kEventResHeaders]?.get(name) ?? null;
}
function detachStagedHeaders(event) {
  const res = event[kEventRes];
  const staged = res?.[kEventResHeaders];
  if (!staged) return;
  const kept = new Headers();
  const cacheControl = staged.get("cache-control");
  if (cacheControl !== null) {
    kept.set("cache-control", cacheControl);
    staged.delete("cache-control");
  }
  const vary = staged.get("vary");
  if (vary !== null) {
    const names = vary.split(",").map((name) => name.trim()).filter(Boolean);
    const rest = names.filter((name) => name.toLowerCase() !== "origin");
    if (rest.length > 0) kept.set("vary", rest.join(", "));
    if (rest.length === names.length) staged.delete("vary");
    else staged.set("vary", "origin");
  }
  res[kEventResHeaders] = kept.keys().next().done ? void 0 : kept;
  return staged.keys().next().done ? void 0 : staged;
}
function withStagedHeaders(res, staged) {
  if (res.status >= 400) return res;
  const headers = new Headers(res.headers);
  mergeStagedHeaders(headers, staged);
  return new Response(res.body, {
    status: res.status,
    statusText: res.statusText,
    headers
  });
}
function reattachStagedHeaders(event, staged) {
  const res = event.res;
  const after = res[kEventResHeaders];
  if (after) mergeStagedHeaders(staged, after);
  res[kEventResHeaders] = staged;
}
function mergeStagedHeaders(target, source) {
  for (const [name, value] of source) if (name === "set-cookie") target.append(name, value);
  else if (name === "vary" && target.has("vary")) appendVary(target, value);
  else target.set(name, value);
}
function appendVary(headers, value) {
  const names = headers.get("vary").split(",").map((name) => name.trim());
  const known = new Set(names.map((name) => name.toLowerCase()));
  for (const name of value.split(",")) {
    const trimmed = name.trim();
    if (trimmed && !known.has(trimmed.toLowerCase())) {
      known.add(trimmed.toLowerCase());
      names.push(trimmed);
    }
  }
  headers.set("vary", names.filter(Boolean).join(", "));
}
var RE_PRIVATE = /(?:^|,)\s*(?:private|no-store)(?:\s*=|\s*,|\s*$)/i;
var RE_PUBLIC = /(?:^|,)\s*public(?:\s*=|\s*,|\s*$)/i;
function handleCacheHeaders(event, opts) {
  const cacheControls = [...opts.cacheControls || []];
  const joined = cacheControls.join(",");
  const isPrivate = RE_PRIVATE.test(joined);
  if (!isPrivate && !RE_PUBLIC.test(joined)) cacheControls.unshift("public");
  if (opts.maxAge !== void 0) {
    cacheControls.push(`max-age=${+opts.maxAge}`);
    if (!isPrivate) cacheControls.push(`s-maxage=${+opts.maxAge}`);
  }
  if (opts.etag) event.res.headers.set("etag", opts.etag);
  let lastModified;
  if (opts.modifiedTime) {
    lastModified = new Date(opts.modifiedTime);
    lastModified.setMilliseconds(0);
    event.res.headers.set("last-modified", lastModified.toUTCString());
  }
  event.res.headers.set("cache-control", cacheControls.join(", "));
  if (isCacheMatch(event.req.headers, {
    etag: opts.etag,
    lastModified,
    ifNoneMatch: opts.ifNoneMatch,
    ifModifiedSince: opts.ifModifiedSince
  })) {
    event.res.status = 304;
    return true;
  }
  return false;
}
function withCacheIsolation(handler) {
  async function _handlerWithCacheIsolation(event) {
    const cacheControl = getStagedHeader(event, "cache-control");
    const privateCacheControl = cacheControl !== null && RE_PRIVATE.test(cacheControl) ? cacheControl : void 0;
    const staged = detachStagedHeaders(event);
    let res;
    try {
      res = await handler(event);
    } catch (error) {
      if (staged) reattachStagedHeaders(event, staged);
      throw error;
    }
    if (privateCacheControl) event.res.headers.set("cache-control", privateCacheControl);
    if (!staged) return res;
    if (res instanceof Response) return withStagedHeaders(res, staged);
    reattachStagedHeaders(event, staged);
    return res;
  }
  return Object.assign(_handlerWithCacheIsolation, handler);
}

// node_modules/h3/dist/cors.mjs
var textEncoder = /* @__PURE__ */ new TextEncoder();
var textDecoder = /* @__PURE__ */ new TextDecoder();
var base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
function base64Encode(data) {
  const buff = validateBinaryLike(data);
  if (globalThis.Buffer) return globalThis.Buffer.from(buff).toString("base64url");
  let result = "";
  let i;
  const len = buff.length;
  for (i = 2; i < len; i += 3) result += base64Chars[buff[i - 2] >> 2] + base64Chars[(buff[i - 2] & 3) << 4 | buff[i - 1] >> 4] + base64Chars[(buff[i - 1] & 15) << 2 | buff[i] >> 6] + base64Chars[buff[i] & 63];
  if (i === len + 1) result += base64Chars[buff[i - 2] >> 2] + base64Chars[(buff[i - 2] & 3) << 4];
  if (i === len) result += base64Chars[buff[i - 2] >> 2] + base64Chars[(buff[i - 2] & 3) << 4 | buff[i - 1] >> 4] + base64Chars[(buff[i - 1] & 15) << 2];
  return result;
}
function base64Decode(b64Url) {
  if (globalThis.Buffer) return new Uint8Array(globalThis.Buffer.from(b64Url, "base64url"));
  const b64 = b64Url.replace(/-/g, "+").replace(/_/g, "/");
  const binString = atob(b64);
  const size = binString.length;
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = binString.charCodeAt(i);
  return bytes;
}
function validateBinaryLike(source) {
  if (typeof source === "string") return textEncoder.encode(source);
  else if (source instanceof Uint8Array) return source;
  else if (source instanceof ArrayBuffer) return new Uint8Array(source);
  throw new TypeError(`The input must be a Uint8Array, a string, or an ArrayBuffer.`);
}
function serializeIterableValue(value) {
  switch (typeof value) {
    case "string":
      return textEncoder.encode(value);
    case "boolean":
    case "number":
    case "bigint":
    case "symbol":
      return textEncoder.encode(value.toString());
    case "object":
      if (value instanceof Uint8Array) return value;
      return textEncoder.encode(JSON.stringify(value));
  }
  return /* @__PURE__ */ new Uint8Array();
}
function coerceIterable(iterable2) {
  if (typeof iterable2 === "function") iterable2 = iterable2();
  if (Symbol.iterator in iterable2) return iterable2[Symbol.iterator]();
  if (Symbol.asyncIterator in iterable2) return iterable2[Symbol.asyncIterator]();
  return iterable2;
}
function onDispose2(event, cb) {
  onDispose(event, cb);
}
function noContent(status = 204) {
  return new HTTPResponse(null, {
    status,
    statusText: STATUS_TEXT[status]
  });
}
function redirect(location, status = 302, statusText) {
  const body = `<html><head><meta http-equiv="refresh" content="0; url=${escapeHtml(location)}" /></head></html>`;
  return new HTTPResponse(body, {
    status,
    statusText: statusText ?? STATUS_TEXT[status],
    headers: {
      "content-type": "text/html; charset=utf-8",
      location
    }
  });
}
function redirectBack(event, opts = {}) {
  const referer = event.req.headers.get("referer");
  let location = opts.fallback ?? "/";
  if (referer && URL.canParse(referer)) {
    const refererURL = new URL(referer);
    if (refererURL.origin === event.url.origin) {
      let pathname = refererURL.pathname;
      if (pathname.startsWith("//")) pathname = "/" + pathname.replace(/^\/+/, "");
      location = pathname + (opts.allowQuery ? refererURL.search : "");
    }
  }
  return redirect(location, opts.status);
}
function writeEarlyHints(event, hints) {
  const linkValues = [];
  for (const [name, value] of Object.entries(hints)) if (name.toLowerCase() === "link") {
    for (const v of Array.isArray(value) ? value : [value]) if (v) linkValues.push(v);
  }
  if (event.runtime?.node?.res?.writeEarlyHints) {
    if (linkValues.length === 0) return Promise.resolve();
    const normalizedHints = { link: linkValues };
    for (const [name, value] of Object.entries(hints)) if (name.toLowerCase() !== "link") normalizedHints[name] = value;
    return new Promise((resolve) => {
      event.runtime?.node?.res?.writeEarlyHints(normalizedHints, () => resolve());
    });
  }
  for (const v of linkValues) event.res.headers.append("link", v);
}
async function iterable(iterable2, options) {
  const serializer = options?.serializer ?? serializeIterableValue;
  const iterator = coerceIterable(iterable2);
  let first = await iterator.next();
  return new HTTPResponse(new ReadableStream({
    async pull(controller) {
      const { value, done } = first ?? await iterator.next();
      first = void 0;
      if (value !== void 0) {
        const chunk = serializer(value);
        if (chunk !== void 0) controller.enqueue(chunk);
      }
      if (done) controller.close();
    },
    cancel() {
      iterator.return?.();
    }
  }));
}
function html(first, ...values) {
  let body;
  if (typeof first === "string") {
    body = escapeHtml(first);
    if (body !== first && html._isWarned !== true) {
      html._isWarned = true;
      console.warn("[h3] `html()` received a plain string containing HTML characters and escaped it. Use the html`` tagged template for dynamic values, or wrap trusted markup with `raw()`.");
    }
  } else if (isRawHTML(first)) body = first.value;
  else body = first.reduce((out, str, i) => {
    const value = values[i];
    const rendered = value == null ? "" : isRawHTML(value) ? value.value : escapeHtml(String(value));
    return out + str + rendered;
  }, "");
  return new HTTPResponse(body, { headers: { "content-type": "text/html; charset=utf-8" } });
}
function raw(value) {
  return {
    [kRawHTML]: true,
    value
  };
}
var kRawHTML = /* @__PURE__ */ Symbol("h3.rawHTML");
function isRawHTML(value) {
  return typeof value === "object" && value !== null && value[kRawHTML] === true;
}
var STATUS_TEXT = {
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  307: "Temporary Redirect",
  308: "Permanent Redirect"
};
var HTML_ESCAPES = {
  "&": "&amp;",
  '"': "&quot;",
  "'": "&#39;",
  "<": "&lt;",
  ">": "&gt;"
};
function escapeHtml(str) {
  return str.replace(/[&"'<>]/g, (c) => HTML_ESCAPES[c]);
}
function resolveCorsOptions(options = {}) {
  const defaultOptions = {
    origin: "*",
    methods: "*",
    allowHeaders: "*",
    exposeHeaders: "*",
    credentials: false,
    maxAge: false,
    preflight: { statusCode: 204 }
  };
  const resolved = {
    ...defaultOptions,
    ...options,
    preflight: {
      ...defaultOptions.preflight,
      ...options.preflight
    }
  };
  if (resolved.credentials && resolved.origin === "*") warnOnce("[h3] CORS: `credentials: true` with wildcard origin is not allowed. Browsers will reject the response.");
  if (resolved.credentials && (resolved.origin === "null" || Array.isArray(resolved.origin) && resolved.origin.includes("null"))) warnOnce('[h3] CORS: `credentials: true` with a `"null"` origin is dangerous. Any sandboxed iframe, `data:`/`file:` document, or opaque origin sends `Origin: null`, so credentials would be shared across untrusted contexts.');
  if (resolved.credentials && resolved.exposeHeaders === "*") warnOnce("[h3] CORS: `credentials: true` with wildcard `exposeHeaders` has no effect. Browsers treat `*` literally on credentialed requests — list the headers explicitly.");
  return resolved;
}
function isCorsOriginAllowed(origin, options) {
  const { origin: originOption } = options;
  if (!origin) return false;
  if (!originOption || originOption === "*") return true;
  if (typeof originOption === "function") return originOption(origin);
  if (Array.isArray(originOption)) return originOption.some((_origin) => {
    if (_origin instanceof RegExp) return origin.search(_origin) !== -1;
    return origin === _origin;
  });
  return originOption === origin;
}
function createOriginHeaders(event, options) {
  const { origin: originOption } = options;
  const origin = event.req.headers.get("origin");
  if (!originOption || originOption === "*") return { "access-control-allow-origin": "*" };
  if (isCorsOriginAllowed(origin, options)) return {
    "access-control-allow-origin": origin,
    vary: "origin"
  };
  return { vary: "origin" };
}
function createMethodsHeaders(event, options) {
  const { methods, credentials } = options;
  if (!methods) return {};
  if (methods === "*") {
    if (credentials) {
      const requestMethod = event.req.headers.get("access-control-request-method");
      return requestMethod ? {
        "access-control-allow-methods": requestMethod,
        vary: "access-control-request-method"
      } : {};
    }
    return { "access-control-allow-methods": "*" };
  }
  return methods.length > 0 ? { "access-control-allow-methods": methods.join(",") } : {};
}
function createCredentialsHeaders(options) {
  const { credentials } = options;
  if (credentials) return { "access-control-allow-credentials": "true" };
  return {};
}
function createAllowHeaderHeaders(event, options) {
  const { allowHeaders } = options;
  if (!allowHeaders || allowHeaders === "*" || allowHeaders.length === 0) {
    const header = event.req.headers.get("access-control-request-headers");
    return header ? {
      "access-control-allow-headers": header,
      vary: "access-control-request-headers"
    } : { vary: "access-control-request-headers" };
  }
  return {
    "access-control-allow-headers": allowHeaders.join(","),
    vary: "access-control-request-headers"
  };
}
function createExposeHeaders(options) {
  const { exposeHeaders, credentials } = options;
  if (!exposeHeaders) return {};
  if (exposeHeaders === "*") return credentials ? {} : { "access-control-expose-headers": exposeHeaders };
  return { "access-control-expose-headers": exposeHeaders.join(",") };
}
function createMaxAgeHeader(options) {
  const { maxAge } = options;
  if (maxAge) return { "access-control-max-age": maxAge };
  return {};
}
var warnedMessages;
function warnOnce(message) {
  warnedMessages ??= /* @__PURE__ */ new Set();
  if (warnedMessages.has(message)) return;
  warnedMessages.add(message);
  console.warn(message);
}
function isPreflightRequest(event) {
  const origin = event.req.headers.get("origin");
  const accessControlRequestMethod = event.req.headers.get("access-control-request-method");
  return event.req.method === "OPTIONS" && !!origin && !!accessControlRequestMethod;
}
function appendCorsPreflightHeaders(event, options) {
  const headerGroups = [
    createOriginHeaders(event, options),
    createCredentialsHeaders(options),
    createMethodsHeaders(event, options),
    createAllowHeaderHeaders(event, options),
    createMaxAgeHeader(options)
  ];
  const headers = Object.assign({}, ...headerGroups);
  const varyValues = headerGroups.map((group) => group.vary).filter(Boolean);
  if (varyValues.length > 0) headers.vary = varyValues.join(", ");
  setCorsHeaders(event, headers);
}
function appendCorsHeaders(event, options) {
  setCorsHeaders(event, {
    ...createOriginHeaders(event, options),
    ...createCredentialsHeaders(options),
    ...createExposeHeaders(options)
  });
}
function setCorsHeaders(event, headers) {
  for (const [key, value] of Object.entries(headers)) if (key === "vary") {
    event.res.headers.append(key, value);
    event.res.errHeaders.append(key, value);
  } else {
    event.res.headers.set(key, value);
    event.res.errHeaders.set(key, value);
  }
}
function handleCors(event, options) {
  const _options = resolveCorsOptions(options);
  if (isPreflightRequest(event)) {
    appendCorsPreflightHeaders(event, _options);
    return noContent(_options.preflight.statusCode);
  }
  appendCorsHeaders(event, _options);
  return false;
}

// node_modules/h3/dist/proxy.mjs
var ignoredHeaders = /* @__PURE__ */ new Set([
  "transfer-encoding",
  "accept-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "expect",
  "te",
  "trailer",
  "host",
  "proxy-authorization",
  "proxy-connection"
]);
var framingHeaders = /* @__PURE__ */ new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "proxy-authorization",
  "proxy-connection"
]);
function connectionTokens(connection) {
  return new Set((connection || "").toLowerCase().split(",").map((name) => name.trim()).filter(Boolean));
}
var ignoredResponseHeaders = /* @__PURE__ */ new Set([
  "content-encoding",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-connection",
  "upgrade",
  "trailer",
  "te"
]);
function rewriteCookieProperty(header, map, property) {
  const _map = typeof map === "string" ? { "*": map } : map;
  return header.replace(new RegExp(`(;\\s*${property}=)([^;]+)`, "gi"), (match, prefix, previousValue) => {
    let newValue;
    if (Object.hasOwn(_map, previousValue)) newValue = _map[previousValue];
    else if (Object.hasOwn(_map, "*")) newValue = _map["*"];
    else return match;
    return newValue ? prefix + newValue : "";
  });
}
function applyXForwardedHeaders(headers, event) {
  const merged = headers instanceof Headers ? headers : new Headers(headers);
  const ip = event.req.ip;
  if (ip) {
    const forwardedFor = merged.get("x-forwarded-for");
    merged.set("x-forwarded-for", forwardedFor ? `${forwardedFor}, ${ip}` : ip);
  }
  const proto = event.url.protocol.slice(0, -1);
  merged.set("x-forwarded-proto", proto);
  merged.set("x-forwarded-host", event.url.host);
  merged.set("x-forwarded-port", event.url.port || (proto === "https" ? "443" : "80"));
  return merged;
}
function rewriteLocationHeaders(headers, rewrite, targetOrigin, requestOrigin) {
  const rewriteValue = (value) => rewrite === true ? rewriteOrigin(value, targetOrigin, requestOrigin) : rewritePrefix(value, rewrite);
  const location = headers.get("location");
  if (location) {
    const rewritten = rewriteValue(location);
    if (rewritten) headers.set("location", rewritten);
  }
  const refresh = headers.get("refresh");
  if (refresh) {
    const match = refresh.match(/^(\s*(?:[\d.]+\s*[;,]\s*)?url\s*=\s*)(['"]?)(.*?)\2(\s*)$/i);
    const rewritten = match && rewriteValue(match[3]);
    if (rewritten) headers.set("refresh", match[1] + match[2] + rewritten + match[2] + match[4]);
  }
}
function rewriteOrigin(value, targetOrigin, requestOrigin) {
  if (!targetOrigin || targetOrigin === requestOrigin) return;
  const url = value.startsWith("//") ? URL.canParse(value, targetOrigin) ? new URL(value, targetOrigin) : void 0 : URL.canParse(value) ? new URL(value) : void 0;
  if (!url || url.origin !== targetOrigin) return;
  return requestOrigin + url.pathname + url.search + url.hash;
}
function rewritePrefix(value, map) {
  for (const prefix of Object.keys(map)) if (value.startsWith(prefix)) return map[prefix] + value.slice(prefix.length);
}
function abortable(run, signal) {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    Promise.resolve(run()).then((value) => {
      signal.removeEventListener("abort", onAbort);
      resolve(value);
    }, (error) => {
      signal.removeEventListener("abort", onAbort);
      reject(error);
    });
  });
}
function mergeHeaders2(defaults2, ...inputs) {
  const _inputs = inputs.filter(Boolean);
  if (_inputs.length === 0) return defaults2;
  const merged = new Headers(defaults2);
  for (const input of _inputs) {
    const entries = Array.isArray(input) ? input : typeof input.entries === "function" ? input.entries() : Object.entries(input);
    for (const [key, value] of entries) if (value !== void 0) merged.set(key, value);
  }
  return merged;
}
async function proxyRequest(event, target, opts = {}) {
  const method = opts.fetchOptions?.method || event.req.method;
  const methodUpper = method.toUpperCase();
  const incomingBody = event.req.body;
  const requestBody = incomingBody != null && methodUpper !== "GET" && methodUpper !== "HEAD" ? incomingBody : void 0;
  const proxyHeaders = getProxyRequestHeaders(event, {
    host: target.startsWith("/"),
    forwardHeaders: opts.forwardHeaders,
    filterHeaders: opts.filterHeaders
  });
  const fetchHeaders = mergeHeaders2(opts.xfwd ? applyXForwardedHeaders(proxyHeaders, event) : proxyHeaders, opts.fetchOptions?.headers, opts.headers);
  if (opts.fetchOptions && "body" in opts.fetchOptions || incomingBody && !requestBody) {
    if (fetchHeaders instanceof Headers) fetchHeaders.delete("content-length");
    else if (!Array.isArray(fetchHeaders)) delete fetchHeaders["content-length"];
  }
  const fetchBody = opts.fetchOptions?.body ?? requestBody;
  return proxy(event, target, {
    ...opts,
    fetchOptions: {
      method,
      body: requestBody,
      ...opts.fetchOptions,
      duplex: opts.fetchOptions?.duplex ?? (fetchBody != null ? "half" : void 0),
      headers: fetchHeaders
    }
  });
}
async function proxy(event, target, opts = {}) {
  const signals = [event.req.signal];
  if (opts.fetchOptions?.signal) signals.push(opts.fetchOptions.signal);
  let timeoutId;
  if (opts.timeout > 0 && Number.isFinite(opts.timeout)) {
    const timeoutController = new AbortController();
    timeoutId = setTimeout(() => timeoutController.abort(new DOMException("Proxy request timed out", "TimeoutError")), Math.min(Math.max(Math.trunc(opts.timeout), 1), 2147483647));
    signals.push(timeoutController.signal);
  }
  const signal = signals.length > 1 ? AbortSignal.any(signals) : signals[0];
  const fetchOptions = {
    headers: opts.headers,
    ...opts.fetchOptions,
    redirect: opts.fetchOptions?.redirect ?? "manual",
    signal
  };
  let response;
  try {
    response = target[0] === "/" ? await abortable(() => event.app.fetch(createSubRequest(event, target, fetchOptions)), signal) : await fetch(target, fetchOptions);
  } catch (error) {
    if ((signal.aborted ? signal.reason : void 0)?.name === "TimeoutError" || error?.name === "TimeoutError") throw new HTTPError({
      status: 504,
      statusText: "Gateway Timeout",
      cause: error
    });
    if (signal.aborted || error?.name === "AbortError") {
      if (opts.propagateAbortError) throw error;
      if (event.req.signal.aborted) return new HTTPResponse(null, {
        status: 499,
        statusText: "Client Closed Request"
      });
    }
    throw new HTTPError("Bad Gateway", {
      status: 502,
      statusText: "Bad Gateway",
      cause: error
    });
  } finally {
    if (timeoutId !== void 0) clearTimeout(timeoutId);
  }
  if (response.type === "opaqueredirect") throw new HTTPError({
    status: 502,
    message: 'Cannot relay an opaque redirect response on this runtime. Set `fetchOptions: { redirect: "follow" }` to follow upstream redirects instead.'
  });
  if (response.type === "opaque" || response.type === "error" || response.status === 0) throw new HTTPError({
    status: 502,
    message: "Cannot relay an opaque or errored upstream response (status 0), typically caused by a `no-cors` request mode on browser/service-worker runtimes."
  });
  const headers = new Headers();
  const connectionNominated = connectionTokens(response.headers.get("connection"));
  for (const [key, value] of response.headers.entries()) {
    if (ignoredResponseHeaders.has(key) || connectionNominated.has(key) || key === "set-cookie") continue;
    headers.append(key, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) {
    const _cookies = cookies.map((cookie) => {
      if (opts.cookieDomainRewrite) cookie = rewriteCookieProperty(cookie, opts.cookieDomainRewrite, "domain");
      if (opts.cookiePathRewrite) cookie = rewriteCookieProperty(cookie, opts.cookiePathRewrite, "path");
      return cookie;
    });
    for (const cookie of _cookies) headers.append("set-cookie", cookie);
  }
  const locationRewrite = opts.locationRewrite ?? true;
  if (locationRewrite !== false && (locationRewrite !== true || target[0] !== "/")) rewriteLocationHeaders(headers, locationRewrite, target[0] === "/" ? void 0 : new URL(target).origin, event.url.origin);
  if (opts.onResponse) await opts.onResponse(event, response);
  return new HTTPResponse(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers
  });
}
function getProxyRequestHeaders(event, opts) {
  const headers = new NullProtoObj();
  const filterHeaders = opts?.filterHeaders?.map((h) => h.toLowerCase());
  const forwardHeaders = opts?.forwardHeaders?.map((h) => h.toLowerCase());
  const connectionNominated = connectionTokens(event.req.headers.get("connection"));
  for (const [name, value] of event.req.headers.entries()) {
    if (filterHeaders?.includes(name)) continue;
    if (forwardHeaders?.includes(name) && !framingHeaders.has(name) && !connectionNominated.has(name)) {
      headers[name] = value;
      continue;
    }
    if (connectionNominated.has(name)) continue;
    if (!ignoredHeaders.has(name) || name === "host" && opts?.host) {
      headers[name] = value;
      continue;
    }
  }
  return headers;
}
async function fetchWithEvent(event, url, init) {
  if (url[0] !== "/") {
    if (init?.body != null && init.duplex === void 0) init = {
      ...init,
      duplex: "half"
    };
    return fetch(url, init);
  }
  return event.app.fetch(createSubRequest(event, url, {
    ...init,
    headers: mergeHeaders2(getProxyRequestHeaders(event, { host: true }), init?.headers)
  }));
}
function createSubRequest(event, path, init) {
  const url = new URL(path.replace(LEADING_SEPARATOR_RUN_RE, "/"), event.url);
  if (init.body != null && init.duplex === void 0) init = {
    ...init,
    duplex: "half"
  };
  const req = new Request(url, init);
  req.runtime = event.req.runtime;
  req.waitUntil = event.req.waitUntil;
  req.ip = event.req.ip;
  return req;
}
var LEADING_SEPARATOR_RUN_RE = /^(?:[/\\]|[\t\n\r])+/;

// node_modules/h3/dist/path.mjs
var DOT_SEGMENT_SRC = String.raw`(?:^|/)(?:\.|%(?:25)*2e){1,2}(?:/|$)`;
var ENCODED_SEP_SRC = String.raw`%(?:25)*(?:2f|5c)`;
var ENCODED_SEP_RE_G2 = /* @__PURE__ */ new RegExp(ENCODED_SEP_SRC, "gi");
var TRIGGER_RES = /* @__PURE__ */ (() => {
  const base = String.raw`\\|` + DOT_SEGMENT_SRC;
  return [
    new RegExp(base, "i"),
    new RegExp(`${base}|${ENCODED_SEP_SRC}`, "i"),
    new RegExp(`${base}|//`, "i"),
    new RegExp(`${base}|${ENCODED_SEP_SRC}|//`, "i")
  ];
})();
var ENCODED_DOT_RE_G = /%(?:25)*2e/gi;
function resolveDotSegments2(path, opts) {
  if (path[0] !== "/" || path[1] === "/" || path[1] === "\\") path = "/" + path.replace(/^[/\\]+/, "");
  if (isCanonicalPath(path, opts)) return path;
  const decodeSlashes = opts?.decodeSlashes;
  const mergeSlashes = opts?.mergeSlashes;
  let normalized = path.includes("\\") ? path.replaceAll("\\", "/") : path;
  if (decodeSlashes) normalized = normalized.replace(ENCODED_SEP_RE_G2, "/");
  const segments = normalized.split("/");
  const lastIndex = segments.length - 1;
  const resolved = [];
  for (let i = 0; i <= lastIndex; i++) {
    const segment = segments[i];
    const normalizedSegment = segment.includes("%") ? segment.replace(ENCODED_DOT_RE_G, ".") : segment;
    const isDotSegment = normalizedSegment === "." || normalizedSegment === "..";
    if (normalizedSegment === "..") {
      if (resolved.length > 1) resolved.pop();
    } else if (mergeSlashes && normalizedSegment === "" && i > 0 && i < lastIndex) {
    } else if (!isDotSegment) resolved.push(segment);
    if (isDotSegment && i === lastIndex) resolved.push("");
  }
  return (resolved.join("/") || "/").replace(/^\/+/, "/");
}
function isCanonicalPath(path, opts) {
  return path[0] === "/" && path[1] !== "/" && path[1] !== "\\" && !TRIGGER_RES[(opts?.decodeSlashes ? 1 : 0) | (opts?.mergeSlashes ? 2 : 0)].test(path);
}
function normalizeRoute2(route) {
  return normalizeRoute(route);
}

// node_modules/srvx/dist/body-limit.mjs
function limitRequestBody(request, maxRequestBodySize, options) {
  if (!request.body) return request;
  const createError2 = options?.createError ?? createBodyTooLargeError;
  const contentLengthHeader = request.headers.get("content-length");
  const contentLength = contentLengthHeader && /^\d+$/.test(contentLengthHeader) ? Number(contentLengthHeader) : NaN;
  const initiallyUsed = request.bodyUsed;
  const overLimit = contentLength > maxRequestBodySize;
  if (overLimit) request.body.cancel(createError2(maxRequestBodySize)).catch(() => {
  });
  let limited;
  let nativeRequest;
  const limitedBody = () => limited ??= new Response(overLimit ? erroredStream(createError2(maxRequestBodySize)) : limitBodyStream(request.body, maxRequestBodySize, options));
  return new Proxy(request, { get(target, prop) {
    if (prop === "body") return limitedBody().body;
    if (prop === "bodyUsed") return initiallyUsed || (limited?.bodyUsed ?? false);
    if (typeof prop === "string" && bodyReadMethods.has(prop)) return () => limitedBody()[prop]();
    if (prop === "_request" && "_request" in target) return nativeRequest ??= new Request(target.url, {
      method: target.method,
      headers: target.headers,
      signal: target.signal,
      body: limitedBody().body,
      duplex: "half"
    });
    if (prop === "clone") return () => limitRequestBody(target.clone(), maxRequestBodySize, options);
    const value = Reflect.get(target, prop, target);
    return typeof value === "function" ? value.bind(target) : value;
  } });
}
function limitBodyStream(stream, maxRequestBodySize, options) {
  const createError2 = options?.createError ?? createBodyTooLargeError;
  const reader = stream.getReader();
  let size = 0;
  return new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      size += value.byteLength;
      if (size > maxRequestBodySize) {
        const error = createError2(maxRequestBodySize);
        reader.cancel(error).catch(() => {
        });
        controller.error(error);
        return;
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    }
  });
}
var bodyReadMethods = /* @__PURE__ */ new Set([
  "arrayBuffer",
  "blob",
  "bytes",
  "formData",
  "json",
  "text"
]);
var BodyTooLargeError = class extends Error {
  constructor() {
    super(...arguments);
    __publicField(this, "code", "ERR_BODY_TOO_LARGE");
    __publicField(this, "statusCode", 413);
    __publicField(this, "status", 413);
    __publicField(this, "statusText", "Content Too Large");
  }
  get name() {
    return "HTTPError";
  }
  toJSON() {
    return {
      status: this.status,
      statusText: this.statusText,
      message: this.message
    };
  }
};
function createBodyTooLargeError(maxRequestBodySize) {
  return new BodyTooLargeError(`Request body exceeds the maximum allowed size of ${maxRequestBodySize} bytes.`);
}
function erroredStream(error) {
  return new ReadableStream({ start(controller) {
    controller.error(error);
  } });
}

// node_modules/h3/dist/h3.mjs
var import_meta = {};
function freezeApp(app) {
  app.config = Object.freeze(app.config);
  app["~addRoute"] = () => {
    throw new Error("Cannot add routes after the server init.");
  };
}
function definePlugin(def) {
  return ((opts) => (h3) => def(h3, opts));
}
function toWebHandler(app) {
  return (request, context) => {
    return Promise.resolve(app.request(request, void 0, context || request.context));
  };
}
function fromWebHandler(handler) {
  return function _webHandler(event) {
    return handler(event.req, event.context);
  };
}
function fromNodeHandler(handler) {
  if (typeof handler !== "function") throw new TypeError(`Invalid handler. It should be a function: ${handler}`);
  return function _nodeHandler(event) {
    const node = event.runtime?.node;
    if (!node?.res) throw new Error("[h3] Executing Node.js middleware is not supported in this server!");
    const url = event.url.pathname + event.url.search;
    if (node.req.url === url) return callNodeHandler(handler, node.req, node.res, event);
    const originalUrl = node.req.url;
    node.req.url = url;
    return callNodeHandler(handler, node.req, node.res, event).finally(() => {
      node.req.url = originalUrl;
    });
  };
}
function defineNodeHandler(handler) {
  return handler;
}
function defineNodeMiddleware(handler) {
  return handler;
}
function callNodeHandler(handler, req, res, event) {
  const isMiddleware = handler.length > 2;
  return new Promise((resolve, reject) => {
    res.once("close", () => resolve(kHandled));
    res.once("finish", () => resolve(kHandled));
    res.once("error", (error) => reject(error));
    res.once("pipe", (stream) => {
      resolve(new Promise((resolve2, reject2) => {
        const onResClose = () => {
          stream.destroy();
          resolve2(kHandled);
        };
        const settle = (cb) => {
          res.removeListener("close", onResClose);
          cb();
        };
        const onStreamClose = () => settle(() => resolve2(kHandled));
        stream.once("close", onStreamClose);
        stream.once("error", (error) => settle(() => {
          stream.removeListener("close", onStreamClose);
          console.error("[h3] Stream error in Node.js handler", { cause: error });
          const config = event.app?.config;
          const onError2 = config?.onError;
          if (!onError2) return reject2(kHandled);
          Promise.resolve().then(() => onError2(new HTTPError({
            cause: error,
            unhandled: true
          }), event)).catch((hookError) => {
            if (!config.silent) console.error(hookError);
          }).finally(() => reject2(kHandled));
        }));
        if (res.closed || res.destroyed) onResClose();
        else res.once("close", onResClose);
      }));
    });
    try {
      if (isMiddleware) Promise.resolve(handler(req, res, (error) => error ? reject(new HTTPError({
        cause: error,
        unhandled: true
      })) : resolve(void 0))).catch((error) => reject(new HTTPError({
        cause: error,
        unhandled: true
      })));
      else return Promise.resolve(handler(req, res)).then(() => resolve(kHandled)).catch((error) => reject(new HTTPError({
        cause: error,
        unhandled: true
      })));
    } catch (error) {
      reject(new HTTPError({
        cause: error,
        unhandled: true
      }));
    }
  });
}
function defineRoute(def) {
  const handler = defineValidatedHandler(def);
  return (h3) => {
    h3.on(def.method, def.route, handler);
  };
}
function removeRoute$1(app, method, route) {
  const _method = method ? method.toUpperCase() : "";
  route = normalizeRoute(route);
  const routes = app["~routes"];
  const kept = routes.filter((r) => !(r.route === route && (r.method || "") === _method));
  if (kept.length === routes.length) {
    removeRoute(app["~rou3"], _method, route);
    return;
  }
  app["~routes"] = kept;
  const rou3 = app["~rou3"];
  if (rou3) {
    const rebuilt = createRouter();
    for (const r of kept) addRoute(rebuilt, r.method || "", r.route, r);
    rou3.root = rebuilt.root;
    rou3.static = rebuilt.static;
  }
}
function appendAcceptQuery(event, mediaTypes) {
  const list = Array.isArray(mediaTypes) ? mediaTypes : [mediaTypes];
  if (list.length === 0) return;
  const value = list.map(serializeMediaType).join(", ");
  event.res.headers.append("accept-query", value);
}
function requireContentType(event, acceptedTypes) {
  const header = event.req.headers.get("content-type");
  if (!header) throw new HTTPError({
    status: 400,
    statusText: "Bad Request",
    message: "Content-Type header is required"
  });
  const mediaType = header.split(";")[0].trim().toLowerCase();
  const slash = mediaType.indexOf("/");
  if (slash <= 0 || slash === mediaType.length - 1) throw new HTTPError({
    status: 422,
    statusText: "Unprocessable Content",
    message: "Malformed Content-Type header"
  });
  const accepted = Array.isArray(acceptedTypes) ? acceptedTypes : [acceptedTypes];
  if (accepted.some((type) => mediaTypeMatches(mediaType, type.split(";")[0].trim().toLowerCase()))) return mediaType;
  throw new HTTPError({
    status: 415,
    statusText: "Unsupported Media Type",
    message: `Unsupported Content-Type: ${mediaType}. Expected one of: ${accepted.join(", ")}`
  });
}
var SF_TOKEN_RE = /^[A-Za-z*][\w!#$%&'*+.^`|~:/-]*$/;
var SF_KEY_RE = /^[a-z*][a-z0-9_.*-]*$/;
function serializeMediaType(mediaType) {
  const parts = splitOutsideQuotes(mediaType, ";");
  const base = parts[0].trim();
  if (!SF_TOKEN_RE.test(base)) throw new TypeError(`Invalid media type: ${JSON.stringify(mediaType)}`);
  let result = base;
  for (let i = 1; i < parts.length; i++) {
    const param = parts[i].trim();
    if (!param) continue;
    const eq = param.indexOf("=");
    const key = (eq === -1 ? param : param.slice(0, eq)).trim().toLowerCase();
    if (!SF_KEY_RE.test(key)) throw new TypeError(`Invalid media type parameter: ${JSON.stringify(param)}`);
    result += eq === -1 ? `;${key}` : `;${key}="${escapeQuotes(unquote(param.slice(eq + 1).trim()))}"`;
  }
  return result;
}
function mediaTypeMatches(mediaType, accepted) {
  if (accepted === "*/*" || accepted === "*") return true;
  if (accepted === mediaType) return true;
  if (accepted.endsWith("/*")) return mediaType.startsWith(accepted.slice(0, -1));
  return false;
}
function splitOutsideQuotes(input, sep) {
  const parts = [];
  let current = "";
  let inQuotes = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (inQuotes) {
      current += ch;
      if (ch === "\\" && i + 1 < input.length) current += input[++i];
      else if (ch === '"') inQuotes = false;
    } else if (ch === '"') {
      inQuotes = true;
      current += ch;
    } else if (ch === sep) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
}
function escapeQuotes(value) {
  return value.replace(/[\\"]/g, "\\$&");
}
function unquote(value) {
  if (value.length >= 2 && value[0] === '"' && value.endsWith('"')) return value.slice(1, -1).replace(/\\(.)/g, "$1");
  return value;
}
function parseURLEncodedBody(body) {
  return collectEntries(new URLSearchParams(body).entries());
}
function parseFormData(form) {
  return collectEntries(form.entries());
}
function collectEntries(entries) {
  const parsed = new NullProtoObj();
  for (const [key, value] of entries) if (hasProp(parsed, key)) {
    if (!Array.isArray(parsed[key])) parsed[key] = [parsed[key]];
    parsed[key].push(value);
  } else parsed[key] = value;
  return parsed;
}
async function readBody(event, options) {
  const contentType = (event.req.headers.get("content-type") || "").toLowerCase();
  const type = options?.type;
  if (type === "formData") {
    let form;
    try {
      form = await event.req.formData();
    } catch (error) {
      if (HTTPError.isError(error)) throw error;
      throw new HTTPError({
        status: 400,
        statusText: "Bad Request",
        message: "Invalid form data body"
      });
    }
    return parseFormData(form);
  }
  const text = await event.req.text();
  if (type === "text") return text;
  if (!text) return;
  if (type === "urlencoded" || !type && contentType.startsWith("application/x-www-form-urlencoded")) return parseURLEncodedBody(text);
  try {
    return JSON.parse(text);
  } catch {
    throw new HTTPError({
      status: 400,
      statusText: "Bad Request",
      message: "Invalid JSON body"
    });
  }
}
async function readValidatedBody(event, validate, options) {
  const _body = await readBody(event, options);
  return validateData(_body, validate, options);
}
function assertBodySize(event, limit) {
  const req = event.req;
  if (!req.body) return;
  const contentLength = req.headers.get("content-length");
  if (contentLength) {
    if (req.headers.get("transfer-encoding")) throw new HTTPError({ status: 400 });
    if (+contentLength > limit) throw bodyTooLargeError(limit);
  }
  event.req = limitRequestBody(req, limit, { createError: () => bodyTooLargeError(limit) });
}
function bodyTooLargeError(limit) {
  return new HTTPError({
    status: 413,
    statusText: "Request Entity Too Large",
    message: `Request body size exceeds the limit of ${limit} bytes`
  });
}
function onRequest(hook) {
  return async function _onRequestMiddleware(event) {
    await hook(event);
  };
}
function onResponse(hook) {
  return async function _onResponseMiddleware(event, next) {
    const rawBody = await next();
    const response = await toResponse(rawBody, event);
    return await hook(response, event) || response;
  };
}
function onError(hook) {
  return async (event, next) => {
    try {
      return await next();
    } catch (rawError) {
      if (rawError === kHandled) throw rawError;
      const isHTTPError = HTTPError.isError(rawError);
      const error = isHTTPError ? rawError : new HTTPError(rawError);
      if (!isHTTPError) {
        error.unhandled = true;
        if (rawError?.stack) error.stack = rawError.stack;
      }
      const hookResponse = await hook(error, event);
      if (hookResponse !== void 0) return hookResponse;
      throw error;
    }
  };
}
function bodyLimit(limit) {
  return (event, next) => {
    assertBodySize(event, limit);
    return next();
  };
}
var COOKIE_MAX_AGE_LIMIT = 3456e4;
function endIndex(str, min, len) {
  const index = str.indexOf(";", min);
  return index === -1 ? len : index;
}
function eqIndex(str, min, max) {
  const index = str.indexOf("=", min);
  return index < max ? index : -1;
}
function valueSlice(str, min, max) {
  if (min === max) return "";
  let start = min;
  let end = max;
  do {
    const code = str.charCodeAt(start);
    if (code !== 32 && code !== 9) break;
  } while (++start < end);
  while (end > start) {
    const code = str.charCodeAt(end - 1);
    if (code !== 32 && code !== 9) break;
    end--;
  }
  return str.slice(start, end);
}
var NullObject = /* @__PURE__ */ (() => {
  const C = function() {
  };
  C.prototype = /* @__PURE__ */ Object.create(null);
  return C;
})();
function parse(str, options) {
  const obj = new NullObject();
  const len = str.length;
  if (len < 2) return obj;
  const dec = options?.decode || decode;
  const allowMultiple = options?.allowMultiple || false;
  let index = 0;
  do {
    const eqIdx = eqIndex(str, index, len);
    if (eqIdx === -1) break;
    const endIdx = endIndex(str, index, len);
    if (eqIdx > endIdx) {
      index = str.lastIndexOf(";", eqIdx - 1) + 1;
      continue;
    }
    const key = valueSlice(str, index, eqIdx);
    if (options?.filter && !options.filter(key)) {
      index = endIdx + 1;
      continue;
    }
    const val = dec(valueSlice(str, eqIdx + 1, endIdx));
    if (allowMultiple) {
      const existing = obj[key];
      if (existing === void 0) obj[key] = val;
      else if (Array.isArray(existing)) existing.push(val);
      else obj[key] = [existing, val];
    } else if (obj[key] === void 0) obj[key] = val;
    index = endIdx + 1;
  } while (index < len);
  return obj;
}
function decode(str) {
  if (!str.includes("%")) return str;
  try {
    return decodeURIComponent(str);
  } catch {
    return str;
  }
}
var cookieNameRegExp = /^[\u0021-\u003A\u003C\u003E-\u007E]+$/;
var cookieValueRegExp = /^[\u0021-\u003A\u003C-\u007E]*$/;
var domainValueRegExp = /^([.]?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)([.][a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
var pathValueRegExp = /^[\u0020-\u003A\u003C-\u007E]*$/;
var __toString = Object.prototype.toString;
function serialize(_a0, _a1, _a22) {
  const isObj = typeof _a0 === "object" && _a0 !== null;
  const options = isObj ? _a1 : _a22;
  const stringify = options?.stringify || JSON.stringify;
  const cookie = isObj ? _a0 : {
    ..._a22,
    name: _a0,
    value: _a1 == void 0 ? "" : typeof _a1 === "string" ? _a1 : stringify(_a1)
  };
  const enc = options?.encode || encodeURIComponent;
  if (!cookieNameRegExp.test(cookie.name)) throw new TypeError(`argument name is invalid: ${cookie.name}`);
  const value = cookie.value ? enc(cookie.value) : "";
  if (!cookieValueRegExp.test(value)) throw new TypeError(`argument val is invalid: ${cookie.value}`);
  if (!cookie.secure) {
    if (cookie.partitioned) throw new TypeError(`Partitioned cookies must have the Secure attribute`);
    if (cookie.sameSite && String(cookie.sameSite).toLowerCase() === "none") throw new TypeError(`SameSite=None cookies must have the Secure attribute`);
    if (cookie.name.length > 9 && cookie.name.charCodeAt(0) === 95 && cookie.name.charCodeAt(1) === 95) {
      const nameLower = cookie.name.toLowerCase();
      if (nameLower.startsWith("__secure-") || nameLower.startsWith("__host-")) throw new TypeError(`${cookie.name} cookies must have the Secure attribute`);
    }
  }
  if (cookie.name.length > 7 && cookie.name.charCodeAt(0) === 95 && cookie.name.charCodeAt(1) === 95 && cookie.name.toLowerCase().startsWith("__host-")) {
    if (cookie.path !== "/") throw new TypeError(`__Host- cookies must have Path=/`);
    if (cookie.domain) throw new TypeError(`__Host- cookies must not have a Domain attribute`);
  }
  let str = cookie.name + "=" + value;
  if (cookie.maxAge !== void 0) {
    if (!Number.isInteger(cookie.maxAge)) throw new TypeError(`option maxAge is invalid: ${cookie.maxAge}`);
    str += "; Max-Age=" + Math.max(0, Math.min(cookie.maxAge, COOKIE_MAX_AGE_LIMIT));
  }
  if (cookie.domain) {
    if (!domainValueRegExp.test(cookie.domain)) throw new TypeError(`option domain is invalid: ${cookie.domain}`);
    str += "; Domain=" + cookie.domain;
  }
  if (cookie.path) {
    if (!pathValueRegExp.test(cookie.path)) throw new TypeError(`option path is invalid: ${cookie.path}`);
    str += "; Path=" + cookie.path;
  }
  if (cookie.expires) {
    if (!isDate(cookie.expires) || !Number.isFinite(cookie.expires.valueOf())) throw new TypeError(`option expires is invalid: ${cookie.expires}`);
    str += "; Expires=" + cookie.expires.toUTCString();
  }
  if (cookie.httpOnly) str += "; HttpOnly";
  if (cookie.secure) str += "; Secure";
  if (cookie.partitioned) str += "; Partitioned";
  if (cookie.priority) switch (typeof cookie.priority === "string" ? cookie.priority.toLowerCase() : void 0) {
    case "low":
      str += "; Priority=Low";
      break;
    case "medium":
      str += "; Priority=Medium";
      break;
    case "high":
      str += "; Priority=High";
      break;
    default:
      throw new TypeError(`option priority is invalid: ${cookie.priority}`);
  }
  if (cookie.sameSite) switch (typeof cookie.sameSite === "string" ? cookie.sameSite.toLowerCase() : cookie.sameSite) {
    case true:
    case "strict":
      str += "; SameSite=Strict";
      break;
    case "lax":
      str += "; SameSite=Lax";
      break;
    case "none":
      str += "; SameSite=None";
      break;
    default:
      throw new TypeError(`option sameSite is invalid: ${cookie.sameSite}`);
  }
  return str;
}
function isDate(val) {
  return __toString.call(val) === "[object Date]";
}
var maxAgeRegExp = /^-?\d+$/;
var _nullProto = /* @__PURE__ */ Object.getPrototypeOf({});
function parseSetCookie(str, options) {
  const len = str.length;
  let _endIdx = len;
  let eqIdx = -1;
  for (let i = 0; i < len; i++) {
    const c = str.charCodeAt(i);
    if (c === 59) {
      _endIdx = i;
      break;
    }
    if (c === 61 && eqIdx === -1) eqIdx = i;
  }
  if (eqIdx >= _endIdx) eqIdx = -1;
  const name = eqIdx === -1 ? "" : _trim(str, 0, eqIdx);
  if (name && name in _nullProto) return void 0;
  let value = eqIdx === -1 ? _trim(str, 0, _endIdx) : _trim(str, eqIdx + 1, _endIdx);
  if (!name && !value) return void 0;
  if (name.length + value.length > 4096) return void 0;
  if (options?.decode !== false) value = _decode(value, options?.decode);
  const setCookie2 = {
    name,
    value
  };
  let index = _endIdx + 1;
  while (index < len) {
    let endIdx = len;
    let attrEqIdx = -1;
    for (let i = index; i < len; i++) {
      const c = str.charCodeAt(i);
      if (c === 59) {
        endIdx = i;
        break;
      }
      if (c === 61 && attrEqIdx === -1) attrEqIdx = i;
    }
    if (attrEqIdx >= endIdx) attrEqIdx = -1;
    const attr = attrEqIdx === -1 ? _trim(str, index, endIdx) : _trim(str, index, attrEqIdx);
    const val = attrEqIdx === -1 ? void 0 : _trim(str, attrEqIdx + 1, endIdx);
    if (val === void 0 || val.length <= 1024) switch (attr.toLowerCase()) {
      case "httponly":
        setCookie2.httpOnly = true;
        break;
      case "secure":
        setCookie2.secure = true;
        break;
      case "partitioned":
        setCookie2.partitioned = true;
        break;
      case "domain":
        if (val) setCookie2.domain = (val.charCodeAt(0) === 46 ? val.slice(1) : val).toLowerCase();
        break;
      case "path":
        setCookie2.path = val;
        break;
      case "max-age":
        if (val && maxAgeRegExp.test(val)) setCookie2.maxAge = Math.min(Number(val), COOKIE_MAX_AGE_LIMIT);
        break;
      case "expires": {
        if (!val) break;
        const date = new Date(val);
        if (Number.isFinite(date.valueOf())) {
          const maxDate = new Date(Date.now() + COOKIE_MAX_AGE_LIMIT * 1e3);
          setCookie2.expires = date > maxDate ? maxDate : date;
        }
        break;
      }
      case "priority": {
        if (!val) break;
        const priority = val.toLowerCase();
        if (priority === "low" || priority === "medium" || priority === "high") setCookie2.priority = priority;
        break;
      }
      case "samesite": {
        if (!val) break;
        const sameSite = val.toLowerCase();
        if (sameSite === "lax" || sameSite === "strict" || sameSite === "none") setCookie2.sameSite = sameSite;
        else setCookie2.sameSite = "lax";
        break;
      }
      default: {
        const attrLower = attr.toLowerCase();
        if (attrLower && !(attrLower in _nullProto)) setCookie2[attrLower] = val;
      }
    }
    index = endIdx + 1;
  }
  return setCookie2;
}
function _trim(str, start, end) {
  if (start === end) return "";
  let s = start;
  let e = end;
  while (s < e && (str.charCodeAt(s) === 32 || str.charCodeAt(s) === 9)) s++;
  while (e > s && (str.charCodeAt(e - 1) === 32 || str.charCodeAt(e - 1) === 9)) e--;
  return str.slice(s, e);
}
function _decode(value, decode2) {
  if (!decode2 && !value.includes("%")) return value;
  try {
    return (decode2 || decodeURIComponent)(value);
  } catch {
    return value;
  }
}
var CHUNKED_COOKIE = "__chunked__";
var CHUNKS_MAX_LENGTH = 4e3;
function parseCookies(event) {
  return parse(event.req.headers.get("cookie") || "");
}
function getValidatedCookies(event, validate, options) {
  const cookies = parseCookies(event);
  return validateData(cookies, validate, options);
}
function getCookie(event, name) {
  return parseCookies(event)[name];
}
function setCookie(event, name, value, options) {
  const { encode, stringify, ...attrs } = options ?? {};
  const newCookie = serialize({
    name,
    value,
    path: "/",
    ...attrs
  }, {
    encode,
    stringify
  });
  const currentCookies = event.res.headers.getSetCookie();
  if (currentCookies.length === 0) {
    event.res.headers.set("set-cookie", newCookie);
    return;
  }
  const namePrefix = `${name}=`;
  if (!currentCookies.some((cookie) => cookie.startsWith(namePrefix))) {
    event.res.headers.append("set-cookie", newCookie);
    return;
  }
  const newCookieKey = _getDistinctCookieKey(name, options || {});
  event.res.headers.delete("set-cookie");
  for (const cookie of currentCookies) {
    const parsed = parseSetCookie(cookie);
    if (parsed ? _getDistinctCookieKey(cookie.split("=")?.[0], parsed) === newCookieKey : cookie.startsWith(namePrefix)) continue;
    event.res.headers.append("set-cookie", cookie);
  }
  event.res.headers.append("set-cookie", newCookie);
}
function deleteCookie(event, name, serializeOptions) {
  setCookie(event, name, "", {
    ...serializeOptions,
    maxAge: 0
  });
}
function getChunkedCookie(event, name) {
  const cookies = parseCookies(event);
  const mainCookie = cookies[name];
  if (!mainCookie || !mainCookie.startsWith(CHUNKED_COOKIE)) return mainCookie;
  const chunksCount = getChunkedCookieCount(mainCookie);
  if (chunksCount === 0) return;
  const chunks = [];
  for (let i = 1; i <= chunksCount; i++) {
    const chunk = cookies[chunkCookieName(name, i)];
    if (!chunk) return;
    chunks.push(chunk);
  }
  return chunks.join("");
}
function setChunkedCookie(event, name, value, options) {
  const chunkMaxLength = options?.chunkMaxLength || CHUNKS_MAX_LENGTH;
  const chunks = splitCookieValue(value, chunkMaxLength, options?.encode || encodeURIComponent);
  if (!chunks) throw new HTTPError({
    status: 500,
    message: `Cannot set chunked cookie "${name}": a single character does not fit in chunkMaxLength (${chunkMaxLength}) once encoded.`
  });
  const chunkCount = chunks.length;
  if (chunkCount > MAX_CHUNKED_COOKIE_COUNT) throw new HTTPError({
    status: 500,
    message: `Cannot set chunked cookie "${name}": value needs more than ${MAX_CHUNKED_COOKIE_COUNT} chunks.`
  });
  const previousCookie = getCookie(event, name);
  if (previousCookie?.startsWith(CHUNKED_COOKIE)) {
    const previousChunkCount = getChunkedCookieCount(previousCookie);
    const newChunkCount = chunkCount <= 1 ? 0 : chunkCount;
    for (let i = newChunkCount + 1; i <= previousChunkCount; i++) deleteCookie(event, chunkCookieName(name, i), options);
  }
  if (chunkCount <= 1) {
    setCookie(event, name, value, options);
    return;
  }
  setCookie(event, name, `${CHUNKED_COOKIE}${chunkCount}`, options);
  for (let i = 1; i <= chunkCount; i++) setCookie(event, chunkCookieName(name, i), chunks[i - 1], options);
}
function deleteChunkedCookie(event, name, serializeOptions) {
  const mainCookie = getCookie(event, name);
  deleteCookie(event, name, serializeOptions);
  const chunksCount = getChunkedCookieCount(mainCookie);
  if (chunksCount >= 0) for (let i = 0; i < chunksCount; i++) deleteCookie(event, chunkCookieName(name, i + 1), serializeOptions);
}
function _getDistinctCookieKey(name, options) {
  return [
    name,
    (options.domain || "").replace(/^\./, "").toLowerCase(),
    options.path || "/",
    options.partitioned ? "1" : "0"
  ].join(";");
}
var MAX_CHUNKED_COOKIE_COUNT = 100;
function getChunkedCookieCount(cookie) {
  if (!cookie?.startsWith(CHUNKED_COOKIE)) return NaN;
  const count = Number.parseInt(cookie.slice(11));
  if (Number.isNaN(count) || count < 0 || count > MAX_CHUNKED_COOKIE_COUNT) return NaN;
  return count;
}
function splitCookieValue(value, maxLength, encode) {
  const chars = Array.from(value);
  const slice = (start2, end) => chars.slice(start2, end).join("");
  const fits = (start2, end) => encode(slice(start2, end)).length <= maxLength;
  const chunks = [];
  let start = 0;
  while (start < chars.length) {
    if (!fits(start, start + 1)) return;
    let lo = start + 1;
    let hi = chars.length + 1;
    let probe = Math.min(start + maxLength, chars.length);
    while (probe > lo) {
      if (!fits(start, probe)) {
        hi = probe;
        break;
      }
      lo = probe;
      probe = Math.min(start + (probe - start) * 2, chars.length);
    }
    while (hi - lo > 1) {
      const mid = lo + hi >>> 1;
      if (fits(start, mid)) lo = mid;
      else hi = mid;
    }
    chunks.push(slice(start, lo));
    if (chunks.length > MAX_CHUNKED_COOKIE_COUNT) return chunks;
    start = lo;
  }
  return chunks;
}
function chunkCookieName(name, chunkNumber) {
  return `${name}.${chunkNumber}`;
}
function formatEventStreamComment(comment) {
  return comment.split(/\r\n|\r|\n/).map((l) => `: ${l}
`).join("") + "\n";
}
function formatEventStreamMessage(message) {
  let result = "";
  if (typeof message.id === "string") result += `id: ${_sanitizeSingleLine(message.id)}
`;
  if (message.event) result += `event: ${_sanitizeSingleLine(message.event)}
`;
  if (typeof message.retry === "number" && Number.isInteger(message.retry)) result += `retry: ${message.retry}
`;
  const data = typeof message.data === "string" ? message.data : "";
  for (const line of data.split(/\r\n|\r|\n/)) result += `data: ${line}
`;
  result += "\n";
  return result;
}
function _sanitizeSingleLine(value) {
  return value.replace(/[\n\r]/g, "");
}
function formatEventStreamMessages(messages) {
  let result = "";
  for (const msg of messages) result += formatEventStreamMessage(msg);
  return result;
}
function eventStreamHeaders(event) {
  const headers = {
    "content-type": "text/event-stream",
    "cache-control": "private, no-cache, no-store, no-transform, must-revalidate, max-age=0",
    "x-accel-buffering": "no"
  };
  if (event.req.headers.get("connection") === "keep-alive") headers["connection"] = "keep-alive";
  return headers;
}
function setEventStreamHeaders(event) {
  for (const [name, value] of Object.entries(eventStreamHeaders(event))) event.res.headers.set(name, value);
}
var _noop = () => {
};
var EventStream = class extends HTTPResponse {
  constructor(event, _opts = {}) {
    const transformStream = new TransformStream();
    super(transformStream.readable, {
      status: 200,
      headers: eventStreamHeaders(event)
    });
    __publicField(this, "_event");
    __publicField(this, "_transformStream");
    __publicField(this, "_writer");
    __publicField(this, "_encoder", new TextEncoder());
    __publicField(this, "_closeCallbacks", []);
    __publicField(this, "_writerIsClosed", false);
    __publicField(this, "_paused", false);
    __publicField(this, "_unsentData");
    __publicField(this, "_disposed", false);
    __publicField(this, "_closing");
    this._event = event;
    this._transformStream = transformStream;
    this._writer = transformStream.writable.getWriter();
    this._writer.closed.catch(_noop).finally(() => {
      this._writerIsClosed = true;
      this._disposed = true;
      for (const cb of this._closeCallbacks.splice(0)) _invokeCloseCallback(cb);
    });
    onDispose(this._event, () => {
      if (!this._isClosed && !this._transformStream.readable.locked) return this._transformStream.readable.cancel().catch(_noop);
      return this.close();
    });
  }
  get _isClosed() {
    return this._writerIsClosed || this._disposed;
  }
  async push(message) {
    if (typeof message === "string") {
      await this._sendEvent({ data: message });
      return;
    }
    if (Array.isArray(message)) {
      if (message.length === 0) return;
      if (typeof message[0] === "string") {
        const msgs = [];
        for (const item of message) msgs.push({ data: item });
        await this._sendEvents(msgs);
        return;
      }
      await this._sendEvents(message);
      return;
    }
    await this._sendEvent(message);
  }
  async pushComment(comment) {
    if (this._isClosed) return;
    if (this._paused && !this._unsentData) {
      this._unsentData = formatEventStreamComment(comment);
      return;
    }
    if (this._paused) {
      this._unsentData += formatEventStreamComment(comment);
      return;
    }
    await this._writer.write(this._encoder.encode(formatEventStreamComment(comment))).catch(() => {
      this._writerIsClosed = true;
    });
  }
  async _sendEvent(message) {
    if (this._isClosed) return;
    if (this._paused && !this._unsentData) {
      this._unsentData = formatEventStreamMessage(message);
      return;
    }
    if (this._paused) {
      this._unsentData += formatEventStreamMessage(message);
      return;
    }
    await this._writer.write(this._encoder.encode(formatEventStreamMessage(message))).catch(() => {
      this._writerIsClosed = true;
    });
  }
  async _sendEvents(messages) {
    if (this._isClosed) return;
    const payload = formatEventStreamMessages(messages);
    if (this._paused && !this._unsentData) {
      this._unsentData = payload;
      return;
    }
    if (this._paused) {
      this._unsentData += payload;
      return;
    }
    await this._writer.write(this._encoder.encode(payload)).catch(() => {
      this._writerIsClosed = true;
    });
  }
  pause() {
    this._paused = true;
  }
  get isPaused() {
    return this._paused;
  }
  async resume() {
    this._paused = false;
    await this.flush();
  }
  async flush() {
    if (this._isClosed) return;
    if (this._unsentData?.length) {
      const data = this._unsentData;
      this._unsentData = void 0;
      await this._writer.write(this._encoder.encode(data)).catch(() => {
        this._writerIsClosed = true;
      });
    }
  }
  close() {
    return this._closing ??= this._close();
  }
  async _close() {
    if (this._disposed) return;
    if (!this._isClosed) {
      do {
        this._paused = false;
        await this.flush();
      } while (!this._isClosed && this._unsentData?.length);
      try {
        await this._writer.close();
      } catch {
      }
    }
    this._disposed = true;
  }
  onClosed(cb) {
    if (this._writerIsClosed) {
      queueMicrotask(() => _invokeCloseCallback(cb));
      return;
    }
    this._closeCallbacks.push(cb);
  }
  async send() {
    setEventStreamHeaders(this._event);
    this._event.res.status = 200;
    return this._transformStream.readable;
  }
};
function _invokeCloseCallback(cb) {
  try {
    const res = cb();
    if (res instanceof Promise) res.catch(_noop);
  } catch {
  }
}
function setServerTiming(event, name, opts) {
  if (!_isValidToken(name)) throw new TypeError(`Invalid Server-Timing metric name: ${name}`);
  if (opts?.dur !== void 0 && (!Number.isFinite(opts.dur) || opts.dur < 0)) throw new TypeError(`Invalid Server-Timing duration: ${opts.dur}`);
  const value = name + (opts?.desc ? `;desc="${_escapeDesc(opts.desc)}"` : "") + (opts?.dur !== void 0 ? `;dur=${opts.dur}` : "");
  event.res.headers.append("server-timing", value);
  const ctx = event.context;
  if (!Array.isArray(ctx.timing)) ctx.timing = [];
  ctx.timing.push({
    name,
    ...opts
  });
}
async function withServerTiming(event, name, fn) {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    setServerTiming(event, name, { dur: performance.now() - start });
  }
}
var _tokenRE = /^[\w!#$%&'*+.^`|~-]+$/;
function _isValidToken(value) {
  return _tokenRE.test(value);
}
function _escapeDesc(value) {
  return value.replaceAll("\\", "\\\\").replaceAll('"', '\\"');
}
var COMMON_MIME_TYPES = {
  ".html": "text/html",
  ".htm": "text/html",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".cjs": "text/javascript",
  ".json": "application/json",
  ".txt": "text/plain",
  ".xml": "application/xml",
  ".gif": "image/gif",
  ".ico": "image/vnd.microsoft.icon",
  ".jpeg": "image/jpeg",
  ".jpg": "image/jpeg",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".webp": "image/webp",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".zip": "application/zip",
  ".pdf": "application/pdf",
  ".wasm": "application/wasm"
};
function getExtension(path) {
  const filename = path.split("/").pop();
  if (!filename) return;
  const separatorIndex = filename.lastIndexOf(".");
  if (separatorIndex !== -1) return filename.slice(separatorIndex);
}
function getType(ext) {
  return ext ? COMMON_MIME_TYPES[ext.toLowerCase()] : void 0;
}
async function serveStatic(event, options) {
  if (options.headers) {
    const entries = Array.isArray(options.headers) ? options.headers : typeof options.headers.entries === "function" ? options.headers.entries() : Object.entries(options.headers);
    for (const [key, value] of entries) event.res.headers.set(key, value);
  }
  if (event.req.method !== "GET" && event.req.method !== "HEAD") {
    if (options.fallthrough) return;
    event.res.headers.set("allow", "GET, HEAD");
    throw new HTTPError({ status: 405 });
  }
  if (!isCanonicalPath(event.url.pathname)) {
    if (options.fallthrough) return;
    throw new HTTPError({ status: 404 });
  }
  const resolvedId = withoutTrailingSlash(event.url.pathname);
  let originalId = resolvedId;
  if (resolvedId.includes("%")) try {
    const decodedId = decodePreservingSeparators(resolvedId, {
      decode: decodeURI,
      nested: false
    });
    if (isCanonicalPath(decodedId)) originalId = withoutTrailingSlash(decodedId);
  } catch {
  }
  const acceptEncodings = parseAcceptEncoding(event.req.headers.get("accept-encoding") || "", options.encodings);
  let id = originalId;
  let assetId = originalId;
  let meta;
  const _ids = idSearchPaths(originalId, acceptEncodings, options.indexNames || ["/index.html"]);
  for (const _id of _ids) {
    const _meta = await options.getMeta(_id.id);
    if (_meta) {
      meta = _meta;
      id = _id.id;
      assetId = _id.assetId;
      break;
    }
  }
  if (!meta) {
    if (options.fallthrough) return;
    throw new HTTPError({ statusCode: 404 });
  }
  if (options.encodings && Object.keys(options.encodings).length > 0) {
    const vary = event.res.headers.get("vary") || "";
    if (!/(?:^|,)\s*(?:\*|accept-encoding)\s*(?:,|$)/i.test(vary)) event.res.headers.append("vary", "accept-encoding");
  }
  let mtimeDate;
  if (meta.mtime) {
    mtimeDate = new Date(meta.mtime);
    mtimeDate.setMilliseconds(0);
    if (!event.res.headers.get("last-modified")) event.res.headers.set("last-modified", mtimeDate.toUTCString());
  }
  if (meta.etag && !event.res.headers.has("etag")) event.res.headers.set("etag", meta.etag);
  if (isCacheMatch(event.req.headers, {
    etag: meta.etag,
    lastModified: mtimeDate
  })) return new HTTPResponse(null, {
    status: 304,
    statusText: "Not Modified"
  });
  if (!event.res.headers.get("content-type")) {
    if (meta.type) event.res.headers.set("content-type", meta.type);
    else {
      const ext = getExtension(assetId);
      const type = ext ? options.getType?.(ext) ?? getType(ext) : void 0;
      if (type) event.res.headers.set("content-type", type);
    }
  }
  if (meta.encoding && !event.res.headers.get("content-encoding")) event.res.headers.set("content-encoding", meta.encoding);
  if (meta.size !== void 0 && meta.size > 0 && !event.res.headers.get("content-length")) event.res.headers.set("content-length", meta.size + "");
  if (event.req.method === "HEAD") return new HTTPResponse(null, { status: 200 });
  const contents = await options.getContents(id);
  return new HTTPResponse(contents || null, { status: 200 });
}
var WEIGHT_RE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;
function parseAcceptEncoding(header, encodingMap) {
  if (!encodingMap || !header) return [];
  const extensions = /* @__PURE__ */ new Map();
  for (const [name, ext] of Object.entries(encodingMap)) extensions.set(normalizeCoding(name), ext);
  const weights = /* @__PURE__ */ new Map();
  let wildcard;
  for (const part of header.split(",")) {
    const [rawName = "", ...params] = part.split(";");
    const name = normalizeCoding(rawName);
    if (name !== "*" && !extensions.has(name)) continue;
    const qParam = params.find((p) => /^\s*q\s*=/i.test(p));
    const qValue = qParam?.slice(qParam.indexOf("=") + 1).trim();
    const q = qValue === void 0 ? 1 : WEIGHT_RE.test(qValue) ? Number(qValue) : 0;
    if (name === "*") wildcard ??= q;
    else if (!weights.has(name)) weights.set(name, q);
  }
  if (wildcard) {
    for (const name of extensions.keys()) if (!weights.has(name)) weights.set(name, wildcard);
  }
  const accepted = [...weights].filter(([, q]) => q > 0).sort((a, b) => b[1] - a[1]).map(([name]) => extensions.get(name));
  return [...new Set(accepted)];
}
function normalizeCoding(name) {
  const coding = name.trim().toLowerCase();
  return coding === "x-gzip" || coding === "x-compress" ? coding.slice(2) : coding;
}
function idSearchPaths(id, encodings, indexNames) {
  const ids = [];
  for (const suffix of ["", ...indexNames]) {
    const assetId = `${id}${suffix}`;
    for (const encoding of [...encodings, ""]) ids.push({
      id: `${assetId}${encoding}`,
      assetId
    });
  }
  return ids;
}
function withBase(base, input) {
  base = withoutTrailingSlash(base);
  const handler = toEventHandler(input);
  if (!handler) throw new Error("Invalid handler", { cause: input });
  return async function _handlerWithBase(event) {
    const _pathBefore = event.url.pathname || "/";
    if (base !== "/" && hasEmptySegmentAfterBase(_pathBefore, base)) throw new HTTPError({ status: 404 });
    event.url.pathname = withoutBase(event.url.pathname || "/", base);
    try {
      return await handler(event);
    } finally {
      event.url.pathname = _pathBefore;
    }
  };
}
var defaults = /* @__PURE__ */ Object.freeze({
  ttl: 0,
  timestampSkewSec: 60,
  localtimeOffsetMsec: 0,
  encryption: /* @__PURE__ */ Object.freeze({
    saltBits: 256,
    algorithm: "aes-256-cbc",
    iterations: 8192,
    minPasswordlength: 32
  }),
  integrity: /* @__PURE__ */ Object.freeze({
    saltBits: 256,
    algorithm: "sha256",
    iterations: 8192,
    minPasswordlength: 32
  })
});
var algorithms = /* @__PURE__ */ Object.freeze({
  "aes-128-ctr": /* @__PURE__ */ Object.freeze({
    keyBits: 128,
    ivBits: 128,
    name: "AES-CTR"
  }),
  "aes-256-cbc": /* @__PURE__ */ Object.freeze({
    keyBits: 256,
    ivBits: 128,
    name: "AES-CBC"
  }),
  sha256: /* @__PURE__ */ Object.freeze({
    keyBits: 256,
    ivBits: 128,
    name: "SHA-256"
  })
});
var macPrefix = "Fe26.2";
async function seal(object, password, opts) {
  const now = Date.now() + (opts.localtimeOffsetMsec || 0);
  if (!password) throw new Error("Empty password");
  const { id = "", encryption, integrity } = normalizePassword(password);
  if (id && !/^\w+$/.test(id)) throw new Error("Invalid password id");
  const { encrypted, key } = await encrypt(encryption, opts.encryption, JSON.stringify(object));
  const encryptedB64 = base64Encode(encrypted);
  const iv = base64Encode(key.iv);
  const expiration = opts.ttl ? now + opts.ttl : "";
  const macBaseString = `${macPrefix}*${id}*${key.salt}*${iv}*${encryptedB64}*${expiration}`;
  const mac = await hmacWithPassword(integrity, opts.integrity, macBaseString);
  return `${macBaseString}*${mac.salt}*${mac.digest}`;
}
async function unseal(sealed, password, opts) {
  const now = Date.now() + (opts.localtimeOffsetMsec || 0);
  if (!password) throw new Error("Empty password");
  const parts = sealed.split("*");
  if (parts.length !== 8) throw new Error("Incorrect number of sealed components");
  const [prefix, passwordId, encryptionSalt, encryptionIv, encryptedB64, expiration, hmacSalt, hmac] = parts;
  const macBaseString = `${prefix}*${passwordId}*${encryptionSalt}*${encryptionIv}*${encryptedB64}*${expiration}`;
  if ("Fe26.2" !== prefix) throw new Error("Wrong mac prefix");
  if (expiration) {
    if (!/^\d+$/.test(expiration)) throw new Error("Invalid expiration");
    if (Number.parseInt(expiration, 10) <= now - opts.timestampSkewSec * 1e3) throw new Error("Expired seal");
  }
  let pass = "";
  const _passwordId = passwordId || "default";
  if (typeof password === "string" || password instanceof Uint8Array) pass = password;
  else if (_passwordId in password) pass = password[_passwordId];
  else throw new Error(`Cannot find password: ${_passwordId}`);
  pass = normalizePassword(pass);
  if (!fixedTimeComparison((await hmacWithPassword(pass.integrity, {
    ...opts.integrity,
    salt: hmacSalt
  }, macBaseString)).digest, hmac)) throw new Error("Bad hmac value");
  const encrypted = base64Decode(encryptedB64);
  const decryptOptions = {
    ...opts.encryption,
    salt: encryptionSalt,
    iv: base64Decode(encryptionIv)
  };
  const decrypted = await decrypt(pass.encryption, decryptOptions, encrypted);
  return decrypted ? JSON.parse(decrypted) : null;
}
async function hmacWithPassword(password, options, data) {
  const key = await generateKey(password, {
    ...options,
    hmac: true
  });
  const textBuffer = textEncoder.encode(data);
  const signed = await crypto.subtle.sign({ name: "HMAC" }, key.key, textBuffer);
  return {
    digest: base64Encode(new Uint8Array(signed)),
    salt: key.salt
  };
}
async function generateKey(password, options) {
  if (!password?.length) throw new Error("Empty password");
  if (options == null || typeof options !== "object") throw new Error("Bad options");
  if (!(options.algorithm in algorithms)) throw new Error(`Unknown algorithm: ${options.algorithm}`);
  const algorithm = algorithms[options.algorithm];
  let resultKey;
  let resultSalt;
  let resultIV;
  const hmac = options.hmac ?? false;
  const id = hmac ? {
    name: "HMAC",
    hash: algorithm.name
  } : { name: algorithm.name };
  const usage = hmac ? ["sign", "verify"] : ["encrypt", "decrypt"];
  if (typeof password === "string") {
    if (password.length < options.minPasswordlength) throw new Error(`Password string too short (min ${options.minPasswordlength} characters required)`);
    let { salt = "" } = options;
    if (!salt) {
      const { saltBits = 0 } = options;
      if (!saltBits) throw new Error("Missing salt and saltBits options");
      const randomSalt = randomBits(saltBits);
      salt = [...new Uint8Array(randomSalt)].map((x) => x.toString(16).padStart(2, "0")).join("");
    }
    const derivedKey = await pbkdf2(password, salt, options.iterations, algorithm.keyBits / 8, "SHA-1");
    resultKey = await crypto.subtle.importKey("raw", derivedKey, id, false, usage);
    resultSalt = salt;
  } else {
    if (password.length < algorithm.keyBits / 8) throw new Error("Key buffer (password) too small");
    resultKey = await crypto.subtle.importKey("raw", password, id, false, usage);
    resultSalt = "";
  }
  if (options.iv) resultIV = options.iv;
  else if ("ivBits" in algorithm) resultIV = randomBits(algorithm.ivBits);
  else throw new Error("Missing IV");
  return {
    key: resultKey,
    salt: resultSalt,
    iv: resultIV
  };
}
async function pbkdf2(password, salt, iterations, keyLength, hash) {
  const passwordBuffer = textEncoder.encode(password);
  const importedKey = await crypto.subtle.importKey("raw", passwordBuffer, { name: "PBKDF2" }, false, ["deriveBits"]);
  const params = {
    name: "PBKDF2",
    hash,
    salt: textEncoder.encode(salt),
    iterations
  };
  return await crypto.subtle.deriveBits(params, importedKey, keyLength * 8);
}
async function encrypt(password, options, data) {
  const key = await generateKey(password, options);
  const encrypted = await crypto.subtle.encrypt(...getEncryptParams(options.algorithm, key, data));
  return {
    encrypted: new Uint8Array(encrypted),
    key
  };
}
async function decrypt(password, options, data) {
  const key = await generateKey(password, options);
  const decrypted = await crypto.subtle.decrypt(...getEncryptParams(options.algorithm, key, data));
  return textDecoder.decode(decrypted);
}
function getEncryptParams(algorithm, key, data) {
  return [
    algorithm === "aes-128-ctr" ? {
      name: "AES-CTR",
      counter: key.iv,
      length: 128
    } : {
      name: "AES-CBC",
      iv: key.iv
    },
    key.key,
    typeof data === "string" ? textEncoder.encode(data) : data
  ];
}
function fixedTimeComparison(a, b) {
  let mismatch = a.length === b.length ? 0 : 1;
  if (mismatch) b = a;
  for (let i = 0; i < a.length; i += 1) mismatch |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return mismatch === 0;
}
function normalizePassword(password) {
  if (typeof password === "string" || password instanceof Uint8Array) return {
    encryption: password,
    integrity: password
  };
  if ("secret" in password) return {
    id: password.id,
    encryption: password.secret,
    integrity: password.secret
  };
  return {
    id: password.id,
    encryption: password.encryption,
    integrity: password.integrity
  };
}
function randomBits(bits) {
  if (bits < 1) throw new Error("Invalid random bits count");
  return randomBytes(Math.ceil(bits / 8));
}
function randomBytes(size) {
  const bytes = new Uint8Array(size);
  crypto.getRandomValues(bytes);
  return bytes;
}
var kGetSession = /* @__PURE__ */ Symbol.for("h3.internal.session.promise");
var kSessionNew = /* @__PURE__ */ Symbol.for("h3.internal.session.new");
var kLegacySeal = /* @__PURE__ */ Symbol.for("h3.internal.session.legacy-seal");
var DEFAULT_SESSION_COOKIE = {
  path: "/",
  secure: true,
  httpOnly: true,
  sameSite: "lax"
};
async function useSession(event, config) {
  const sessionName = config.name || "h3";
  if ((await getSession(event, config))[kSessionNew]) await updateSession(event, config);
  const sessionManager = {
    get id() {
      return getEventContext(event)?.sessions?.[sessionName]?.id;
    },
    get data() {
      return getEventContext(event).sessions?.[sessionName]?.data || new NullProtoObj();
    },
    update: async (update) => {
      await updateSession(event, config, update);
      return sessionManager;
    },
    clear: () => {
      clearSession(event, config);
      return Promise.resolve(sessionManager);
    }
  };
  return sessionManager;
}
async function getSession(event, config) {
  const sessionName = config.name || "h3";
  const context = getEventContext(event);
  if (!context.sessions) context.sessions = new NullProtoObj();
  const existingSession = context.sessions[sessionName];
  if (existingSession) return existingSession[kGetSession] || existingSession;
  const session = {
    id: "",
    createdAt: 0,
    data: new NullProtoObj()
  };
  context.sessions[sessionName] = session;
  let sealedSession;
  if (config.sessionHeader !== false) {
    const headerName = typeof config.sessionHeader === "string" ? config.sessionHeader.toLowerCase() : `x-${sessionName.toLowerCase()}-session`;
    const headerValue = event.req.headers.get(headerName);
    if (typeof headerValue === "string") sealedSession = headerValue;
  }
  let sessionFromCookie = false;
  if (!sealedSession) {
    sealedSession = getChunkedCookie(event, sessionName);
    sessionFromCookie = true;
  }
  if (sealedSession) {
    const promise = unsealSession(event, config, sealedSession).catch(() => {
    }).then(async (unsealed) => {
      const legacySeal = unsealed && unsealed[kLegacySeal];
      if (legacySeal) delete unsealed[kLegacySeal];
      if (unsealed?.data) unsealed.data = Object.assign(new NullProtoObj(), unsealed.data);
      Object.assign(session, unsealed);
      delete context.sessions[sessionName][kGetSession];
      if (session.id && sessionFromCookie && (legacySeal || shouldSlide(session, config))) await updateSession(event, config);
      return session;
    });
    context.sessions[sessionName][kGetSession] = promise;
    await promise;
  }
  if (!session.id) {
    session.id = config.generateId?.() ?? (config.crypto || crypto).randomUUID();
    session.createdAt = Date.now();
    session[kSessionNew] = true;
  }
  return session;
}
async function updateSession(event, config, update) {
  const sessionName = config.name || "h3";
  const session = getEventContext(event).sessions?.[sessionName] || await getSession(event, config);
  if (typeof update === "function") update = update(session.data);
  if (update) Object.assign(session.data, update);
  delete session[kSessionNew];
  if (config.cookie !== false && event.res) {
    setChunkedCookie(event, sessionName, await sealSession(event, config), {
      ...DEFAULT_SESSION_COOKIE,
      expires: sessionExpires(session, config),
      ...config.cookie
    });
    stageSessionErrCookies(event, sessionName);
  }
  return session;
}
async function sealSession(event, config) {
  const sessionName = config.name || "h3";
  const session = getEventContext(event).sessions?.[sessionName] || await getSession(event, config);
  if (config.idleTimeout) session.lastSeenAt = Date.now();
  return await seal(session, config.password, {
    ...defaults,
    ttl: (config.maxAge || config.idleTimeout || 0) * 1e3,
    ...config.seal
  });
}
async function unsealSession(_event, config, sealed) {
  const sealOptions = {
    ...defaults,
    ttl: (config.maxAge || config.idleTimeout || 0) * 1e3,
    ...config.seal
  };
  let unsealed;
  try {
    unsealed = await unseal(sealed, config.password, sealOptions);
  } catch (error) {
    if (config.legacySealFallback === false || sealOptions.integrity.iterations === 1 || !(error instanceof Error) || error.message !== "Bad hmac value") throw error;
    unsealed = await unseal(sealed, config.password, {
      ...sealOptions,
      encryption: {
        ...sealOptions.encryption,
        iterations: 1
      },
      integrity: {
        ...sealOptions.integrity,
        iterations: 1
      }
    });
    if (unsealed) unsealed[kLegacySeal] = true;
  }
  if (config.maxAge) {
    if (Date.now() - (unsealed.createdAt || Number.NEGATIVE_INFINITY) > config.maxAge * 1e3) throw new Error("Session expired!");
  }
  if (config.idleTimeout) {
    if (Date.now() - (unsealed.lastSeenAt || unsealed.createdAt || Number.NEGATIVE_INFINITY) > config.idleTimeout * 1e3) throw new Error("Session expired!");
  }
  return unsealed;
}
function clearSession(event, config) {
  const context = getEventContext(event);
  const sessionName = config.name || "h3";
  if (context.sessions?.[sessionName]) delete context.sessions[sessionName];
  if (event.res && config.cookie !== false) {
    deleteChunkedCookie(event, sessionName, {
      ...DEFAULT_SESSION_COOKIE,
      ...config.cookie
    });
    stageSessionErrCookies(event, sessionName);
  }
  return Promise.resolve();
}
var SLIDE_THRESHOLD = 0.5;
function shouldSlide(session, config) {
  if (!config.idleTimeout) return false;
  const lastSeenAt = session.lastSeenAt || session.createdAt || 0;
  return Date.now() - lastSeenAt > config.idleTimeout * 1e3 * SLIDE_THRESHOLD;
}
function stageSessionErrCookies(event, sessionName) {
  const isSessionCookie = (cookie) => cookie.startsWith(`${sessionName}=`) || cookie.startsWith(`${sessionName}.`);
  const errHeaders = event.res.errHeaders;
  const staged = [...errHeaders.getSetCookie().filter((cookie) => !isSessionCookie(cookie)), ...event.res.headers.getSetCookie().filter((cookie) => isSessionCookie(cookie))];
  errHeaders.delete("set-cookie");
  for (const cookie of staged) errHeaders.append("set-cookie", cookie);
}
function sessionExpires(session, config) {
  const times = [];
  if (config.maxAge) times.push(session.createdAt + config.maxAge * 1e3);
  if (config.idleTimeout) times.push((session.lastSeenAt || session.createdAt) + config.idleTimeout * 1e3);
  return times.length > 0 ? new Date(Math.min(...times)) : void 0;
}
var _textEncoder = /* @__PURE__ */ new TextEncoder();
function timingSafeEqual(a, b) {
  const aBuf = _textEncoder.encode(a);
  const bBuf = _textEncoder.encode(b);
  const aLen = aBuf.length;
  const bLen = bBuf.length;
  const len = Math.max(aLen, bLen);
  let result = aLen === bLen ? 0 : 1;
  for (let i = 0; i < len; i++) result |= (aBuf[i % aLen] ?? 0) ^ (bBuf[i % bLen] ?? 0);
  return result === 0;
}
function randomJitter() {
  const randomBuffer = /* @__PURE__ */ new Uint32Array(1);
  crypto.getRandomValues(randomBuffer);
  const jitter = randomBuffer[0] % 100;
  return new Promise((resolve) => setTimeout(resolve, jitter));
}
async function requireBasicAuth(event, opts) {
  if (!opts.validate && !opts.password) throw new HTTPError({
    message: "Either 'password' or 'validate' option must be provided",
    status: 500
  });
  const realm = opts?.realm ?? "auth";
  const authHeader = event.req.headers.get("authorization");
  if (!authHeader) throw await authFailed(event, realm);
  const b64auth = /^basic +(.+)$/i.exec(authHeader)?.[1];
  if (!b64auth) throw await authFailed(event, realm);
  let authDecoded;
  try {
    authDecoded = atob(b64auth);
  } catch {
    throw await authFailed(event, realm);
  }
  try {
    authDecoded = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(authDecoded, (c) => c.charCodeAt(0)));
  } catch {
  }
  const colonIndex = authDecoded.indexOf(":");
  if (colonIndex === -1) throw await authFailed(event, realm);
  const username = authDecoded.slice(0, colonIndex);
  const password = authDecoded.slice(colonIndex + 1);
  if (!opts.validate && (!username || !password)) throw await authFailed(event, realm);
  const usernameOk = !opts.username || timingSafeEqual(username, opts.username);
  const passwordOk = !opts.password || timingSafeEqual(password, opts.password);
  const validateOk = !opts.validate || await opts.validate(username, password);
  if (!usernameOk || !passwordOk || !validateOk) throw await authFailed(event, realm);
  const context = getEventContext(event);
  context.basicAuth = {
    username,
    password,
    realm
  };
  return true;
}
function basicAuth(opts) {
  return async (event, next) => {
    await requireBasicAuth(event, opts);
    return next();
  };
}
async function authFailed(event, realm) {
  await randomJitter();
  return new HTTPError({
    status: 401,
    statusText: "Authentication required",
    headers: { "www-authenticate": `Basic realm="${quoteRealm(realm)}", charset="UTF-8"` }
  });
}
function quoteRealm(realm) {
  return realm.replace(/[^\t\x20-\x7E\x80-\xFF]/g, "").replace(/["\\]/g, "\\$&");
}
async function getRequestFingerprint(event, opts = {}) {
  const fingerprint = [];
  let hasValue = false;
  const addComponent = (value) => {
    if (value) hasValue = true;
    fingerprint.push(value ? escapeComponent(value) : "");
  };
  if (opts.ip !== false) addComponent(getRequestIP(event, { xForwardedFor: opts.xForwardedFor }));
  if (opts.method === true) addComponent(event.req.method);
  if (opts.url === true) addComponent(event.req.url);
  if (opts.userAgent === true) addComponent(event.req.headers.get("user-agent"));
  if (!hasValue) return null;
  const fingerprintString = fingerprint.join("|");
  if (opts.hash === false) return fingerprintString;
  const buffer = await crypto.subtle.digest(opts.hash || "SHA-256", new TextEncoder().encode(fingerprintString));
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
function escapeComponent(value) {
  return value.replaceAll("%", "%25").replaceAll("|", "%7C");
}
function defineWebSocket(hooks) {
  return hooks;
}
function defineWebSocketHandler(hooks, http) {
  return defineHandler(function _webSocketHandler(event) {
    if (http && !isWebSocketUpgrade(event)) return http(event);
    const crossws = typeof hooks === "function" ? hooks(event) : hooks;
    if (crossws instanceof Promise) return crossws.then((resolved) => toUpgradeResponse(event, resolved));
    return toUpgradeResponse(event, crossws);
  });
}
function isWebSocketUpgrade(event) {
  return event.req.headers.get("upgrade")?.toLowerCase() === "websocket";
}
var kWebSocketHooks = /* @__PURE__ */ Symbol.for("crossws.hooks");
function toUpgradeResponse(event, crossws) {
  try {
    const req = event.req;
    if (req.context) req.context[kWebSocketHooks] = crossws;
    req[kWebSocketHooks] = crossws;
  } catch {
  }
  return Object.assign(new Response("WebSocket upgrade is required.", { status: 426 }), { crossws });
}
var PARSE_ERROR = -32700;
var INVALID_REQUEST = -32600;
var METHOD_NOT_FOUND = -32601;
var INVALID_PARAMS = -32602;
var DEFAULT_MAX_BATCH_SIZE = 50;
function defineJsonRpcHandler(opts = {}) {
  const methodMap = createMethodMap(opts.methods);
  const maxBatchSize = opts.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  const handler = async (event) => {
    if (event.req.method !== "POST") throw new HTTPError({ status: 405 });
    if (opts.validateContentType !== false && !isJsonContentType(event.req.headers.get("content-type"))) throw new HTTPError({
      status: 415,
      message: "Unsupported Media Type"
    });
    assertAllowedOrigin(event, opts.allowedOrigins);
    let body;
    try {
      body = await event.req.json();
    } catch (error) {
      if (HTTPError.isError(error)) throw error;
      return createJsonRpcError(null, PARSE_ERROR, "Parse error");
    }
    const result = await processJsonRpcBody(body, methodMap, event, maxBatchSize);
    return result === void 0 ? new HTTPResponse("", { status: 202 }) : result;
  };
  return defineHandler({
    ...opts,
    handler
  });
}
function isJsonContentType(value) {
  if (!value) return false;
  const mediaType = value.split(";")[0].trim().toLowerCase();
  return mediaType === "application/json" || mediaType === "application/json-rpc" || mediaType.endsWith("+json");
}
function assertAllowedOrigin(event, allowedOrigins) {
  const origin = event.req.headers.get("origin");
  if (!origin || allowedOrigins === "*") return;
  if (!(allowedOrigins ? isCorsOriginAllowed(origin, { origin: typeof allowedOrigins === "string" ? [allowedOrigins] : allowedOrigins }) : origin === event.url.origin)) throw new HTTPError({
    status: 403,
    message: "Origin not allowed"
  });
}
function defineJsonRpcWebSocketHandler(opts) {
  const methodMap = createMethodMap(opts.methods);
  const maxBatchSize = opts.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  return defineWebSocketHandler({
    ...opts.hooks,
    async message(peer, message) {
      let body;
      try {
        body = message.json();
      } catch {
        peer.send(JSON.stringify(createJsonRpcError(null, PARSE_ERROR, "Parse error")));
        return;
      }
      const result = await processJsonRpcBody(body, methodMap, peer, maxBatchSize);
      if (result !== void 0) peer.send(JSON.stringify(result));
    }
  });
}
function createMethodMap(methods) {
  const methodMap = /* @__PURE__ */ Object.create(null);
  for (const key of Object.keys(methods)) methodMap[key] = methods[key];
  return methodMap;
}
async function processJsonRpcBody(body, methodMap, context, maxBatchSize) {
  if (!body || typeof body !== "object") return createJsonRpcError(null, INVALID_REQUEST, "Invalid Request");
  const requests = Array.isArray(body) ? body : [body];
  if (requests.length === 0) return createJsonRpcError(null, INVALID_REQUEST, "Invalid Request");
  if (requests.length > maxBatchSize) return createJsonRpcError(null, INVALID_REQUEST, `Invalid Request: batch size exceeds maximum of ${maxBatchSize}`);
  const finalResponses = (await Promise.all(requests.map((raw2) => processJsonRpcMethod(raw2, methodMap, context)))).filter((r) => r !== void 0);
  if (finalResponses.length === 0) return;
  return Array.isArray(body) ? finalResponses : finalResponses[0];
}
async function processJsonRpcMethod(raw2, methodMap, context) {
  if (!raw2 || typeof raw2 !== "object" || Array.isArray(raw2)) return createJsonRpcError(null, INVALID_REQUEST, "Invalid Request");
  const req = raw2;
  if (req.jsonrpc !== "2.0" || typeof req.method !== "string" || "id" in req && !isValidId(req.id)) {
    const id2 = "id" in req && isValidId(req.id) ? req.id : null;
    return createJsonRpcError(id2, INVALID_REQUEST, "Invalid Request");
  }
  if ("params" in req && req.params !== void 0 && (typeof req.params !== "object" || req.params === null)) return isNotification(req) ? void 0 : createJsonRpcError(req.id, INVALID_PARAMS, "Invalid params");
  if (req.method.startsWith("rpc.")) return isNotification(req) ? void 0 : createJsonRpcError(req.id, METHOD_NOT_FOUND, "Method not found");
  const method = req.method;
  const params = req.params;
  const notification = isNotification(req);
  const id = notification ? void 0 : req.id;
  const methodHandler = methodMap[method];
  if (!methodHandler) return notification ? void 0 : createJsonRpcError(id, METHOD_NOT_FOUND, "Method not found");
  try {
    const rpcReq = {
      jsonrpc: "2.0",
      method,
      params
    };
    if (!notification) rpcReq.id = id;
    const result = await methodHandler(rpcReq, context);
    return notification ? void 0 : {
      jsonrpc: "2.0",
      id,
      result: result ?? null
    };
  } catch (error_) {
    if (notification) return;
    const h3Error = HTTPError.isError(error_) && !error_.unhandled ? error_ : {
      status: HTTPError.isError(error_) ? error_.status : 500,
      message: "Internal error",
      data: void 0
    };
    const statusCode = h3Error.status;
    const statusMessage = h3Error.message;
    const errorCode = mapHttpStatusToJsonRpcError(statusCode);
    return createJsonRpcError(id, errorCode, statusMessage, h3Error.data);
  }
}
function mapHttpStatusToJsonRpcError(status) {
  switch (status) {
    case 400:
    case 422:
      return INVALID_PARAMS;
    case 401:
      return -32001;
    case 403:
      return -32003;
    case 404:
      return -32004;
    case 408:
      return -32008;
    case 409:
      return -32009;
    case 429:
      return -32029;
    default:
      if (status >= 300 && status < 500) return -32e3;
      return -32603;
  }
}
function isNotification(req) {
  return !("id" in req);
}
function isValidId(id) {
  if (id === null) return true;
  if (typeof id === "string") return true;
  return typeof id === "number" && Number.isInteger(id);
}
var createJsonRpcError = (id, code, message, data) => {
  const error = {
    code,
    message
  };
  if (data !== void 0) error.data = data;
  return {
    jsonrpc: "2.0",
    id,
    error
  };
};
var H3Error = HTTPError;
function createError(arg1, arg2) {
  return new HTTPError(arg1, arg2);
}
function isError(input) {
  return HTTPError.isError(input);
}
var getRequestPath = (event) => event.path;
function getRequestHeader(event, name) {
  return event.req.headers.get(name) || void 0;
}
var getHeader = getRequestHeader;
function getRequestHeaders(event) {
  return Object.fromEntries(event.req.headers.entries());
}
var getHeaders = getRequestHeaders;
function getMethod(event, defaultMethod = "GET") {
  return (event.req.method || defaultMethod).toUpperCase();
}
function readRawBody(event, encoding = "utf8") {
  return encoding ? event.req.text() : event.req.arrayBuffer().then((r) => new Uint8Array(r));
}
async function readFormDataBody(event) {
  return event.req.formData();
}
var readFormData = readFormDataBody;
async function readMultipartFormData(event) {
  const formData = await event.req.formData();
  return Promise.all([...formData.entries()].map(async ([key, value]) => {
    return typeof value === "object" ? {
      name: key,
      type: value.type,
      filename: value.name,
      data: await value.bytes()
    } : {
      name: key,
      data: new TextEncoder().encode(value)
    };
  }));
}
function getBodyStream(event) {
  return event.req.body || void 0;
}
var getRequestWebStream = getBodyStream;
function sendStream(_event, value) {
  return value;
}
var sendNoContent = (_, code) => noContent(code);
var sendRedirect = (_, loc, code) => redirect(loc, code);
var sendWebResponse = (response) => response;
var sendProxy = proxy;
function createEventStream(event, opts) {
  return new EventStream(event, opts);
}
var sendIterable = (_event, val, options) => {
  return iterable(val, options);
};
function getResponseStatusText(event) {
  return event.res.statusText || "";
}
function appendResponseHeader(event, name, value) {
  if (Array.isArray(value)) for (const valueItem of value) event.res.headers.append(name, valueItem);
  else event.res.headers.append(name, value);
}
var appendHeader = appendResponseHeader;
function setResponseHeader(event, name, value) {
  if (Array.isArray(value)) {
    event.res.headers.delete(name);
    for (const valueItem of value) event.res.headers.append(name, valueItem);
  } else event.res.headers.set(name, value);
}
var setHeader = setResponseHeader;
function setResponseHeaders(event, headers) {
  for (const [name, value] of Object.entries(headers)) event.res.headers.set(name, value);
}
var setHeaders = setResponseHeaders;
function getResponseStatus(event) {
  return event.res.status || 200;
}
function setResponseStatus(event, code, text) {
  if (code) event.res.status = sanitizeStatusCode(code, event.res.status);
  if (text) event.res.statusText = sanitizeStatusMessage(text);
}
function defaultContentType(event, type) {
  if (type && event.res.status !== 304 && !event.res.headers.has("content-type")) event.res.headers.set("content-type", type);
}
function getResponseHeaders(event) {
  return Object.fromEntries(event.res.headers.entries());
}
function getResponseHeader(event, name) {
  return event.res.headers.get(name) || void 0;
}
function removeResponseHeader(event, name) {
  return event.res.headers.delete(name);
}
function appendResponseHeaders(event, headers) {
  for (const [name, value] of Object.entries(headers)) appendResponseHeader(event, name, value);
}
var appendHeaders = appendResponseHeaders;
function clearResponseHeaders(event, headerNames) {
  if (headerNames && headerNames.length > 0) for (const name of headerNames) event.res.headers.delete(name);
  else for (const name of event.res.headers.keys()) event.res.headers.delete(name);
}
var defineEventHandler = defineHandler;
var eventHandler = defineHandler;
var lazyEventHandler = defineLazyEventHandler;
var defineNodeListener = defineNodeHandler;
var fromNodeMiddleware = fromNodeHandler;
function toNodeHandler(app) {
  if (toNodeHandler._isWarned !== true) {
    console.warn(`[h3] "toNodeHandler" export from h3 is deprecated. Please import "toNodeHandler" from "h3/node".`);
    toNodeHandler._isWarned = true;
  }
  return (toNodeHandler._toNodeHandler ??= () => {
    return globalThis.process.getBuiltinModule("node:module").createRequire(import_meta.url)("srvx/node").toNodeHandler;
  })()(app.fetch);
}
var toNodeListener = toNodeHandler;
var createApp = (config) => new H3(config);
var createRouter$1 = (config) => new H3(config);
var useBase = withBase;

// node_modules/srvx/dist/_chunks/_utils2.mjs
function createWaitUntil() {
  const promises = /* @__PURE__ */ new Set();
  return {
    waitUntil: (promise) => {
      if (typeof promise?.then !== "function") return;
      const chained = Promise.resolve(promise).catch(console.error).finally(() => {
        promises.delete(chained);
      });
      promises.add(chained);
    },
    wait: () => {
      return Promise.all(promises);
    },
    get _size() {
      return promises.size;
    }
  };
}

// node_modules/srvx/dist/_chunks/_plugins.mjs
function wrapFetch(server) {
  let composed = server.options.fetch;
  const middleware = server.options.middleware;
  if (middleware) for (let i = middleware.length - 1; i >= 0; i--) {
    const mw = middleware[i];
    const next = composed;
    composed = (request) => mw(request, () => next(request));
  }
  return composed;
}
var errorPlugin = (server) => {
  const errorHandler = server.options.error;
  if (!errorHandler) return;
  server.options.middleware.unshift((_req, next) => {
    try {
      const res = next();
      return typeof res?.then === "function" ? res.then(void 0, (error) => errorHandler(error)) : res;
    } catch (error) {
      return errorHandler(error);
    }
  });
};

// node_modules/srvx/dist/adapters/generic.mjs
function serve(options) {
  return new GenericServer(options);
}
var _wait, _a4;
var GenericServer = (_a4 = class {
  constructor(options) {
    __publicField(this, "runtime", "generic");
    __publicField(this, "options");
    __publicField(this, "fetch");
    __publicField(this, "waitUntil");
    __privateAdd(this, _wait);
    this.options = {
      ...options,
      middleware: [...options.middleware || []]
    };
    for (const plugin of options.plugins || []) plugin(this);
    errorPlugin(this);
    __privateSet(this, _wait, createWaitUntil());
    this.waitUntil = __privateGet(this, _wait).waitUntil;
    const fetchHandler = wrapFetch(this);
    this.fetch = (request) => {
      if (typeof request.waitUntil !== "function") Object.defineProperties(request, { waitUntil: { value: __privateGet(this, _wait).waitUntil } });
      return Promise.resolve(fetchHandler(request));
    };
  }
  serve() {
  }
  ready() {
    return Promise.resolve(this);
  }
  async close() {
    await __privateGet(this, _wait).wait();
  }
}, _wait = new WeakMap(), _a4);

// node_modules/h3/dist/_entries/generic.mjs
function serve2(app, options) {
  freezeApp(app);
  return serve({
    fetch: app.fetch,
    ...options
  });
}
return module.exports;
})();
