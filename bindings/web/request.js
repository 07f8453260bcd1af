// Request: an HTTP request as fetch and server handlers see it.
(function (global, internal) {
"use strict";

const { Headers, extractBody, mixinBody, headersCopy, headersDefault, noBody, bodyRecord, toUSVString } = internal;
const { hasBody, bodyUnusable, cloneBody, takeBody } = internal;
const URLCtor = global.URL;
const constructing = Symbol("Request");
const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const normalMethods = { DELETE: "DELETE", GET: "GET", HEAD: "HEAD", OPTIONS: "OPTIONS", POST: "POST", PUT: "PUT" };
const forbiddenMethods = new Set(["CONNECT", "TRACE", "TRACK"]);
const enums = {
	mode: ["same-origin", "no-cors", "cors", "websocket"],
	credentials: ["omit", "same-origin", "include"],
	cache: ["default", "no-store", "reload", "no-cache", "force-cache", "only-if-cached"],
	redirect: ["follow", "error", "manual"],
	referrerPolicy: ["", "no-referrer", "no-referrer-when-downgrade", "same-origin", "origin", "strict-origin",
		"origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url"],
};

// The fetch options a server rarely looks at live in one record, shared until changed.
const defaultOptions = Object.freeze({
	mode: "cors", credentials: "same-origin", cache: "default", redirect: "follow",
	referrer: "about:client", referrerPolicy: "", integrity: "", keepalive: false,
});

// normalizeMethod upper-cases the six methods the Fetch standard normalizes; others (PATCH
// included) keep their case, like Node.
function normalizeMethod(method) {
	return normalMethods[method] ?? normalMethods[method.toUpperCase()] ?? method;
}

function parseURL(input) {
	let url;
	try {
		url = new URLCtor(input);
	} catch (err) {
		throw new TypeError("Failed to parse URL from " + input, { cause: err });
	}
	if (url.username !== "" || url.password !== "") {
		throw new TypeError("Request cannot be constructed from a URL that includes credentials: " + input);
	}
	return url.href;
}

function readOptions(init, base) {
	let options = base;
	for (const key in enums) {
		if (init[key] === undefined) continue;
		const v = String(init[key]);
		if (!enums[key].includes(v)) {
			throw new TypeError(`Request constructor: '${v}' is not a valid value for '${key}'.`);
		}
		if (options === base) options = { ...base };
		options[key] = v;
	}
	if (init.referrer !== undefined || init.integrity !== undefined || init.keepalive !== undefined) {
		if (options === base) options = { ...base };
		if (init.referrer !== undefined) {
			const referrer = toUSVString(init.referrer);
			options.referrer = referrer === "" ? "" : parseURL(referrer);
		}
		if (init.integrity !== undefined) options.integrity = String(init.integrity);
		if (init.keepalive !== undefined) options.keepalive = !!init.keepalive;
	}
	if (init.duplex !== undefined && String(init.duplex) !== "half") {
		throw new TypeError(`Request constructor: '${init.duplex}' is not a valid value for 'duplex'.`);
	}
	return options;
}

function followSignal(signal, parent) {
	if (parent.aborted) internal.abortSignal(signal, parent.reason);
	else internal.onAbort(parent, () => internal.abortSignal(signal, parent.reason));
	return signal;
}

class Request {
	#url = "";
	#method = "GET";
	#headers = null;
	#body = noBody;
	#signal = null; // created on first use
	#options = defaultOptions;

	constructor(input, init = undefined) {
		if (input === constructing) return;
		// (No arguments.length: goja builds an arguments object for every call that mentions it.)
		if (input === undefined) {
			throw new TypeError("Failed to construct 'Request': 1 argument required, but only 0 present.");
		}
		if (init != null && typeof init !== "object" && typeof init !== "function") {
			throw new TypeError("Failed to construct 'Request': The provided value is not of type 'RequestInit'.");
		}
		init ??= {};

		const source = isRequest(input) ? input : null;
		if (source !== null) {
			this.#url = source.#url;
			this.#method = source.#method;
			this.#options = source.#options;
		} else {
			this.#url = parseURL(toUSVString(input));
		}
		this.#options = readOptions(init, this.#options);

		if (init.method !== undefined) {
			const method = String(init.method);
			if (!tokenRe.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
			if (forbiddenMethods.has(method.toUpperCase())) throw new TypeError(`'${method}' HTTP method is unsupported.`);
			this.#method = normalizeMethod(method);
		}

		const parentSignal = init.signal !== undefined ? init.signal : source?.#signal ?? null;
		if (parentSignal !== null) {
			if (!internal.isAbortSignal(parentSignal)) {
				throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
			}
			this.#signal = followSignal(internal.newAbortSignal(), parentSignal);
		}

		this.#headers = init.headers !== undefined ? new Headers(init.headers)
			: source !== null ? headersCopy(source.#headers) : new Headers();

		const inputBody = source?.#body ?? noBody;
		if (bodyUnusable(inputBody)) {
			throw new TypeError("Cannot construct a Request with a Request object that has already been used.");
		}
		const hasInitBody = init.body != null;
		if ((hasInitBody || hasBody(inputBody)) && (this.#method === "GET" || this.#method === "HEAD")) {
			throw new TypeError("Request with GET/HEAD method cannot have body.");
		}
		if (hasInitBody) {
			this.#body = extractBody(init.body);
			if (this.#body.type !== null) headersDefault(this.#headers, "content-type", this.#body.type);
		} else if (hasBody(inputBody)) {
			this.#body = takeBody(inputBody);
		}
	}

	get method() { return this.#method; }
	get url() { return this.#url; }
	get headers() { return this.#headers; }
	get signal() { return this.#signal ??= internal.newAbortSignal(); }
	get destination() { return ""; }
	get referrer() { return this.#options.referrer; }
	get referrerPolicy() { return this.#options.referrerPolicy; }
	get mode() { return this.#options.mode; }
	get credentials() { return this.#options.credentials; }
	get cache() { return this.#options.cache; }
	get redirect() { return this.#options.redirect; }
	get integrity() { return this.#options.integrity; }
	get keepalive() { return this.#options.keepalive; }
	get isReloadNavigation() { return false; }
	get isHistoryNavigation() { return false; }
	get duplex() { return "half"; }

	clone() {
		if (bodyUnusable(this.#body)) throw new TypeError("Request.clone: Body has already been consumed.");
		const r = new Request(constructing);
		r.#url = this.#url;
		r.#method = this.#method;
		r.#options = this.#options;
		r.#headers = headersCopy(this.#headers);
		r.#body = cloneBody(this.#body);
		if (this.#signal !== null) r.#signal = followSignal(internal.newAbortSignal(), this.#signal);
		return r;
	}

	static {
		internal.isRequest = (v) => v !== null && typeof v === "object" && #url in v;
		// newRequest builds an incoming request from Go, which has parsed and validated it.
		internal.newRequest = (method, url, headers, bytes) => {
			const r = new Request(constructing);
			r.#method = normalizeMethod(method);
			r.#url = url;
			r.#headers = headers;
			if (bytes !== null) r.#body = bodyRecord(bytes, null);
			return r;
		};
		internal.requestBody = (v) => {
			if (!(#body in v)) throw new TypeError("Illegal invocation");
			return v.#body;
		};
		internal.requestHeaders = (v) => v.#headers;
		// requestParts is what fetch sends: [method, url, headers, body record, signal or
		// null, redirect mode], read past any getters a subclass overrides.
		internal.requestParts = (v) => [v.#method, v.#url, v.#headers, v.#body, v.#signal, v.#options.redirect];
	}
}

const isRequest = internal.isRequest;
mixinBody(Request.prototype, internal.requestBody, internal.requestHeaders, "Request");
Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: "Request", configurable: true });

internal.Request = Request;
internal.define("Request", Request);
})
