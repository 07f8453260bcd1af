// Request: an HTTP request as fetch and server handlers see it.
(function (global, internal) {
"use strict";

const { Headers, extractBody, mixinBody, headersCopy, headersFromFlat, toUSVString } = internal;
const URLCtor = global.URL;
const constructing = Symbol("Request");
const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const normalMethods = { DELETE: "DELETE", GET: "GET", HEAD: "HEAD", OPTIONS: "OPTIONS", POST: "POST", PUT: "PUT" };
const forbiddenMethods = new Set(["CONNECT", "TRACE", "TRACK"]);
const enums = {
	mode: ["same-origin", "no-cors", "cors", "navigate", "websocket"],
	credentials: ["omit", "same-origin", "include"],
	cache: ["default", "no-store", "reload", "no-cache", "force-cache", "only-if-cached"],
	redirect: ["follow", "error", "manual"],
	referrerPolicy: ["", "no-referrer", "no-referrer-when-downgrade", "same-origin", "origin", "strict-origin",
		"origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url"],
	duplex: ["half"],
};

// normalizeMethod upper-cases the six methods the Fetch standard normalizes; others (PATCH
// included) keep their case, like Node.
function normalizeMethod(method) {
	const upper = method.toUpperCase();
	return normalMethods[upper] ?? method;
}

function enumValue(init, key) {
	const v = String(init[key]);
	if (!enums[key].includes(v)) {
		throw new TypeError(`Request constructor: '${v}' is not a valid value for '${key}'.`);
	}
	return v;
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

class Request {
	#url = "";
	#method = "GET";
	#headers;
	#body = { bytes: null, used: false };
	#signal;
	#mode = "cors";
	#credentials = "same-origin";
	#cache = "default";
	#redirect = "follow";
	#referrer = "about:client";
	#referrerPolicy = "";
	#integrity = "";
	#keepalive = false;

	constructor(input, init = undefined) {
		if (input === constructing) return;
		if (arguments.length === 0) {
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
			this.#mode = source.#mode === "navigate" ? "same-origin" : source.#mode;
			this.#credentials = source.#credentials;
			this.#cache = source.#cache;
			this.#redirect = source.#redirect;
			this.#referrer = source.#referrer;
			this.#referrerPolicy = source.#referrerPolicy;
			this.#integrity = source.#integrity;
			this.#keepalive = source.#keepalive;
		} else {
			this.#url = parseURL(toUSVString(input));
		}

		if (init.method !== undefined) {
			const method = String(init.method);
			if (!tokenRe.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
			const upper = method.toUpperCase();
			if (forbiddenMethods.has(upper)) throw new TypeError(`'${method}' HTTP method is unsupported.`);
			this.#method = normalizeMethod(method);
		}
		for (const key of ["mode", "credentials", "cache", "redirect", "referrerPolicy"]) {
			if (init[key] !== undefined) {
				const v = enumValue(init, key);
				if (key === "mode" && v === "navigate") {
					throw new TypeError("Request constructor: invalid request mode navigate.");
				}
				switch (key) {
				case "mode": this.#mode = v; break;
				case "credentials": this.#credentials = v; break;
				case "cache": this.#cache = v; break;
				case "redirect": this.#redirect = v; break;
				case "referrerPolicy": this.#referrerPolicy = v; break;
				}
			}
		}
		if (init.duplex !== undefined) enumValue(init, "duplex");
		if (init.referrer !== undefined) {
			const referrer = toUSVString(init.referrer);
			this.#referrer = referrer === "" ? "" : parseURL(referrer);
		}
		if (init.integrity !== undefined) this.#integrity = String(init.integrity);
		if (init.keepalive !== undefined) this.#keepalive = !!init.keepalive;

		this.#signal = internal.newAbortSignal();
		const parentSignal = init.signal !== undefined ? init.signal : source?.#signal ?? null;
		if (parentSignal !== null) {
			if (!internal.isAbortSignal(parentSignal)) {
				throw new TypeError("Failed to construct 'Request': member signal is not of type AbortSignal.");
			}
			if (parentSignal.aborted) internal.abortSignal(this.#signal, parentSignal.reason);
			else internal.onAbort(parentSignal, () => internal.abortSignal(this.#signal, parentSignal.reason));
		}

		this.#headers = init.headers !== undefined ? new Headers(init.headers)
			: source !== null ? headersCopy(source.#headers) : new Headers();

		const inputBody = source?.#body ?? null;
		if (inputBody !== null && inputBody.used) {
			throw new TypeError("Cannot construct a Request with a Request object that has already been used.");
		}
		const hasInitBody = init.body != null;
		if ((hasInitBody || (inputBody?.bytes ?? null) !== null) && (this.#method === "GET" || this.#method === "HEAD")) {
			throw new TypeError("Request with GET/HEAD method cannot have body.");
		}
		if (hasInitBody) {
			const { bytes, type } = extractBody(init.body);
			this.#body = { bytes, used: false };
			if (type !== null && !this.#headers.has("content-type")) this.#headers.append("content-type", type);
		} else if (inputBody !== null && inputBody.bytes !== null) {
			this.#body = { bytes: inputBody.bytes, used: false };
			inputBody.used = true;
		}
	}

	get method() { return this.#method; }
	get url() { return this.#url; }
	get headers() { return this.#headers; }
	get destination() { return ""; }
	get referrer() { return this.#referrer; }
	get referrerPolicy() { return this.#referrerPolicy; }
	get mode() { return this.#mode; }
	get credentials() { return this.#credentials; }
	get cache() { return this.#cache; }
	get redirect() { return this.#redirect; }
	get integrity() { return this.#integrity; }
	get keepalive() { return this.#keepalive; }
	get isReloadNavigation() { return false; }
	get isHistoryNavigation() { return false; }
	get signal() { return this.#signal; }
	get duplex() { return "half"; }

	clone() {
		if (this.#body.used) throw new TypeError("Request.clone: Body has already been consumed.");
		const r = new Request(constructing);
		r.#url = this.#url;
		r.#method = this.#method;
		r.#headers = headersCopy(this.#headers);
		r.#body = { bytes: this.#body.bytes, used: false };
		r.#mode = this.#mode;
		r.#credentials = this.#credentials;
		r.#cache = this.#cache;
		r.#redirect = this.#redirect;
		r.#referrer = this.#referrer;
		r.#referrerPolicy = this.#referrerPolicy;
		r.#integrity = this.#integrity;
		r.#keepalive = this.#keepalive;
		r.#signal = internal.newAbortSignal();
		const parent = this.#signal;
		if (parent.aborted) internal.abortSignal(r.#signal, parent.reason);
		else internal.onAbort(parent, () => internal.abortSignal(r.#signal, parent.reason));
		return r;
	}

	static {
		internal.isRequest = (v) => v !== null && typeof v === "object" && #url in v;
		// newRequest builds an incoming request from Go without re-validating what net/http
		// already parsed.
		internal.newRequest = (method, url, flatHeaders, bytes) => {
			const r = new Request(constructing);
			r.#method = normalizeMethod(String(method));
			r.#url = String(url);
			r.#headers = headersFromFlat(flatHeaders);
			r.#body = { bytes: bytes ?? null, used: false };
			r.#signal = internal.newAbortSignal();
			return r;
		};
		internal.requestBody = (v) => {
			if (!(#body in v)) throw new TypeError("Illegal invocation");
			return v.#body;
		};
		internal.requestHeaders = (v) => v.#headers;
	}
}

const isRequest = internal.isRequest;
mixinBody(Request.prototype, internal.requestBody, internal.requestHeaders, "Request");
Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: "Request", configurable: true });

internal.define("Request", Request);
})
