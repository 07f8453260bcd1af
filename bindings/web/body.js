// The Body mixin shared by Request and Response, and body extraction (BodyInit -> bytes).
// A body is a record { bytes, used, type, stream }. bytes is null (no body or a stream body), a
// string (kept as given and encoded to UTF-8 only when read, as most bodies are strings) or a
// Uint8Array that never escapes to user code (readers get copies), so clones and Blobs may
// share it. stream is the body's ReadableStream: given to the constructor (bytes is then null)
// or made from bytes the first time .body is asked for, so a body nobody streams never pays for
// one. type is the Content-Type the body implies, or null. Records without a body never
// change, so one frozen noBody serves them all.
(function (global, internal) {
"use strict";

const { utf8Encode, copyBytes, blobBytes, blobType, makeBlob, toUSVString, bodyText, bodyBytes, bodyBuffer } = internal;
const { isReadableStream, streamUnusable, streamDisturbed, streamReadAll, streamMarkConsumed, streamTee, bytesStream } = internal;
const URLSearchParamsCtor = global.URLSearchParams;
const jsonParse = JSON.parse;
const resolve = Promise.resolve.bind(Promise);
const reject = Promise.reject.bind(Promise);
const promiseThen = Promise.prototype.then;

const noBody = Object.freeze({ bytes: null, used: false, type: null, stream: null });

function bodyRecord(bytes, type, stream = null) {
	return { bytes, used: false, type, stream };
}

function hasBody(body) {
	return body.bytes !== null || body.stream !== null;
}

// bodyUnusable: read already, or its stream is disturbed or locked.
function bodyUnusable(body) {
	return body.used || (body.stream !== null && streamUnusable(body.stream));
}

function isBodyUsed(body) {
	return body.used || (body.stream !== null && streamDisturbed(body.stream));
}

// bodyStream is the .body getter: the stream, made from the bytes on first use.
function bodyStream(body) {
	if (body.stream === null && body.bytes !== null) body.stream = bytesStream(body.bytes, body.used);
	return body.stream;
}

// cloneBody is the standard's "clone a body": bytes are shared (nobody can change them), a
// stream is teed and the original keeps one branch.
function cloneBody(body) {
	if (body.bytes !== null) return bodyRecord(body.bytes, body.type);
	if (body.stream === null) return noBody;
	const [mine, theirs] = streamTee(body.stream, true);
	body.stream = mine;
	return bodyRecord(null, body.type, theirs);
}

// takeBody moves body into a new record (new Request(request)): the old one becomes used.
function takeBody(body) {
	const taken = body.bytes !== null ? bodyRecord(body.bytes, null) : bodyRecord(null, null, body.stream);
	body.used = true;
	if (body.bytes !== null && body.stream !== null) streamMarkConsumed(body.stream);
	return taken;
}

// extractBody turns a BodyInit into a fresh body record; type is the Content-Type the body
// implies, or null.
function extractBody(body) {
	if (typeof body === "string") return bodyRecord(body, "text/plain;charset=UTF-8");
	if (body !== null && typeof body === "object") {
		if (isReadableStream(body)) {
			if (streamUnusable(body)) throw new TypeError("Response body object should not be disturbed or locked");
			return bodyRecord(null, null, body);
		}
		const fromBlob = blobBytes(body);
		if (fromBlob !== undefined) return bodyRecord(fromBlob, blobType(body) || null);
		const copied = copyBytes(body);
		if (copied !== undefined) return bodyRecord(copied, null);
		if (body instanceof URLSearchParamsCtor) {
			return bodyRecord(String(body), "application/x-www-form-urlencoded;charset=UTF-8");
		}
		if (internal.isFormData(body)) {
			const [bytes, boundary] = internal.encodeMultipart(internal.formDataFlat(body));
			return bodyRecord(bytes, "multipart/form-data; boundary=" + boundary);
		}
	}
	return bodyRecord(toUSVString(body), "text/plain;charset=UTF-8");
}

// mixinBody defines the body readers on proto. bodyOf(obj) returns obj's body record and
// throws a TypeError for anything that is not one of proto's instances.
function mixinBody(proto, bodyOf, headersOf, className) {
	function consume(self, convert) {
		try {
			const body = bodyOf(self);
			if (bodyUnusable(body)) throw new TypeError("Body is unusable: Body has already been read");
			const bytes = body.bytes;
			if (bytes === null && body.stream !== null) {
				body.used = true;
				return promiseThen.call(streamReadAll(body.stream), (b) => convert(b, self));
			}
			if (bytes !== null) {
				body.used = true;
				// A stream made by .body but never read is closed: its bytes were taken.
				if (body.stream !== null) streamMarkConsumed(body.stream);
			}
			return resolve(convert(bytes ?? "", self));
		} catch (err) {
			return reject(err);
		}
	}

	const methods = {
		arrayBuffer() { return consume(this, bodyBuffer); },
		bytes() { return consume(this, bodyBytes); },
		text() { return consume(this, bodyText); },
		json() { return consume(this, (b) => jsonParse(bodyText(b))); },
		blob() {
			return consume(this, (b, self) => makeBlob(typeof b === "string" ? utf8Encode(b) : b, headersOf(self).get("content-type") ?? ""));
		},
		formData() { return consume(this, (b, self) => parseFormData(b, headersOf(self).get("content-type"), className)); },
	};
	for (const name of Object.keys(methods)) {
		Object.defineProperty(proto, name, { value: methods[name], writable: true, enumerable: true, configurable: true });
	}
	Object.defineProperty(proto, "body", {
		get: function body() { return bodyStream(bodyOf(this)); },
		enumerable: true,
		configurable: true,
	});
	Object.defineProperty(proto, "bodyUsed", {
		get: function bodyUsed() { return isBodyUsed(bodyOf(this)); },
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
		for (const [name, value] of new URLSearchParamsCtor(bodyText(bytes))) flat.push(name, value, undefined, undefined);
		return internal.formDataFromFlat(flat);
	}
	throw new TypeError(`${className}.formData: Could not parse content as FormData.`);
}

internal.noBody = noBody;
internal.bodyRecord = bodyRecord;
internal.hasBody = hasBody;
internal.bodyUnusable = bodyUnusable;
internal.cloneBody = cloneBody;
internal.takeBody = takeBody;
internal.extractBody = extractBody;
internal.mixinBody = mixinBody;
})
