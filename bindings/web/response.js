// Response: what a handler returns and fetch resolves to.
(function (global, internal) {
"use strict";

const { Headers, extractBody, mixinBody, headersCopy, headersFreeze, headersDefault, noBody, bodyRecord, toUSVString, utf8Encode } = internal;
const { hasBody, bodyUnusable, cloneBody, streamDisturbed } = internal;
const URLCtor = global.URL;
const jsonStringify = JSON.stringify;
const constructing = Symbol("Response");
const reasonPhraseRe = /^[\t\x20-\x7e\x80-\xff]*$/;
const nullBodyStatuses = new Set([101, 103, 204, 205, 304]);
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

// toUnsignedShort is WebIDL's conversion to `unsigned short`.
function toUnsignedShort(v) {
	let n = Number(v);
	n = Number.isFinite(n) ? Math.trunc(n) : 0;
	return ((n % 65536) + 65536) % 65536;
}

class Response {
	#status = 200;
	#statusText = "";
	#headers = null;
	#body = noBody;
	#type = "default";
	#url = "";
	#redirected = false;

	constructor(body = null, init = undefined) {
		if (body === constructing) return;
		this.#initialize(init, body != null ? extractBody(body) : noBody);
	}

	// #initialize is the standard's "initialize a response" step.
	#initialize(init, body) {
		let headersInit;
		if (init != null) {
			if (typeof init !== "object" && typeof init !== "function") {
				throw new TypeError("Failed to construct 'Response': The provided value is not of type 'ResponseInit'.");
			}
			if (init.status !== undefined) {
				const status = toUnsignedShort(init.status);
				if (status < 200 || status > 599) {
					throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
				}
				this.#status = status;
			}
			if (init.statusText !== undefined) {
				const statusText = String(init.statusText);
				if (!reasonPhraseRe.test(statusText)) throw new TypeError("Invalid statusText");
				this.#statusText = statusText;
			}
			headersInit = init.headers;
		}
		this.#headers = new Headers(headersInit);
		if (hasBody(body)) {
			if (nullBodyStatuses.has(this.#status)) {
				throw new TypeError("Response constructor: Invalid response status code " + this.#status);
			}
			this.#body = body;
			if (body.type !== null) headersDefault(this.#headers, "content-type", body.type);
		}
	}

	get type() { return this.#type; }
	get url() { return this.#url; }
	get redirected() { return this.#redirected; }
	get status() { return this.#status; }
	get ok() { return this.#status >= 200 && this.#status <= 299; }
	get statusText() { return this.#statusText; }
	get headers() { return this.#headers; }

	clone() {
		if (bodyUnusable(this.#body)) throw new TypeError("Response.clone: Body has already been consumed.");
		const r = new Response(constructing);
		r.#status = this.#status;
		r.#statusText = this.#statusText;
		r.#type = this.#type;
		r.#url = this.#url;
		r.#redirected = this.#redirected;
		r.#headers = headersCopy(this.#headers);
		if (this.#type === "error" || this.#type === "basic") headersFreeze(r.#headers);
		r.#body = cloneBody(this.#body);
		return r;
	}

	static error() {
		const r = new Response(constructing);
		r.#status = 0;
		r.#type = "error";
		r.#headers = headersFreeze(new Headers());
		return r;
	}

	static json(data, init = undefined) {
		const text = jsonStringify(data);
		if (text === undefined) throw new TypeError("Value is not JSON serializable");
		const r = new Response(constructing);
		r.#initialize(init, bodyRecord(utf8Encode(text), "application/json"));
		return r;
	}

	static redirect(url, status = 302) {
		let href;
		try {
			href = new URLCtor(toUSVString(url)).href;
		} catch (err) {
			throw new TypeError("Failed to parse URL from " + url, { cause: err });
		}
		status = toUnsignedShort(status);
		if (!redirectStatuses.has(status)) throw new RangeError("Invalid status code " + status);
		const r = new Response(constructing);
		r.#status = status;
		r.#headers = new Headers();
		internal.headersAppend(r.#headers, "location", href);
		headersFreeze(r.#headers);
		return r;
	}

	static {
		internal.responseBody = (v) => {
			if (!(#body in v)) throw new TypeError("Illegal invocation");
			return v.#body;
		};
		internal.responseHeaders = (v) => v.#headers;
		// responseParts is what Go's AsResponse reads: [status, statusText, headers, bytes or
		// null, stream or null], or undefined for anything that is not a Response. The bytes
		// win while JavaScript has not started reading the stream made from them.
		internal.responseParts = (v) => {
			if (!(#status in v)) return undefined;
			const b = v.#body;
			if (b.bytes !== null && (b.used || b.stream === null || !streamDisturbed(b.stream))) {
				return [v.#status, v.#statusText, v.#headers, b.bytes, null];
			}
			return [v.#status, v.#statusText, v.#headers, null, b.stream];
		};
		// fetchedResponse builds what fetch resolves with; its headers are immutable, like
		// undici's.
		internal.fetchedResponse = (status, statusText, headers, url, redirected, body) => {
			const r = new Response(constructing);
			r.#status = status;
			r.#statusText = statusText;
			r.#headers = headersFreeze(headers);
			r.#url = url;
			r.#redirected = redirected;
			r.#type = "basic";
			r.#body = body;
			return r;
		};
	}
}

mixinBody(Response.prototype, internal.responseBody, internal.responseHeaders, "Response");
Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: "Response", configurable: true });

internal.Response = Response;
internal.define("Response", Response);
})
