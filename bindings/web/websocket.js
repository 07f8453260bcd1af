// WebSocket, MessageEvent and CloseEvent: the WHATWG WebSocket client as undici (Node's) has
// it, over gorilla/websocket (websocket.go). Nothing here waits: the socket dials, reads and
// writes on goroutines, and what happens comes back through events(kind, ...) as loop jobs.
// Installed by EnableFetch, after the other scripts.
(function (global, internal) {
"use strict";

const { Event, EventTarget, DOMException, Blob, makeBlob, blobBytes, webSocketDial } = internal;
const URLCtor = URL;
const ArrayBufferCtor = ArrayBuffer;
const isView = ArrayBuffer.isView;
const TypeErrorCtor = TypeError;
const encoder = new TextEncoder();

const CONNECTING = 0, OPEN = 1, CLOSING = 2, CLOSED = 3;

class MessageEvent extends Event {
	#data;
	#origin;
	#lastEventId;
	#source;
	#ports;

	constructor(type, init = undefined) {
		super(type, init);
		this.#data = init?.data ?? null;
		this.#origin = init?.origin === undefined ? "" : String(init.origin);
		this.#lastEventId = init?.lastEventId === undefined ? "" : String(init.lastEventId);
		this.#source = init?.source ?? null;
		this.#ports = init?.ports === undefined ? [] : [...init.ports];
	}

	get data() { return this.#data; }
	get origin() { return this.#origin; }
	get lastEventId() { return this.#lastEventId; }
	get source() { return this.#source; }
	get ports() { return this.#ports; }
}

class CloseEvent extends Event {
	#wasClean;
	#code;
	#reason;

	constructor(type, init = undefined) {
		super(type, init);
		this.#wasClean = !!init?.wasClean;
		this.#code = init?.code === undefined ? 0 : Number(init.code) & 0xffff;
		this.#reason = init?.reason === undefined ? "" : String(init.reason);
	}

	get wasClean() { return this.#wasClean; }
	get code() { return this.#code; }
	get reason() { return this.#reason; }
}

// ErrorEvent is what undici fires on a failed connection; Node has no global for it.
class ErrorEvent extends Event {
	#message;
	#error;

	constructor(type, init = undefined) {
		super(type, init);
		this.#message = init?.message === undefined ? "" : String(init.message);
		this.#error = init?.error;
	}

	get message() { return this.#message; }
	get error() { return this.#error; }
}

function syntaxError(message) {
	return new DOMException(message, "SyntaxError");
}

// isToken is RFC 7230's token, which a subprotocol must be.
function isToken(s) {
	return /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(s);
}

function parseURL(url) {
	let u;
	try {
		u = new URLCtor(String(url));
	} catch (err) {
		throw syntaxError(err.message);
	}
	if (u.protocol === "http:") u.protocol = "ws:";
	else if (u.protocol === "https:") u.protocol = "wss:";
	if (u.protocol !== "ws:" && u.protocol !== "wss:") {
		throw syntaxError(`Expected a ws: or wss: protocol, got ${u.protocol}`);
	}
	if (u.hash !== "" || u.href.endsWith("#")) {
		throw syntaxError("Got fragment");
	}
	return u;
}

function parseProtocols(protocols) {
	const list = typeof protocols === "string" ? [protocols] : [...protocols].map(String);
	if (new Set(list.map((p) => p.toLowerCase())).size !== list.length) {
		throw syntaxError("Invalid Sec-WebSocket-Protocol value");
	}
	if (list.some((p) => !isToken(p))) {
		throw syntaxError("Invalid Sec-WebSocket-Protocol value");
	}
	return list;
}

const handlerNames = ["open", "message", "error", "close"];

class WebSocket extends EventTarget {
	#url;
	#origin;
	#readyState = CONNECTING;
	#protocol = "";
	#extensions = "";
	#binaryType = "blob";
	#bufferedAmount = 0;
	#handle;
	#handlers = { open: null, message: null, error: null, close: null };

	constructor(url, protocols = []) {
		super();
		if (arguments.length === 0) {
			throw new TypeErrorCtor("WebSocket constructor: 1 argument required, but only 0 present.");
		}
		const u = parseURL(url);
		const list = parseProtocols(protocols ?? []);
		this.#url = u.href;
		this.#origin = u.protocol + "//" + u.host; // the URL class gives ws: origins no port
		this.#handle = webSocketDial(this.#url, list, (kind, a, b, c) => this.#event(kind, a, b, c));
	}

	get url() { return this.#url; }
	get readyState() { return this.#readyState; }
	get protocol() { return this.#protocol; }
	get extensions() { return this.#extensions; }
	get bufferedAmount() { return this.#bufferedAmount; }
	get binaryType() { return this.#binaryType; }
	set binaryType(v) {
		this.#binaryType = v === "arraybuffer" ? v : "blob"; // undici's: anything else is "blob"
	}

	send(data) {
		if (arguments.length === 0) {
			throw new TypeErrorCtor("WebSocket.send: 1 argument required, but only 0 present.");
		}
		if (this.#readyState === CONNECTING) {
			throw new DOMException("Sent before connected.", "InvalidStateError");
		}
		if (this.#readyState !== OPEN) return;
		let sent;
		if (data instanceof ArrayBufferCtor || isView(data)) {
			sent = this.#handle.send(data, true);
		} else if (data instanceof Blob) {
			sent = this.#handle.send(blobBytes(data), true);
		} else {
			sent = this.#handle.send(String(data), false);
		}
		this.#bufferedAmount += sent;
	}

	close(code = undefined, reason = undefined) {
		if (code !== undefined) {
			code = Number(code) & 0xffff;
			if (code !== 1000 && (code < 3000 || code > 4999)) {
				throw new DOMException("invalid code", "InvalidAccessError");
			}
		}
		reason = reason === undefined ? "" : String(reason);
		if (encoder.encode(reason).length > 123) {
			throw syntaxError(`Reason must be less than 123 bytes; received ${encoder.encode(reason).length}`);
		}
		if (this.#readyState === CLOSING || this.#readyState === CLOSED) return;
		this.#readyState = CLOSING;
		this.#handle.close(code, reason);
	}

	#event(kind, a, b, c) {
		switch (kind) {
		case "open":
			if (this.#readyState === CONNECTING) this.#readyState = OPEN;
			this.#protocol = a;
			this.#extensions = b;
			this.dispatchEvent(new Event("open"));
			return;
		case "message": {
			if (this.#readyState !== OPEN) return;
			let data = a;
			if (b) data = this.#binaryType === "arraybuffer" ? a.buffer : makeBlob(a, "");
			this.dispatchEvent(new MessageEvent("message", { data, origin: this.#origin }));
			return;
		}
		case "sent":
			this.#bufferedAmount = Math.max(0, this.#bufferedAmount - a);
			return;
		case "error":
			this.dispatchEvent(new ErrorEvent("error", { message: a, error: new TypeErrorCtor(a) }));
			return;
		case "close":
			this.#readyState = CLOSED;
			this.dispatchEvent(new CloseEvent("close", { wasClean: c, code: a, reason: b }));
			return;
		}
	}

	static {
		for (const name of handlerNames) {
			Object.defineProperty(WebSocket.prototype, "on" + name, {
				get() { return this.#handlers[name]; },
				set(fn) {
					if (this.#handlers[name] !== null) this.removeEventListener(name, this.#handlers[name]);
					this.#handlers[name] = typeof fn === "function" ? fn : null;
					if (this.#handlers[name] !== null) this.addEventListener(name, this.#handlers[name]);
				},
				enumerable: true,
				configurable: true,
			});
		}
	}
}

for (const [name, value] of [["CONNECTING", CONNECTING], ["OPEN", OPEN], ["CLOSING", CLOSING], ["CLOSED", CLOSED]]) {
	Object.defineProperty(WebSocket, name, { value, enumerable: true });
	Object.defineProperty(WebSocket.prototype, name, { value, enumerable: true });
}

for (const [name, value] of [["WebSocket", WebSocket], ["MessageEvent", MessageEvent], ["CloseEvent", CloseEvent]]) {
	Object.defineProperty(global, name, { value, writable: true, configurable: true, enumerable: false });
}
})
