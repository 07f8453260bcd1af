// Headers: a case-insensitive multimap of HTTP header fields. Names are stored lower-cased,
// each with its values in insertion order; iteration is sorted by name and joins repeated
// values with ", ", except set-cookie, whose values are yielded one by one.
(function (global, internal) {
"use strict";

const { toSequence, toUSVString } = internal;
const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const badValueRe = /[\0\r\n]/;
const edgeWhitespaceRe = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function checkName(name, method) {
	name = toUSVString(name);
	if (!tokenRe.test(name)) throw new TypeError(`Headers.${method}: "${name}" is an invalid header name.`);
	return name.toLowerCase();
}

function checkValue(value, method) {
	value = toUSVString(value).replace(edgeWhitespaceRe, "");
	if (badValueRe.test(value)) throw new TypeError(`Headers.${method}: "${value}" is an invalid header value.`);
	return value;
}


class Headers {
	#map = new Map(); // lower-cased name -> [value, ...]
	#sorted = null;   // cached sorted, combined [name, value] pairs
	#immutable = false;

	constructor(init = undefined) {
		if (init !== undefined) fill(this, init);
	}

	append(name, value) {
		if (arguments.length < 2) throw new TypeError("Headers.append: 2 arguments required");
		const n = checkName(name, "append");
		const v = checkValue(value, "append");
		this.#checkMutable();
		this.#append(n, v);
	}

	delete(name) {
		const n = checkName(name, "delete");
		this.#checkMutable();
		if (this.#map.delete(n)) this.#sorted = null;
	}

	get(name) {
		const values = this.#map.get(checkName(name, "get"));
		return values === undefined ? null : values.join(", ");
	}

	getSetCookie() {
		return this.#map.get("set-cookie")?.slice() ?? [];
	}

	has(name) {
		return this.#map.has(checkName(name, "has"));
	}

	set(name, value) {
		if (arguments.length < 2) throw new TypeError("Headers.set: 2 arguments required");
		const n = checkName(name, "set");
		const v = checkValue(value, "set");
		this.#checkMutable();
		this.#map.set(n, [v]);
		this.#sorted = null;
	}

	forEach(callback, thisArg = undefined) {
		if (typeof callback !== "function") {
			throw new TypeError("Headers.forEach: Argument 1 is not a function");
		}
		for (const [name, value] of this.#pairs()) callback.call(thisArg, value, name, this);
	}

	entries() { return new HeadersIterator(this.#pairs(), "entries"); }
	keys() { return new HeadersIterator(this.#pairs(), "keys"); }
	values() { return new HeadersIterator(this.#pairs(), "values"); }

	#pairs() {
		if (this.#sorted !== null) return this.#sorted;
		const names = [...this.#map.keys()].sort();
		const pairs = [];
		for (const name of names) {
			const values = this.#map.get(name);
			if (name === "set-cookie") {
				for (const v of values) pairs.push([name, v]);
			} else {
				pairs.push([name, values.join(", ")]);
			}
		}
		this.#sorted = pairs;
		return pairs;
	}

	#append(name, value) {
		const values = this.#map.get(name);
		if (values === undefined) this.#map.set(name, [value]);
		else values.push(value);
		this.#sorted = null;
	}

	#checkMutable() {
		if (this.#immutable) throw new TypeError("immutable");
	}

	static {
		internal.isHeaders = (v) => v !== null && typeof v === "object" && #map in v;
		// headersFromFlat trusts its input: [name, value, name, value, ...] already valid
		// (it comes from net/http).
		internal.headersFromFlat = (flat) => {
			const h = new Headers();
			for (let i = 0; i + 1 < flat.length; i += 2) h.#append(String(flat[i]).toLowerCase(), String(flat[i + 1]));
			return h;
		};
		// headersFlat lists every stored value: [name, value, name, value, ...].
		internal.headersFlat = (h) => {
			const flat = [];
			for (const [name, values] of h.#map) {
				for (const v of values) flat.push(name, v);
			}
			return flat;
		};
		internal.headersCopy = (h) => {
			const c = new Headers();
			for (const [name, values] of h.#map) c.#map.set(name, values.slice());
			return c;
		};
		internal.headersFreeze = (h) => { h.#immutable = true; return h; };
		// headersAppend bypasses the guard; construction code uses it before freezing.
		internal.headersAppend = (h, name, value) => h.#append(name, value);
		internal.headersFill = (h, init) => fill(h, init);
		// headersInitFlat is Go's Header(): any HeadersInit, validated, as a flat list.
		internal.headersInitFlat = (init) => internal.headersFlat(internal.isHeaders(init) ? init : new Headers(init));
	}
}

function fill(headers, init) {
	if (internal.isHeaders(init)) {
		const flat = internal.headersFlat(init);
		for (let i = 0; i < flat.length; i += 2) headers.append(flat[i], flat[i + 1]);
		return;
	}
	if (init === null || (typeof init !== "object" && typeof init !== "function")) {
		throw new TypeError("Headers constructor: expected a sequence of name/value pairs or a record");
	}
	if (typeof init[Symbol.iterator] === "function") {
		for (const pair of init) {
			const p = [...toSequence(pair, "Headers")];
			if (p.length !== 2) {
				throw new TypeError(`Headers constructor: expected name/value pair to be length 2, found ${p.length}.`);
			}
			headers.append(p[0], p[1]);
		}
		return;
	}
	for (const key of Object.keys(init)) headers.append(key, init[key]);
}

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

class HeadersIterator {
	#pairs;
	#kind;
	#index = 0;

	constructor(pairs, kind) {
		this.#pairs = pairs;
		this.#kind = kind;
	}

	next() {
		if (this.#index >= this.#pairs.length) return { value: undefined, done: true };
		const [name, value] = this.#pairs[this.#index++];
		switch (this.#kind) {
		case "keys": return { value: name, done: false };
		case "values": return { value, done: false };
		default: return { value: [name, value], done: false };
		}
	}
}

Object.setPrototypeOf(HeadersIterator.prototype, IteratorPrototype);
Object.defineProperty(HeadersIterator.prototype, Symbol.toStringTag, { value: "Headers Iterator", configurable: true });
Object.defineProperty(Headers.prototype, Symbol.iterator, { value: Headers.prototype.entries, writable: true, configurable: true });
Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: "Headers", configurable: true });

internal.Headers = Headers;
internal.define("Headers", Headers);
})
