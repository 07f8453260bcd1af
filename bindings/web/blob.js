// Blob: immutable bytes with a MIME type. The bytes live in a Uint8Array that never leaves
// this file's closures, so slices and clones may share it.
(function (global, internal) {
"use strict";

const { copyBytes, copyBuffer, concatBytes, utf8Encode, utf8Decode } = internal;
const empty = new Uint8Array(0);

// normalizeType applies the Blob rule: a type with characters outside U+0020-U+007E is
// dropped, anything else is lower-cased.
function normalizeType(type) {
	type = String(type);
	for (let i = 0; i < type.length; i++) {
		const c = type.charCodeAt(i);
		if (c < 0x20 || c > 0x7e) return "";
	}
	return type.toLowerCase();
}

function toSequence(parts, what) {
	if (parts === null || (typeof parts !== "object" && typeof parts !== "function") ||
		typeof parts[Symbol.iterator] !== "function") {
		throw new TypeError(`Failed to construct '${what}': The provided value cannot be converted to a sequence.`);
	}
	return parts;
}

function toUSVString(v) {
	if (typeof v === "symbol") throw new TypeError("Cannot convert a Symbol value to a string");
	return String(v);
}

class Blob {
	#bytes = empty;
	#type = "";

	constructor(parts = undefined, options = undefined) {
		if (options != null && typeof options !== "object" && typeof options !== "function") {
			throw new TypeError("Failed to construct 'Blob': The provided value is not of type 'BlobPropertyBag'.");
		}
		const endings = options?.endings === undefined ? "transparent" : String(options.endings);
		if (endings !== "transparent" && endings !== "native") {
			throw new TypeError(`Failed to construct 'Blob': The provided value '${endings}' is not a valid enum value of type EndingType.`);
		}
		if (parts !== undefined) {
			const chunks = [];
			for (const part of toSequence(parts, "Blob")) {
				chunks.push(partBytes(part, endings));
			}
			this.#bytes = chunks.length === 1 ? chunks[0] : concatBytes(chunks);
		}
		if (options?.type !== undefined) this.#type = normalizeType(options.type);
	}

	get size() { return this.#bytes.length; }
	get type() { return this.#type; }

	slice(start = undefined, end = undefined, contentType = undefined) {
		const size = this.#bytes.length;
		const from = relativeIndex(start, 0, size);
		const to = relativeIndex(end, size, size);
		const blob = new Blob();
		blob.#bytes = from < to ? this.#bytes.subarray(from, to) : empty;
		blob.#type = contentType === undefined ? "" : normalizeType(contentType);
		return blob;
	}

	text() {
		try {
			return Promise.resolve(utf8Decode(this.#bytes));
		} catch (err) {
			return Promise.reject(err);
		}
	}

	arrayBuffer() {
		try {
			return Promise.resolve(copyBuffer(this.#bytes));
		} catch (err) {
			return Promise.reject(err);
		}
	}

	bytes() {
		try {
			return Promise.resolve(copyBytes(this.#bytes));
		} catch (err) {
			return Promise.reject(err);
		}
	}

	stream() {
		return internal.bytesStream(this.#bytes, false);
	}

	static {
		internal.blobBytes = (v) => (v !== null && typeof v === "object" && #bytes in v) ? v.#bytes : undefined;
		internal.blobType = (b) => b.#type;
		// makeBlob adopts bytes without copying: the caller hands them over.
		internal.makeBlob = (bytes, type, blob = new Blob()) => {
			blob.#bytes = bytes;
			blob.#type = normalizeType(type);
			return blob;
		};
	}
}

function relativeIndex(v, dflt, size) {
	if (v === undefined) return dflt;
	let n = Math.trunc(Number(v)) || 0;
	if (n < 0) n = Math.max(size + n, 0);
	return Math.min(n, size);
}

function partBytes(part, endings) {
	const blobBytes = internal.blobBytes(part);
	if (blobBytes !== undefined) return blobBytes;
	if (part !== null && typeof part === "object") {
		const copied = copyBytes(part);
		if (copied !== undefined) return copied;
	}
	let s = toUSVString(part);
	if (endings === "native") s = s.replace(/\r\n?/g, "\n");
	return utf8Encode(s);
}

Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: "Blob", configurable: true });

// File is a Blob with a name and a modification time (FormData entries use it).
class File extends Blob {
	#name;
	#lastModified;

	constructor(bits, name, options = undefined) {
		if (arguments.length < 2) {
			throw new TypeError("Failed to construct 'File': 2 arguments required, but only " + arguments.length + " present.");
		}
		super(toSequence(bits, "File"), options);
		this.#name = toUSVString(name);
		this.#lastModified = options?.lastModified === undefined ? Date.now() : Math.trunc(Number(options.lastModified)) || 0;
	}

	get name() { return this.#name; }
	get lastModified() { return this.#lastModified; }
	get webkitRelativePath() { return ""; }

	static {
		internal.makeFile = (bytes, type, name, lastModified = Date.now()) => {
			const file = new File([], name, { lastModified });
			return internal.makeBlob(bytes, type, file);
		};
		internal.isFile = (v) => v !== null && typeof v === "object" && #name in v;
	}
}

Object.defineProperty(File.prototype, Symbol.toStringTag, { value: "File", configurable: true });

internal.Blob = Blob;
internal.File = File;
internal.normalizeType = normalizeType;
internal.toUSVString = toUSVString;
internal.toSequence = toSequence;
internal.define("Blob", Blob);
internal.define("File", File);
})
