// fetch: outbound HTTP on Go's client (fetch.go), with undici's (Node's) behaviour where a
// server can see it. Nothing here waits: the request runs on a goroutine, and its response and
// every body chunk come back as loop jobs. Installed by EnableFetch, after the other scripts.
(function (global, internal) {
"use strict";

const { Request, requestParts, fetchStart, fetchedResponse, bodyRecord, noBody, newHostStream, streamReadAll, streamAbort, onAbort } = internal;
const PromiseCtor = Promise;
const promiseThen = Promise.prototype.then;
const promiseReject = Promise.reject.bind(Promise);
const ErrorCtor = Error;
const TypeErrorCtor = TypeError;
const Uint8ArrayCtor = Uint8Array;

function causeError(message, code) {
	const cause = new ErrorCtor(message);
	if (code) cause.code = code;
	return cause;
}

// failed is undici's network error: TypeError("fetch failed") with the reason as its cause.
function failed(message, code) {
	return new TypeErrorCtor("fetch failed", { cause: causeError(message, code) });
}

// terminated is undici's error for a body that broke off while being read.
function terminated(message) {
	return new TypeErrorCtor("terminated", { cause: causeError(message, "") });
}

function fetch(input, init = undefined) {
	let request;
	try {
		request = new Request(input, init);
	} catch (err) {
		return promiseReject(err);
	}
	const [method, url, headers, body, signal, redirect] = requestParts(request);
	if (signal !== null && signal.aborted) return promiseReject(signal.reason);

	return new PromiseCtor((resolve, reject) => {
		let settled = false; // the promise is resolved or rejected
		let abortRequest = null; // cancels the Go request and its body
		let stream = null; // the response body, once there is one
		let forget = null; // takes the abort algorithm off the signal
		const done = () => {
			if (forget !== null) forget();
			forget = null;
		};
		const fail = (err) => {
			if (settled) return;
			settled = true;
			done();
			reject(err);
		};
		if (signal !== null) {
			forget = onAbort(signal, () => {
				forget = null;
				if (abortRequest !== null) abortRequest();
				if (!settled) {
					settled = true;
					reject(signal.reason);
				} else if (stream !== null) {
					streamAbort(stream, signal.reason);
				}
			});
		}

		const answer = (message, code, status, statusText, responseHeaders, responseURL, redirected, source) => {
			if (settled) return false;
			if (message !== null) {
				fail(failed(message, code));
				return true;
			}
			settled = true;
			let responseBody = noBody;
			if (source instanceof Uint8ArrayCtor) {
				responseBody = bodyRecord(source, null);
			} else if (source !== null) {
				stream = newHostStream(
					(cb) => source.read((chunk, end, error) => {
						if (error !== undefined) {
							done();
							cb(undefined, false, terminated(error));
							return;
						}
						if (end) done();
						cb(chunk, end);
					}),
					() => {
						done();
						source.cancel();
					},
					(cb) => source.readAll((bytes, error) => {
						done();
						cb(bytes, error === undefined ? undefined : terminated(error));
					}));
				responseBody = bodyRecord(null, null, stream);
			}
			if (stream === null) done();
			resolve(fetchedResponse(status, statusText, responseHeaders, responseURL, redirected, responseBody));
			return true;
		};

		const send = (bytes) => {
			if (settled) return;
			abortRequest = fetchStart(method, url, headers, bytes, redirect, answer);
		};
		if (body.bytes === null && body.stream !== null) {
			// (azote) A stream body is read to its end first, then sent with a Content-Length.
			body.used = true;
			promiseThen.call(streamReadAll(body.stream), send, fail);
		} else {
			send(body.bytes);
		}
	});
}

internal.define("fetch", fetch);
})
