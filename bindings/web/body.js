// The Body mixin shared by Request and Response, and body extraction (BodyInit -> bytes).
// A body is a record { bytes: Uint8Array | null, used: boolean }; bytes never escape to user
// code (readers get copies), so clones and Blobs may share them.
(function (global, internal) {
"use strict";

const { utf8Encode, utf8Decode, copyBytes, copyBuffer, blobBytes, blobType, makeBlob, toUSVString } = internal;
const URLSearchParamsCtor = global.URLSearchParams;
const jsonParse = JSON.parse;
const resolve = Promise.resolve.bind(Promise);
const reject = Promise.reject.bind(Promise);
const empty = new Uint8Array(0);

// extractBody turns a BodyInit into { bytes, type }; type is null when the body implies none.
function extractBody(body) {
	if (typeof body === "string") {
		return { bytes: utf8Encode(body), type: "text/plain;charset=UTF-8" };
	}
	if (body !== null && typeof body === "object") {
		const fromBlob = blobBytes(body);
		if (fromBlob !== undefined) return { bytes: fromBlob, type: blobType(body) || null };
		const copied = copyBytes(body);
		if (copied !== undefined) return { bytes: copied, type: null };
		if (body instanceof URLSearchParamsCtor) {
			return { bytes: utf8Encode(String(body)), type: "application/x-www-form-urlencoded;charset=UTF-8" };
		}
		if (internal.isFormData(body)) {
			const [bytes, boundary] = internal.encodeMultipart(internal.formDataFlat(body));
			return { bytes, type: "multipart/form-data; boundary=" + boundary };
		}
	}
	return { bytes: utf8Encode(toUSVString(body)), type: "text/plain;charset=UTF-8" };
}

// mixinBody defines the body readers on proto. bodyOf(obj) returns obj's body record and
// throws a TypeError for anything that is not one of proto's instances.
function mixinBody(proto, bodyOf, headersOf, className) {
	function consume(self, convert) {
		try {
			const body = bodyOf(self);
			if (body.used) throw new TypeError("Body is unusable: Body has already been read");
			const bytes = body.bytes;
			if (bytes !== null) body.used = true;
			return resolve(convert(bytes ?? empty, self));
		} catch (err) {
			return reject(err);
		}
	}

	const methods = {
		arrayBuffer() { return consume(this, copyBuffer); },
		bytes() { return consume(this, copyBytes); },
		text() { return consume(this, utf8Decode); },
		json() { return consume(this, (b) => jsonParse(utf8Decode(b))); },
		blob() { return consume(this, (b, self) => makeBlob(b, headersOf(self).get("content-type") ?? "")); },
		formData() { return consume(this, (b, self) => parseFormData(b, headersOf(self).get("content-type"), className)); },
	};
	for (const name of Object.keys(methods)) {
		Object.defineProperty(proto, name, { value: methods[name], writable: true, enumerable: true, configurable: true });
	}
	Object.defineProperty(proto, "bodyUsed", {
		get: function bodyUsed() { return bodyOf(this).used; },
		enumerable: true,
		configurable: true,
	});
}

function parseFormData(bytes, contentType, className) {
	const essence = (contentType ?? "").split(";")[0].trim().toLowerCase();
	if (essence === "multipart/form-data") {
		const flat = internal.parseMultipart(bytes, contentType);
		if (flat !== undefined) return internal.formDataFromFlat(flat);
	} else if (essence === "application/x-www-form-urlencoded") {
		const flat = [];
		for (const [name, value] of new URLSearchParamsCtor(utf8Decode(bytes))) flat.push(name, value, undefined, undefined);
		return internal.formDataFromFlat(flat);
	}
	throw new TypeError(`${className}.formData: Could not parse content as FormData.`);
}

internal.extractBody = extractBody;
internal.mixinBody = mixinBody;
})
