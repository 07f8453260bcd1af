// crypto: the Web Crypto entry point: randomness from Go's crypto/rand, and subtle (subtle.js).
(function (global, internal) {
"use strict";

const { DOMException, randomUUID, fillRandom } = internal;
const constructing = Symbol("Crypto");
const typedArrayName = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
const integerArrays = new Set(["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array",
	"Int32Array", "Uint32Array", "BigInt64Array", "BigUint64Array"]);
const maxRandomBytes = 65536;

class Crypto {
	constructor(key = undefined) {
		if (key !== constructing) throw new TypeError("Illegal constructor");
	}

	getRandomValues(array) {
		if (arguments.length === 0) throw new TypeError('The "typedArray" argument must be specified');
		const name = ArrayBuffer.isView(array) ? typedArrayName.call(array) : undefined;
		if (!integerArrays.has(name)) {
			throw new DOMException("The data argument must be an integer-type TypedArray", "TypeMismatchError");
		}
		if (array.byteLength > maxRandomBytes) {
			throw new DOMException(`The ArrayBuffer's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (${maxRandomBytes})`, "QuotaExceededError");
		}
		fillRandom(array);
		return array;
	}

	randomUUID() {
		return randomUUID();
	}

	get subtle() {
		return internal.subtle;
	}
}

Object.defineProperty(Crypto.prototype, Symbol.toStringTag, { value: "Crypto", configurable: true });

internal.define("Crypto", Crypto);
internal.define("crypto", new Crypto(constructing));
})
