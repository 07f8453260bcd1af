// structuredClone: the HTML structured clone algorithm for the values a server passes around.
// Shared references and cycles are preserved; functions, symbols and host objects that cannot
// be serialized throw a DataCloneError.
(function (global, internal) {
"use strict";

const { DOMException } = internal;
const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayName = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;
const typedArrays = {
	Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
	Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};
const errorTypes = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
const arrayBufferSlice = ArrayBuffer.prototype.slice;
const objectToString = Object.prototype.toString;
const isArray = Array.isArray;

function dataCloneError(value) {
	let what;
	if (typeof value === "symbol") what = value.toString();
	else if (typeof value === "function") what = String(value);
	else what = "#<" + (objectToString.call(value).slice(8, -1)) + ">";
	return new DOMException(what + " could not be cloned.", "DataCloneError");
}

function structuredClone(value, options = undefined) {
	if (arguments.length === 0) {
		throw new TypeError('The "value" argument must be specified');
	}
	if (options?.transfer !== undefined && [...options.transfer].length > 0) {
		throw new DOMException("Transferring objects is not supported", "DataCloneError");
	}
	const memory = new Map();

	function copyProps(from, to) {
		for (const key of Object.keys(from)) to[key] = clone(from[key]);
		return to;
	}

	function clone(v) {
		if (typeof v === "symbol" || typeof v === "function") throw dataCloneError(v);
		if (v === null || typeof v !== "object") return v;
		const seen = memory.get(v);
		if (seen !== undefined) return seen;

		let out;
		if (isArray(v)) {
			out = new Array(v.length);
			memory.set(v, out);
			return copyProps(v, out);
		}
		if (v instanceof Date) {
			out = new Date(v.getTime());
		} else if (v instanceof RegExp) {
			out = new RegExp(v.source, v.flags);
		} else if (v instanceof Map) {
			out = new Map();
			memory.set(v, out);
			for (const [k, val] of [...v]) out.set(clone(k), clone(val));
			return out;
		} else if (v instanceof Set) {
			out = new Set();
			memory.set(v, out);
			for (const k of [...v]) out.add(clone(k));
			return out;
		} else if (v instanceof ArrayBuffer) {
			out = arrayBufferSlice.call(v, 0);
		} else if (ArrayBuffer.isView(v)) {
			const buffer = clone(v.buffer);
			const name = typedArrayName.call(v);
			out = name === undefined
				? new DataView(buffer, v.byteOffset, v.byteLength)
				: new typedArrays[name](buffer, v.byteOffset, v.length);
		} else if (v instanceof Error) {
			const name = v.name in errorTypes ? v.name : "Error";
			out = new errorTypes[name](v.message);
			memory.set(v, out);
			if ("cause" in v) out.cause = clone(v.cause);
			if (typeof v.stack === "string") {
				Object.defineProperty(out, "stack", { value: v.stack, writable: true, configurable: true });
			}
			return out;
		} else if (v instanceof Boolean || v instanceof Number || v instanceof String || v instanceof BigInt) {
			out = Object(v.valueOf());
		} else if (internal.blobBytes(v) !== undefined) {
			out = internal.isFile(v)
				? internal.makeFile(internal.blobBytes(v), v.type, v.name, v.lastModified)
				: internal.makeBlob(internal.blobBytes(v), v.type);
		} else if (isPlainData(v)) {
			out = {};
			memory.set(v, out);
			return copyProps(v, out);
		} else {
			throw dataCloneError(v);
		}
		memory.set(v, out);
		return out;
	}

	return clone(value);
}

// isPlainData reports whether v is cloned as an ordinary object: class instances lose their
// prototype like in Node, but promises, weak collections and the web classes here do not clone.
function isPlainData(v) {
	const tag = objectToString.call(v);
	switch (tag) {
	case "[object Promise]": case "[object WeakMap]": case "[object WeakSet]":
	case "[object Request]": case "[object Response]": case "[object Headers]":
	case "[object AbortSignal]": case "[object AbortController]": case "[object EventTarget]":
	case "[object FormData]": case "[object Event]":
		return false;
	}
	return true;
}

internal.define("structuredClone", structuredClone);
})
