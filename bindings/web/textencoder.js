// TextEncoder: strings to UTF-8 bytes (the work is done in Go).
(function (global, internal) {
"use strict";

const { utf8Encode, utf8EncodeInto } = internal;

class TextEncoder {
	get encoding() { return "utf-8"; }

	encode(input = "") {
		return utf8Encode(typeof input === "string" ? input : internal.toUSVString(input));
	}

	encodeInto(source, destination) {
		if (!(destination instanceof Uint8Array)) {
			throw new TypeError('The "dest" argument must be an instance of Uint8Array.');
		}
		const [read, written] = utf8EncodeInto(internal.toUSVString(source), destination);
		return { read, written };
	}
}

Object.defineProperty(TextEncoder.prototype, Symbol.toStringTag, { value: "TextEncoder", configurable: true });

internal.define("TextEncoder", TextEncoder);
})
