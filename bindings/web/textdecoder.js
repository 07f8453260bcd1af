// TextDecoder: UTF-8 bytes to strings, with the WHATWG replacement rules (the work is done in
// Go). Only UTF-8 is supported.
(function (global, internal) {
"use strict";

const { newUTF8Decoder, utf8DecoderDecode } = internal;
const utf8Labels = new Set(["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"]);

class TextDecoder {
	#decoder;
	#fatal;
	#ignoreBOM;

	constructor(label = "utf-8", options = undefined) {
		const name = String(label).trim().toLowerCase();
		if (!utf8Labels.has(name)) {
			throw new RangeError(`The "${label}" encoding is not supported`);
		}
		if (options != null && typeof options !== "object") {
			throw new TypeError('The "options" argument must be of type object.');
		}
		this.#fatal = !!options?.fatal;
		this.#ignoreBOM = !!options?.ignoreBOM;
		this.#decoder = newUTF8Decoder(this.#fatal, this.#ignoreBOM);
	}

	get encoding() { return "utf-8"; }
	get fatal() { return this.#fatal; }
	get ignoreBOM() { return this.#ignoreBOM; }

	decode(input = undefined, options = undefined) {
		if (options != null && typeof options !== "object") {
			throw new TypeError('The "options" argument must be of type object.');
		}
		return utf8DecoderDecode(this.#decoder, input, !!options?.stream);
	}
}

Object.defineProperty(TextDecoder.prototype, Symbol.toStringTag, { value: "TextDecoder", configurable: true });

internal.define("TextDecoder", TextDecoder);
})
