// FormData: an ordered list of name/value entries whose values are strings or Files.
(function (global, internal) {
"use strict";

const { File, toUSVString } = internal;

function makeEntry(name, value, filename) {
	name = toUSVString(name);
	if (internal.blobBytes(value) === undefined) return [name, toUSVString(value)];
	if (!internal.isFile(value) || filename !== undefined) {
		const options = { type: value.type };
		if (internal.isFile(value)) options.lastModified = value.lastModified;
		value = new File([value], filename !== undefined ? toUSVString(filename) : internal.isFile(value) ? value.name : "blob", options);
	}
	return [name, value];
}

class FormData {
	#entries = [];

	constructor(form = undefined) {
		if (form !== undefined) throw new TypeError("FormData constructor: HTMLFormElement is not supported");
	}

	append(name, value, filename = undefined) {
		if (arguments.length < 2) throw new TypeError("FormData.append: 2 arguments required");
		this.#entries.push(makeEntry(name, value, filename));
	}

	delete(name) {
		name = toUSVString(name);
		this.#entries = this.#entries.filter((e) => e[0] !== name);
	}

	get(name) {
		name = toUSVString(name);
		const e = this.#entries.find((e) => e[0] === name);
		return e === undefined ? null : e[1];
	}

	getAll(name) {
		name = toUSVString(name);
		return this.#entries.filter((e) => e[0] === name).map((e) => e[1]);
	}

	has(name) {
		name = toUSVString(name);
		return this.#entries.some((e) => e[0] === name);
	}

	set(name, value, filename = undefined) {
		if (arguments.length < 2) throw new TypeError("FormData.set: 2 arguments required");
		const entry = makeEntry(name, value, filename);
		const i = this.#entries.findIndex((e) => e[0] === entry[0]);
		if (i < 0) {
			this.#entries.push(entry);
			return;
		}
		this.#entries[i] = entry;
		this.#entries = this.#entries.filter((e, j) => j <= i || e[0] !== entry[0]);
	}

	forEach(callback, thisArg = undefined) {
		if (typeof callback !== "function") throw new TypeError("FormData.forEach: Argument 1 is not a function");
		for (const [name, value] of this.#entries.slice()) callback.call(thisArg, value, name, this);
	}

	*entries() { for (const [name, value] of this.#entries.slice()) yield [name, value]; }
	*keys() { for (const [name] of this.#entries.slice()) yield name; }
	*values() { for (const [, value] of this.#entries.slice()) yield value; }

	static {
		internal.isFormData = (v) => v !== null && typeof v === "object" && #entries in v;
		// formDataFlat lists entries for the Go encoder: [name, value, filename, type, ...]
		// where value is a string (filename undefined) or a File's bytes.
		internal.formDataFlat = (fd) => {
			const flat = [];
			for (const [name, value] of fd.#entries) {
				if (typeof value === "string") flat.push(name, value, undefined, undefined);
				else flat.push(name, internal.blobBytes(value), value.name, value.type);
			}
			return flat;
		};
		internal.formDataFromFlat = (flat) => {
			const fd = new FormData();
			for (let i = 0; i < flat.length; i += 4) {
				const [name, value, filename, type] = [flat[i], flat[i + 1], flat[i + 2], flat[i + 3]];
				fd.#entries.push([name, filename === undefined ? value : internal.makeFile(value, type, filename)]);
			}
			return fd;
		};
	}
}

Object.defineProperty(FormData.prototype, Symbol.iterator, { value: FormData.prototype.entries, writable: true, configurable: true });
Object.defineProperty(FormData.prototype, Symbol.toStringTag, { value: "FormData", configurable: true });

internal.define("FormData", FormData);
})
