package compat

// notRunnable names the h3 exports no case can run here, with the reason; the coverage test
// counts them as named.
var notRunnable = map[string]string{
	"serve": "starts a server of its own on a port; the suite's reference already is one (srvx)",
}

const (
	sealedCookie = `Fe26\.2\*[^;\s]+`
	jsonCT       = "application/json"
	basicAda     = "Basic YWRhOmxvdmVsYWNl" // ada:lovelace
)

var (
	sealed   = volatile(sealedCookie, "<sealed>")
	duration = volatile(`dur=[0-9.]+`, "dur=<n>")
)

// cases are the requests the suite sends to the app in apps/h3 on both servers.
var cases = []compatCase{
	// Defining handlers.
	{Name: "define/handler", Uses: []string{"defineHandler"}, Path: "/define/handler"},
	{Name: "define/handler-wrong-method", Uses: []string{"defineHandler"}, Method: "POST", Path: "/define/handler"},
	{Name: "define/event-handler", Uses: []string{"defineEventHandler", "eventHandler"}, Path: "/define/event-handler"},
	{Name: "define/object-form", Uses: []string{"defineHandler"}, Method: "PUT", Path: "/define/object", Compare: []string{"x-object-mw"}},
	{Name: "define/lazy", Uses: []string{"defineLazyEventHandler", "lazyEventHandler"}, Path: "/define/lazy"},
	{Name: "define/validated-ok", Uses: []string{"defineValidatedHandler"}, Path: "/define/validated?n=3"},
	{Name: "define/validated-bad", Uses: []string{"defineValidatedHandler"}, Path: "/define/validated?n=x"},
	{Name: "define/dynamic", Uses: []string{"dynamicEventHandler"}, Path: "/define/dynamic"},
	{Name: "define/to-event-handler", Uses: []string{"toEventHandler"}, Path: "/define/to-event-handler"},
	{Name: "define/websocket-plain-get", Uses: []string{"defineWebSocketHandler", "defineWebSocket"}, Path: "/define/websocket"},
	{Name: "define/websocket-http-fallback", Uses: []string{"defineWebSocketHandler"}, Path: "/define/websocket-http"},
	{Name: "define/jsonrpc", Uses: []string{"defineJsonRpcHandler"}, Method: "POST", Path: "/define/jsonrpc",
		Header: map[string]string{"content-type": jsonCT}, Body: `{"jsonrpc":"2.0","id":1,"method":"echo","params":{"a":1}}`},
	{Name: "define/jsonrpc-error", Uses: []string{"defineJsonRpcHandler"}, Method: "POST", Path: "/define/jsonrpc",
		Header: map[string]string{"content-type": jsonCT}, Body: `{"jsonrpc":"2.0","id":2,"method":"fail"}`},
	{Name: "define/jsonrpc-unknown-method", Uses: []string{"defineJsonRpcHandler"}, Method: "POST", Path: "/define/jsonrpc",
		Header: map[string]string{"content-type": jsonCT}, Body: `{"jsonrpc":"2.0","id":3,"method":"missing"}`},
	{Name: "define/jsonrpc-websocket-plain-get", Uses: []string{"defineJsonRpcWebSocketHandler"}, Path: "/define/jsonrpc-ws"},
	{Name: "define/node-handler", Uses: []string{"fromNodeHandler", "defineNodeHandler"}, Path: "/define/node-handler?q=1"},
	{Name: "define/node-middleware", Uses: []string{"fromNodeMiddleware", "defineNodeMiddleware", "defineNodeListener"}, Path: "/define/node-middleware", Compare: []string{"x-node-mw"}},
	{Name: "define/to-node", Uses: []string{"toNodeHandler", "toNodeListener", "H3"}, Path: "/define/to-node"},

	// Apps, middleware, plugins.
	{Name: "app/sub-app", Uses: []string{"H3", "withBase"}, Path: "/sub/hello"},
	{Name: "app/sub-app-param", Uses: []string{"H3", "withBase"}, Path: "/sub/items/42"},
	{Name: "app/sub-app-post", Uses: []string{"H3", "withBase"}, Method: "POST", Path: "/sub/items"},
	{Name: "app/sub-app-not-found", Uses: []string{"H3", "withBase"}, Path: "/sub/nothing"},
	{Name: "app/core", Uses: []string{"H3Core", "createApp", "createRouter"}, Path: "/app/core"},
	{Name: "app/middleware-chain", Uses: []string{"defineMiddleware", "onRequest", "onResponse", "composeMiddleware", "toMiddleware"}, Path: "/app/middleware", Compare: []string{"x-on-response"}},
	{Name: "app/middleware-on-error", Uses: []string{"onError"}, Path: "/app/middleware?fail"},
	{Name: "app/call-middleware", Uses: []string{"callMiddleware"}, Path: "/app/middleware?call"},
	{Name: "app/plugin-and-route", Uses: []string{"definePlugin", "defineRoute"}, Path: "/app/plugin", Compare: []string{"x-plugin"}},
	{Name: "app/remove-route", Uses: []string{"removeRoute"}, Path: "/app/plugin?gone"},
	{Name: "app/body-limit-under", Uses: []string{"bodyLimit"}, Method: "POST", Path: "/app/body-limit", Header: map[string]string{"content-type": jsonCT}, Body: `"short"`},
	{Name: "app/body-limit-over", Uses: []string{"bodyLimit"}, Method: "POST", Path: "/app/body-limit", Header: map[string]string{"content-type": "text/plain"}, Body: "far too long a body"},
	{Name: "app/from-web-handler", Uses: []string{"fromWebHandler"}, Path: "/app/web", Compare: []string{"x-web"}},
	{Name: "app/to-web-handler", Uses: []string{"toWebHandler"}, Path: "/app/web?to"},
	{Name: "app/fetch-with-event", Uses: []string{"fetchWithEvent"}, Path: "/app/fetch"},

	// The event.
	{Name: "event/kind", Uses: []string{"H3Event", "isEvent", "isHTTPEvent", "getEventContext", "mockEvent"}, Path: "/event/kind"},
	{Name: "event/dispose", Uses: []string{"onDispose"}, Path: "/event/dispose"},

	// Request.
	{Name: "req/query", Uses: []string{"getQuery"}, Path: "/req/query?a=1&b=two&b=three&empty=&enc=%C3%A9%20x"},
	{Name: "req/validated-query-ok", Uses: []string{"getValidatedQuery"}, Path: "/req/validated-query?n=5"},
	{Name: "req/validated-query-bad", Uses: []string{"getValidatedQuery"}, Path: "/req/validated-query?n=-1"},
	{Name: "req/validated-query-fn", Uses: []string{"getValidatedQuery"}, Path: "/req/validated-query?fn&n=1"},
	{Name: "req/validated-query-fn-false", Uses: []string{"getValidatedQuery"}, Path: "/req/validated-query?fn&n=2"},
	{Name: "req/router-params", Uses: []string{"getRouterParam", "getRouterParams"}, Path: "/req/params/a%20b"},
	{Name: "req/validated-router-params-ok", Uses: []string{"getValidatedRouterParams"}, Path: "/req/params/12/validated"},
	{Name: "req/validated-router-params-bad", Uses: []string{"getValidatedRouterParams"}, Path: "/req/params/abc/validated"},
	{Name: "req/catch-all", Uses: []string{"getRouterParam"}, Path: "/req/files/a/b/c.txt"},
	{Name: "req/method-get", Uses: []string{"getMethod", "isMethod", "assertMethod"}, Path: "/req/method"},
	{Name: "req/method-head", Uses: []string{"assertMethod"}, Method: "HEAD", Path: "/req/method"},
	{Name: "req/method-rejected", Uses: []string{"assertMethod"}, Method: "DELETE", Path: "/req/method"},
	{Name: "req/url", Uses: []string{"getRequestHost", "getRequestProtocol", "getRequestURL", "getRequestPath"}, Path: "/req/url?x=1",
		Header: map[string]string{"x-forwarded-host": "public.test", "x-forwarded-proto": "https"}},
	{Name: "req/ip", Uses: []string{"getRequestIP"}, Path: "/req/ip", Header: map[string]string{"x-forwarded-for": "203.0.113.9, 10.0.0.1"}},
	{Name: "req/headers", Uses: []string{"getRequestHeader", "getRequestHeaders", "getHeader", "getHeaders"}, Path: "/req/headers",
		Header: map[string]string{"x-one": "1", "x-two": "2"}},
	{Name: "req/fingerprint", Uses: []string{"getRequestFingerprint"}, Path: "/req/fingerprint", Header: map[string]string{"user-agent": "compat-agent"}},
	{Name: "req/to-request", Uses: []string{"toRequest", "requestWithURL", "requestWithBaseURL"}, Path: "/req/to-request?q=1"},
	{Name: "req/body-json", Uses: []string{"readBody"}, Method: "POST", Path: "/req/body/json", Header: map[string]string{"content-type": jsonCT}, Body: `{"a":[1,2],"b":{"c":null}}`},
	{Name: "req/body-urlencoded", Uses: []string{"readBody"}, Method: "POST", Path: "/req/body/json",
		Header: map[string]string{"content-type": "application/x-www-form-urlencoded"}, Body: "a=1&b=x+y&b=z"},
	{Name: "req/body-text", Uses: []string{"readBody"}, Method: "POST", Path: "/req/body/json", Header: map[string]string{"content-type": "text/plain"}, Body: "just text"},
	{Name: "req/body-bad-json", Uses: []string{"readBody"}, Method: "POST", Path: "/req/body/json", Header: map[string]string{"content-type": jsonCT}, Body: `{"a":`},
	{Name: "req/body-empty", Uses: []string{"readBody"}, Method: "POST", Path: "/req/body/json"},
	{Name: "req/validated-body-ok", Uses: []string{"readValidatedBody"}, Method: "POST", Path: "/req/body/validated", Header: map[string]string{"content-type": jsonCT}, Body: `{"n":7}`},
	{Name: "req/validated-body-bad", Uses: []string{"readValidatedBody"}, Method: "POST", Path: "/req/body/validated", Header: map[string]string{"content-type": jsonCT}, Body: `{"n":"seven"}`},
	{Name: "req/raw-body", Uses: []string{"readRawBody"}, Method: "POST", Path: "/req/body/raw", Header: map[string]string{"content-type": "text/plain"}, Body: "héllo raw"},
	{Name: "req/raw-body-bytes", Uses: []string{"readRawBody"}, Method: "POST", Path: "/req/body/raw?bytes", Header: map[string]string{"content-type": "text/plain"}, Body: "héllo raw"},
	{Name: "req/form-data-urlencoded", Uses: []string{"readFormData"}, Method: "POST", Path: "/req/body/form",
		Header: map[string]string{"content-type": "application/x-www-form-urlencoded"}, Body: "a=1&b=2"},
	{Name: "req/form-data-multipart", Uses: []string{"readFormData", "readFormDataBody"}, Method: "POST", Path: "/req/body/form?alias",
		Header: map[string]string{"content-type": "multipart/form-data; boundary=XB"}, Body: multipartBody},
	{Name: "req/multipart", Uses: []string{"readMultipartFormData"}, Method: "POST", Path: "/req/body/multipart",
		Header: map[string]string{"content-type": "multipart/form-data; boundary=XB"}, Body: multipartBody},
	{Name: "req/body-stream", Uses: []string{"getBodyStream", "getRequestWebStream"}, Method: "POST", Path: "/req/body/stream",
		Header: map[string]string{"content-type": "application/octet-stream"}, Body: "0123456789abcdef"},
	{Name: "req/body-size-ok", Uses: []string{"assertBodySize"}, Method: "POST", Path: "/req/body/size", Header: map[string]string{"content-type": "text/plain"}, Body: "small"},
	{Name: "req/body-size-over", Uses: []string{"assertBodySize"}, Method: "POST", Path: "/req/body/size", Header: map[string]string{"content-type": "text/plain"}, Body: "this is more than ten bytes"},
	{Name: "req/content-type-ok", Uses: []string{"requireContentType"}, Method: "POST", Path: "/req/body/content-type", Header: map[string]string{"content-type": "application/json; charset=utf-8"}, Body: "{}"},
	{Name: "req/content-type-wrong", Uses: []string{"requireContentType"}, Method: "POST", Path: "/req/body/content-type", Header: map[string]string{"content-type": "text/html"}, Body: "<p>"},
	{Name: "req/content-type-missing", Uses: []string{"requireContentType"}, Method: "POST", Path: "/req/body/content-type", Body: "x"},
	{Name: "req/accept-query", Uses: []string{"appendAcceptQuery"}, Path: "/req/accept-query", Compare: []string{"accept-query"}},

	// Cookies.
	{Name: "cookies/read", Uses: []string{"parseCookies", "getCookie", "getChunkedCookie", "getValidatedCookies"}, Path: "/cookies/read",
		Header: map[string]string{"cookie": "a=1; b=two%20words; big=__chunked__2; big.1=hello; big.2=world"}},
	{Name: "cookies/read-invalid", Uses: []string{"getValidatedCookies"}, Path: "/cookies/read", Header: map[string]string{"cookie": "b=2"}},
	{Name: "cookies/set-and-delete", Uses: []string{"setCookie", "deleteCookie"}, Path: "/cookies/set"},
	{Name: "cookies/chunked", Uses: []string{"setChunkedCookie", "deleteChunkedCookie"}, Path: "/cookies/chunked", Header: map[string]string{"cookie": "gone=__chunked__2; gone.1=a; gone.2=b"}},

	// Response.
	{Name: "res/status", Uses: []string{"setResponseStatus", "getResponseStatus", "getResponseStatusText"}, Path: "/res/status"},
	{Name: "res/headers", Uses: []string{"setResponseHeader", "setResponseHeaders", "appendResponseHeader", "appendResponseHeaders",
		"setHeader", "setHeaders", "appendHeader", "appendHeaders", "getResponseHeader", "getResponseHeaders", "removeResponseHeader", "clearResponseHeaders"},
		Path: "/res/headers", Compare: []string{"x-set", "x-set-many", "x-remove", "x-append", "x-alias-set", "x-alias-sets", "x-alias-append", "x-cleared"}},
	{Name: "res/clear-all-headers", Uses: []string{"clearResponseHeaders"}, Path: "/res/clear-all", Compare: []string{"x-gone"}},
	{Name: "res/default-content-type", Uses: []string{"defaultContentType"}, Path: "/res/default-type"},
	{Name: "res/redirect", Uses: []string{"redirect"}, Path: "/res/redirect"},
	{Name: "res/send-redirect", Uses: []string{"sendRedirect"}, Path: "/res/redirect?old"},
	{Name: "res/redirect-back", Uses: []string{"redirectBack"}, Path: "/res/redirect-back", Header: map[string]string{"referer": "http://compat.test/came/from?x=1"}},
	{Name: "res/redirect-back-foreign", Uses: []string{"redirectBack"}, Path: "/res/redirect-back", Header: map[string]string{"referer": "http://evil.test/"}},
	{Name: "res/no-content", Uses: []string{"noContent"}, Path: "/res/no-content"},
	{Name: "res/send-no-content", Uses: []string{"sendNoContent"}, Path: "/res/no-content?old"},
	{Name: "res/html-template", Uses: []string{"html", "raw"}, Path: "/res/html?name=%3Cb%3E"},
	{Name: "res/html-string", Uses: []string{"html"}, Path: "/res/html?string"},
	{Name: "res/json", Path: "/res/json"},
	{Name: "res/value-number", Path: "/res/values?kind=number"},
	{Name: "res/value-boolean", Path: "/res/values?kind=boolean"},
	{Name: "res/value-null", Path: "/res/values?kind=null"},
	{Name: "res/value-undefined", Path: "/res/values?kind=undefined"},
	{Name: "res/value-bigint", Path: "/res/values?kind=bigint"},
	{Name: "res/value-uint8array", Path: "/res/values?kind=bytes"},
	{Name: "res/value-arraybuffer", Path: "/res/values?kind=buffer"},
	{Name: "res/value-blob", Path: "/res/values?kind=blob"},
	{Name: "res/value-array", Path: "/res/values?kind=array"},
	{Name: "res/value-symbol", Path: "/res/values?kind=symbol"},
	{Name: "res/value-function", Path: "/res/values?kind=function"},
	{Name: "res/value-string", Path: "/res/values"},
	{Name: "res/web-response", Path: "/res/response", Compare: []string{"x-web"}},
	{Name: "res/http-response", Uses: []string{"HTTPResponse"}, Path: "/res/response?kind=http", Compare: []string{"x-made"}},
	{Name: "res/send-web-response", Uses: []string{"sendWebResponse"}, Path: "/res/response?kind=send"},
	{Name: "res/to-response", Uses: []string{"toResponse"}, Path: "/res/response?kind=to"},
	{Name: "res/readable-stream", Path: "/res/stream"},
	{Name: "res/send-stream", Uses: []string{"sendStream"}, Path: "/res/stream?send"},
	{Name: "res/iterable", Uses: []string{"iterable"}, Path: "/res/iterable"},
	{Name: "res/send-iterable", Uses: []string{"sendIterable"}, Path: "/res/iterable?old"},
	{Name: "res/early-hints", Uses: []string{"writeEarlyHints"}, Path: "/res/early-hints"},
	{Name: "res/event-stream", Uses: []string{"createEventStream", "EventStream"}, Path: "/res/sse"},
	{Name: "res/server-timing", Uses: []string{"setServerTiming", "withServerTiming"}, Path: "/res/server-timing", Compare: []string{"server-timing"}, Volatile: []rewrite{duration}},
	{Name: "res/cache-fresh", Uses: []string{"handleCacheHeaders"}, Path: "/res/cache"},
	{Name: "res/cache-not-modified", Uses: []string{"handleCacheHeaders"}, Path: "/res/cache", Header: map[string]string{"if-none-match": `"v1"`}},
	{Name: "res/cache-isolation", Uses: []string{"withCacheIsolation"}, Path: "/res/cache-isolation", Header: map[string]string{"cookie": "a=1"}},

	// Errors.
	{Name: "errors/http-error", Uses: []string{"HTTPError"}, Path: "/errors/http-error"},
	{Name: "errors/http-error-status", Uses: []string{"HTTPError"}, Path: "/errors/http-error?kind=status"},
	{Name: "errors/http-error-headers", Uses: []string{"HTTPError"}, Path: "/errors/http-error?kind=headers", Compare: []string{"retry-after"}},
	{Name: "errors/http-error-returned", Uses: []string{"HTTPError"}, Path: "/errors/http-error?kind=returned"},
	{Name: "errors/http-error-cause", Uses: []string{"HTTPError"}, Path: "/errors/http-error?kind=cause"},
	{Name: "errors/create-error", Uses: []string{"createError"}, Path: "/errors/create-error"},
	{Name: "errors/create-error-number", Uses: []string{"createError"}, Path: "/errors/create-error?number"},
	{Name: "errors/is-error", Uses: []string{"isError", "H3Error", "createError"}, Path: "/errors/create-error?check"},
	{Name: "errors/thrown-error", Path: "/errors/thrown"},
	{Name: "errors/thrown-string", Path: "/errors/thrown?string"},
	{Name: "errors/thrown-object", Path: "/errors/thrown?object"},
	{Name: "errors/returned-error", Path: "/errors/returned"},
	{Name: "errors/async-rejection", Path: "/errors/async"},
	{Name: "errors/sanitize", Uses: []string{"sanitizeStatusCode", "sanitizeStatusMessage"}, Path: "/errors/sanitize"},
	{Name: "errors/not-found", Path: "/no/such/route"},

	// CORS.
	{Name: "cors/preflight", Uses: []string{"handleCors"}, Method: "OPTIONS", Path: "/cors/handle",
		Header: map[string]string{"origin": "http://allowed.test", "access-control-request-method": "POST", "access-control-request-headers": "x-custom"}},
	{Name: "cors/simple", Uses: []string{"handleCors"}, Path: "/cors/handle", Header: map[string]string{"origin": "http://allowed.test"}},
	{Name: "cors/disallowed-origin", Uses: []string{"handleCors"}, Path: "/cors/handle", Header: map[string]string{"origin": "http://evil.test"}},
	{Name: "cors/append", Uses: []string{"appendCorsHeaders", "isCorsOriginAllowed", "isPreflightRequest"}, Path: "/cors/append", Header: map[string]string{"origin": "http://allowed.test"}},
	{Name: "cors/append-preflight", Uses: []string{"appendCorsPreflightHeaders", "isPreflightRequest"}, Method: "OPTIONS", Path: "/cors/append",
		Header: map[string]string{"origin": "http://allowed.test", "access-control-request-method": "GET"}},

	// Auth.
	{Name: "auth/basic-missing", Uses: []string{"basicAuth"}, Path: "/auth/basic"},
	{Name: "auth/basic-ok", Uses: []string{"basicAuth"}, Path: "/auth/basic", Header: map[string]string{"authorization": basicAda}},
	{Name: "auth/basic-wrong", Uses: []string{"basicAuth"}, Path: "/auth/basic", Header: map[string]string{"authorization": "Basic YWRhOndyb25n"}},
	{Name: "auth/require-ok", Uses: []string{"requireBasicAuth"}, Path: "/auth/require", Header: map[string]string{"authorization": basicAda}},
	{Name: "auth/require-missing", Uses: []string{"requireBasicAuth"}, Path: "/auth/require"},

	// Sessions.
	{Name: "session/use", Uses: []string{"useSession"}, Path: "/session/use", Volatile: []rewrite{sealed}},
	{Name: "session/get-update-clear", Uses: []string{"getSession", "updateSession", "clearSession"}, Path: "/session/get", Volatile: []rewrite{sealed}},
	{Name: "session/seal-unseal", Uses: []string{"sealSession", "unsealSession"}, Path: "/session/seal", Volatile: []rewrite{sealed}},

	// Proxy (to the suite's local upstream only).
	{Name: "proxy/proxy", Uses: []string{"proxy"}, Method: "POST", Path: "/proxy/proxy", Header: map[string]string{"content-type": "text/plain", "x-probe": "kept"}, Body: "proxied body", Compare: []string{"x-upstream-echo"}},
	{Name: "proxy/proxy-request", Uses: []string{"proxyRequest"}, Path: "/proxy/request", Compare: []string{"x-upstream-echo"}},
	{Name: "proxy/send-proxy", Uses: []string{"sendProxy"}, Path: "/proxy/request?old", Compare: []string{"x-upstream-echo"}},
	{Name: "proxy/request-headers", Uses: []string{"getProxyRequestHeaders"}, Path: "/proxy/headers", Header: map[string]string{"x-probe": "p"}},

	// Static files and paths.
	{Name: "static/file", Uses: []string{"serveStatic"}, Path: "/static/hello.txt", Compare: []string{"content-length"}},
	{Name: "static/json-file", Uses: []string{"serveStatic"}, Path: "/static/data.json"},
	{Name: "static/head", Uses: []string{"serveStatic"}, Method: "HEAD", Path: "/static/hello.txt", Compare: []string{"content-length"}},
	{Name: "static/missing", Uses: []string{"serveStatic"}, Path: "/static/nope.txt"},
	{Name: "static/not-modified", Uses: []string{"serveStatic"}, Path: "/static/hello.txt", Header: map[string]string{"if-none-match": `"17"`}},
	{Name: "static/wrong-method", Uses: []string{"serveStatic"}, Method: "POST", Path: "/static/hello.txt"},
	{Name: "paths/normalize", Uses: []string{"resolveDotSegments", "isCanonicalPath", "normalizeRoute", "useBase"}, Path: "/paths/normalize"},

	// The middleware/ folder and the file rules.
	{Name: "files/middleware-runs", Path: "/mw/seen"},
	{Name: "files/middleware-ends-request", Path: "/mw/stop"},
	{Name: "files/index", Path: "/"},
	{Name: "files/method-suffix", Method: "POST", Path: "/routing/only"},
	{Name: "files/method-suffix-other-method", Path: "/routing/only"},
	{Name: "files/group-folder", Path: "/routing/grouped"},
	{Name: "files/param-with-prefix", Path: "/routing/user-42"},
	{Name: "files/static-beats-param", Path: "/routing/user-me"},
	{Name: "files/api-folder", Path: "/api/hello"},
	{Name: "files/nested-index", Path: "/routing/nested"},
	{Name: "files/unnamed-catch-all", Path: "/routing/any/x/y"},
	{Name: "files/trailing-slash", Path: "/routing/grouped/"},
	{Name: "files/head-of-get-route", Method: "HEAD", Path: "/define/handler"},
}

// multipartBody is a form with a text field and a file, boundary XB.
const multipartBody = "--XB\r\n" +
	"Content-Disposition: form-data; name=\"title\"\r\n\r\n" +
	"hello\r\n" +
	"--XB\r\n" +
	"Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n" +
	"Content-Type: text/plain\r\n\r\n" +
	"file body\r\n" +
	"--XB--\r\n"
