// atob and btoa: base64 over "binary strings" (one character per byte, U+0000-U+00FF).
(function (global, internal) {
"use strict";

const { DOMException, base64Decode, base64Encode } = internal;

function atob(data) {
	if (data === undefined) throw new TypeError('The "data" argument must be specified');
	const out = base64Decode(internal.toUSVString(data));
	if (out === null) throw new DOMException("The string to be decoded is not correctly encoded.", "InvalidCharacterError");
	return out;
}

function btoa(data) {
	if (data === undefined) throw new TypeError('The "data" argument must be specified');
	const out = base64Encode(String(data));
	if (out === null) throw new DOMException("Invalid character", "InvalidCharacterError");
	return out;
}

internal.define("atob", atob);
internal.define("btoa", btoa);
})
