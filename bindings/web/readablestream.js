// ReadableStream: the part of the WHATWG Streams standard route handlers and fetch bodies use:
// default controllers and readers, queuing strategies, async iteration, tee() and
// ReadableStream.from(). A "bytes" stream is accepted and behaves as a default stream (there
// are no BYOB readers), which is what code that only calls getReader() needs. There is no
// WritableStream or TransformStream, so no pipeTo or pipeThrough either.
//
// Each public object holds one private record and the algorithms below, named after the
// standard's abstract operations, work on records, so the classes stay thin and Go-facing
// helpers (hostRead, streamReadAll ...) reach the same state.
//   stream record:     { object, state, reader, storedError, disturbed, controller, readAll, hostReader }
//   controller record: { stream, object, chunks, sizes, head, total, started, closeRequested,
//                        pullAgain, pulling, hwm, size, source, pull, cancel }
//   reader record:     { stream, requests, closed }; a read request is { chunk(v), close(), error(e) }
(function (global, internal) {
"use strict";

const { copyBytes, utf8Encode, concatBytes } = internal;
const PromiseCtor = Promise;
const promiseThen = Promise.prototype.then;
const promiseResolve = Promise.resolve.bind(Promise);
const promiseReject = Promise.reject.bind(Promise);
const Uint8ArrayCtor = Uint8Array;
const ArrayBufferCtor = ArrayBuffer;
const isView = ArrayBuffer.isView;
const constructing = Symbol("ReadableStream");
const resolvedPromise = promiseResolve();

// goja has no Symbol.asyncIterator. esbuild's lowered for-await looks for
// Symbol.for("Symbol.asyncIterator") when it is missing, so that is the symbol to provide.
const asyncIteratorSymbol = Symbol.asyncIterator ?? Symbol.for("Symbol.asyncIterator");
if (Symbol.asyncIterator === undefined) {
	Object.defineProperty(Symbol, "asyncIterator", { value: asyncIteratorSymbol });
}

function noop() {}

function then(p, onFulfilled, onRejected) {
	return promiseThen.call(p, onFulfilled, onRejected);
}

function queueJob(fn) {
	then(resolvedPromise, fn);
}

function deferred() {
	let resolve, reject;
	const promise = new PromiseCtor((res, rej) => { resolve = res; reject = rej; });
	return { promise, resolve, reject };
}

// markHandled keeps a rejection nobody has to look at out of the unhandled-rejection report.
function markHandled(p) {
	then(p, undefined, noop);
	return p;
}

// ---- controller algorithms ----

function canCloseOrEnqueue(C) {
	return !C.closeRequested && C.stream.state === "readable";
}

function desiredSize(C) {
	const state = C.stream.state;
	if (state === "errored") return null;
	if (state === "closed") return 0;
	return C.hwm - C.total;
}

function queueEmpty(C) {
	return C.head === C.chunks.length;
}

function resetQueue(C) {
	C.chunks = [];
	C.sizes = [];
	C.head = 0;
	C.total = 0;
}

function dequeue(C) {
	const i = C.head;
	const chunk = C.chunks[i];
	C.total -= C.sizes[i];
	if (C.total < 0) C.total = 0; // rounding errors of fractional sizes
	C.chunks[i] = undefined;
	C.head = i + 1;
	if (C.head === C.chunks.length) {
		resetQueue(C);
	} else if (C.head >= 1024 && C.head * 2 >= C.chunks.length) {
		C.chunks = C.chunks.slice(C.head);
		C.sizes = C.sizes.slice(C.head);
		C.head = 0;
	}
	return chunk;
}

function clearAlgorithms(C) {
	C.pull = null;
	C.cancel = null;
	C.size = undefined;
	C.source = undefined;
}

function shouldCallPull(C) {
	if (C.pull === null || !C.started || !canCloseOrEnqueue(C)) return false;
	const R = C.stream.reader;
	if (R !== null && R.requests.length > 0) return true;
	return desiredSize(C) > 0;
}

function callPullIfNeeded(C) {
	if (!shouldCallPull(C)) return;
	if (C.pulling) {
		C.pullAgain = true;
		return;
	}
	C.pulling = true;
	let result;
	try {
		result = promiseResolve(C.pull.call(C.source, C.object));
	} catch (e) {
		result = promiseReject(e);
	}
	then(result, () => {
		C.pulling = false;
		if (C.pullAgain) {
			C.pullAgain = false;
			callPullIfNeeded(C);
		}
	}, (e) => controllerError(C, e));
}

function controllerEnqueue(C, chunk) {
	if (!canCloseOrEnqueue(C)) return;
	const R = C.stream.reader;
	if (R !== null && R.requests.length > 0) {
		R.requests.shift().chunk(chunk);
	} else {
		let size = 1;
		if (C.size !== undefined) {
			try {
				size = Number(C.size.call(undefined, chunk));
				if (!(size >= 0) || size === Infinity) {
					throw new RangeError("The return value of a queuing strategy's size function must be a finite, non-NaN, non-negative number.");
				}
			} catch (e) {
				controllerError(C, e);
				throw e;
			}
		}
		C.chunks.push(chunk);
		C.sizes.push(size);
		C.total += size;
	}
	callPullIfNeeded(C);
}

function controllerClose(C) {
	if (!canCloseOrEnqueue(C)) return;
	C.closeRequested = true;
	if (queueEmpty(C)) {
		clearAlgorithms(C);
		streamClose(C.stream);
	}
}

function controllerError(C, e) {
	if (C.stream.state !== "readable") return;
	resetQueue(C);
	clearAlgorithms(C);
	streamError(C.stream, e);
}

// controllerPull serves one read request from the queue, or parks it until a chunk comes.
function controllerPull(C, req) {
	if (!queueEmpty(C)) {
		const chunk = dequeue(C);
		if (C.closeRequested && queueEmpty(C)) {
			clearAlgorithms(C);
			streamClose(C.stream);
		} else {
			callPullIfNeeded(C);
		}
		req.chunk(chunk);
		return;
	}
	C.stream.reader.requests.push(req);
	callPullIfNeeded(C);
}

// ---- stream algorithms ----

function newStreamRecord(object) {
	return {
		object, state: "readable", reader: null, storedError: undefined, disturbed: false,
		controller: null, readAll: null, hostReader: null,
	};
}

// setUpController wires a controller to S and runs start; pull is called once start settles.
// A start that throws makes the constructor throw, as the standard says.
function setUpController(S, source, start, pull, cancel, hwm, size) {
	const C = {
		stream: S, object: null, chunks: [], sizes: [], head: 0, total: 0,
		started: false, closeRequested: false, pullAgain: false, pulling: false,
		hwm, size, source, pull, cancel,
	};
	C.object = new ReadableStreamDefaultController(constructing, C);
	S.controller = C;
	const started = start === null ? undefined : start.call(source, C.object);
	then(promiseResolve(started), () => {
		C.started = true;
		callPullIfNeeded(C);
	}, (e) => controllerError(C, e));
	return C;
}

function streamClose(S) {
	S.state = "closed";
	const R = S.reader;
	if (R === null) return;
	R.closed.resolve();
	const requests = R.requests;
	R.requests = [];
	for (const req of requests) req.close();
}

function streamError(S, e) {
	S.state = "errored";
	S.storedError = e;
	const R = S.reader;
	if (R === null) return;
	R.closed.reject(e);
	const requests = R.requests;
	R.requests = [];
	for (const req of requests) req.error(e);
}

function streamCancel(S, reason) {
	S.disturbed = true;
	if (S.state === "closed") return promiseResolve(undefined);
	if (S.state === "errored") return promiseReject(S.storedError);
	streamClose(S);
	const C = S.controller;
	resetQueue(C);
	const cancel = C.cancel;
	const source = C.source;
	clearAlgorithms(C);
	let result;
	try {
		result = promiseResolve(cancel === null ? undefined : cancel.call(source, reason));
	} catch (e) {
		result = promiseReject(e);
	}
	return then(result, noop);
}

// ---- reader algorithms ----

function acquireReader(S) {
	if (S.reader !== null) throw new TypeError("Invalid state: ReadableStream is locked");
	const R = { stream: S, requests: [], closed: deferred() };
	markHandled(R.closed.promise);
	if (S.state === "closed") R.closed.resolve();
	else if (S.state === "errored") R.closed.reject(S.storedError);
	S.reader = R;
	return R;
}

function readerRead(R, req) {
	const S = R.stream;
	S.disturbed = true;
	if (S.state === "closed") req.close();
	else if (S.state === "errored") req.error(S.storedError);
	else controllerPull(S.controller, req);
}

function readerRelease(R) {
	const S = R.stream;
	const e = new TypeError("Invalid state: Releasing reader");
	if (S.state !== "readable") {
		R.closed = deferred();
		markHandled(R.closed.promise);
	}
	R.closed.reject(e);
	const requests = R.requests;
	R.requests = [];
	for (const req of requests) req.error(e);
	S.reader = null;
	R.stream = null;
}

// ---- construction ----

function sourceMethod(source, name) {
	const f = source[name];
	if (f === undefined || f === null) return null;
	if (typeof f !== "function") {
		throw new TypeError(`Failed to construct 'ReadableStream': member ${name} is not a function.`);
	}
	return f;
}

function readStrategy(strategy, defaultHWM) {
	if (strategy === undefined || strategy === null) return { hwm: defaultHWM, size: undefined };
	if (typeof strategy !== "object" && typeof strategy !== "function") {
		throw new TypeError("Failed to construct 'ReadableStream': The provided value is not of type 'QueuingStrategy'.");
	}
	let hwm = defaultHWM;
	if (strategy.highWaterMark !== undefined) {
		hwm = Number(strategy.highWaterMark);
		if (Number.isNaN(hwm) || hwm < 0) throw new RangeError("Invalid highWaterMark");
	}
	const size = strategy.size;
	if (size !== undefined && typeof size !== "function") {
		throw new TypeError("Failed to construct 'ReadableStream': member size is not a function.");
	}
	return { hwm, size };
}

let streamOf, isStream, readerOf, controllerOf;

class ReadableStream {
	#s;

	constructor(underlyingSource = undefined, strategy = undefined) {
		this.#s = newStreamRecord(this);
		if (underlyingSource === constructing) return;
		if (underlyingSource !== undefined && underlyingSource !== null &&
			typeof underlyingSource !== "object" && typeof underlyingSource !== "function") {
			throw new TypeError("Failed to construct 'ReadableStream': The provided value is not of type 'UnderlyingSource'.");
		}
		const source = underlyingSource ?? {};
		const cancel = sourceMethod(source, "cancel");
		const pull = sourceMethod(source, "pull");
		const start = sourceMethod(source, "start");
		let defaultHWM = 1;
		if (source.type !== undefined) {
			if (String(source.type) !== "bytes") {
				throw new TypeError(`Failed to construct 'ReadableStream': The provided value '${source.type}' is not a valid enum value of type ReadableStreamType.`);
			}
			defaultHWM = 0;
		}
		const { hwm, size } = readStrategy(strategy, defaultHWM);
		setUpController(this.#s, source, start, pull, cancel, hwm, size);
	}

	get locked() { return streamOf(this).reader !== null; }

	cancel(reason = undefined) {
		let S;
		try {
			S = streamOf(this);
		} catch (e) {
			return promiseReject(e);
		}
		if (S.reader !== null) return promiseReject(new TypeError("Invalid state: ReadableStream is locked"));
		return streamCancel(S, reason);
	}

	getReader(options = undefined) {
		streamOf(this);
		const mode = options?.mode;
		if (mode !== undefined) {
			if (String(mode) === "byob") throw new TypeError("ReadableStream.getReader: BYOB readers are not supported");
			throw new TypeError(`ReadableStream.getReader: '${mode}' is not a valid value for 'mode'.`);
		}
		return new ReadableStreamDefaultReader(this);
	}

	tee() {
		return tee(streamOf(this), false).map((S) => S.object);
	}

	values(options = undefined) {
		const R = acquireReader(streamOf(this));
		return new ReadableStreamAsyncIterator(constructing, R, !!options?.preventCancel);
	}

	static from(iterable) {
		return streamFrom(iterable).object;
	}

	static {
		streamOf = (v) => {
			if (v === null || typeof v !== "object" || !(#s in v)) throw new TypeError("Illegal invocation: not a ReadableStream");
			return v.#s;
		};
		isStream = (v) => v !== null && typeof v === "object" && #s in v;
	}
}

Object.defineProperty(ReadableStream.prototype, asyncIteratorSymbol, {
	value: ReadableStream.prototype.values, writable: true, configurable: true,
});
Object.defineProperty(ReadableStream.prototype, Symbol.toStringTag, { value: "ReadableStream", configurable: true });

class ReadableStreamDefaultController {
	#c;

	constructor(key = undefined, record = undefined) {
		if (key !== constructing) throw new TypeError("Illegal constructor");
		this.#c = record;
	}

	get desiredSize() { return desiredSize(controllerOf(this)); }

	close() {
		const C = controllerOf(this);
		if (!canCloseOrEnqueue(C)) throw new TypeError("Invalid state: Controller is already closed");
		controllerClose(C);
	}

	enqueue(chunk = undefined) {
		const C = controllerOf(this);
		if (!canCloseOrEnqueue(C)) throw new TypeError("Invalid state: Controller is already closed");
		controllerEnqueue(C, chunk);
	}

	error(e = undefined) {
		controllerError(controllerOf(this), e);
	}

	static {
		controllerOf = (v) => {
			if (v === null || typeof v !== "object" || !(#c in v)) throw new TypeError("Illegal invocation");
			return v.#c;
		};
	}
}

Object.defineProperty(ReadableStreamDefaultController.prototype, Symbol.toStringTag, { value: "ReadableStreamDefaultController", configurable: true });

class ReadableStreamDefaultReader {
	#r;

	constructor(stream) {
		if (!isStream(stream)) throw new TypeError("ReadableStreamDefaultReader: Argument 1 is not a ReadableStream");
		this.#r = acquireReader(streamOf(stream));
	}

	get closed() {
		try {
			return readerOf(this).closed.promise;
		} catch (e) {
			return promiseReject(e);
		}
	}

	read() {
		let R;
		try {
			R = readerOf(this);
		} catch (e) {
			return promiseReject(e);
		}
		if (R.stream === null) return promiseReject(new TypeError("Invalid state: The reader is not attached to a stream"));
		return new PromiseCtor((resolve, reject) => readerRead(R, {
			chunk: (value) => resolve({ value, done: false }),
			close: () => resolve({ value: undefined, done: true }),
			error: reject,
		}));
	}

	releaseLock() {
		const R = readerOf(this);
		if (R.stream !== null) readerRelease(R);
	}

	cancel(reason = undefined) {
		let R;
		try {
			R = readerOf(this);
		} catch (e) {
			return promiseReject(e);
		}
		if (R.stream === null) return promiseReject(new TypeError("Invalid state: The reader is not attached to a stream"));
		return streamCancel(R.stream, reason);
	}

	static {
		readerOf = (v) => {
			if (v === null || typeof v !== "object" || !(#r in v)) throw new TypeError("Illegal invocation");
			return v.#r;
		};
	}
}

Object.defineProperty(ReadableStreamDefaultReader.prototype, Symbol.toStringTag, { value: "ReadableStreamDefaultReader", configurable: true });

// goja has no %AsyncIteratorPrototype% (no async generators); this stands in for it.
const asyncIteratorPrototype = Object.create(Object.prototype);
Object.defineProperty(asyncIteratorPrototype, asyncIteratorSymbol, {
	value: function () { return this; }, writable: true, configurable: true,
});

class ReadableStreamAsyncIterator {
	#R;
	#preventCancel;
	#finished = false;

	constructor(key, R, preventCancel) {
		if (key !== constructing) throw new TypeError("Illegal constructor");
		this.#R = R;
		this.#preventCancel = preventCancel;
	}

	next() {
		const R = this.#R;
		if (this.#finished) return promiseResolve({ value: undefined, done: true });
		if (R.stream === null) return promiseReject(new TypeError("Invalid state: The reader is not attached to a stream"));
		return new PromiseCtor((resolve, reject) => readerRead(R, {
			chunk: (value) => resolve({ value, done: false }),
			close: () => {
				this.#finish();
				resolve({ value: undefined, done: true });
			},
			error: (e) => {
				this.#finish();
				reject(e);
			},
		}));
	}

	return(value = undefined) {
		const R = this.#R;
		if (this.#finished) return promiseResolve({ value, done: true });
		this.#finished = true;
		if (R.stream === null) return promiseReject(new TypeError("Invalid state: The reader is not attached to a stream"));
		if (this.#preventCancel) {
			readerRelease(R);
			return promiseResolve({ value, done: true });
		}
		const cancelled = streamCancel(R.stream, value);
		readerRelease(R);
		return then(cancelled, () => ({ value, done: true }));
	}

	#finish() {
		this.#finished = true;
		if (this.#R.stream !== null) readerRelease(this.#R);
	}
}

Object.setPrototypeOf(ReadableStreamAsyncIterator.prototype, asyncIteratorPrototype);
Object.defineProperty(ReadableStreamAsyncIterator.prototype, Symbol.toStringTag, { value: "ReadableStream AsyncIterator", configurable: true });

// createStream makes a stream driven by internal algorithms (pull(controllerRecord) and
// cancel(reason), either may be null) and returns its record.
function createStream(pull, cancel, hwm) {
	const stream = new ReadableStream(constructing);
	const S = streamOf(stream);
	setUpController(S, undefined, null,
		pull === null ? null : function () { return pull(S.controller); },
		cancel, hwm, undefined);
	return S;
}

// tee is ReadableStreamDefaultTee. With cloneForBranch2, branch 2 gets copies of Uint8Array
// chunks (what Response.clone needs).
function tee(S, cloneForBranch2) {
	const R = acquireReader(S);
	let reading = false, readAgain = false, canceled1 = false, canceled2 = false, reason1, reason2;
	const cancelled = deferred();
	let C1, C2;
	function pull() {
		if (reading) {
			readAgain = true;
			return;
		}
		reading = true;
		readerRead(R, {
			chunk(chunk) {
				// In a microtask, as the standard says, so that an error queued behind the
				// chunk is seen before the branches are fed.
				queueJob(() => {
					readAgain = false;
					const chunk2 = cloneForBranch2 && chunk instanceof Uint8ArrayCtor ? copyBytes(chunk) : chunk;
					if (!canceled1) controllerEnqueue(C1, chunk);
					if (!canceled2) controllerEnqueue(C2, chunk2);
					reading = false;
					if (readAgain) pull();
				});
			},
			close() {
				reading = false;
				if (!canceled1) controllerClose(C1);
				if (!canceled2) controllerClose(C2);
				if (!canceled1 || !canceled2) cancelled.resolve();
			},
			error() {
				reading = false;
			},
		});
	}
	const S1 = createStream(pull, (reason) => {
		canceled1 = true;
		reason1 = reason;
		if (canceled2) cancelled.resolve(streamCancel(S, [reason1, reason2]));
		return cancelled.promise;
	}, 1);
	const S2 = createStream(pull, (reason) => {
		canceled2 = true;
		reason2 = reason;
		if (canceled1) cancelled.resolve(streamCancel(S, [reason1, reason2]));
		return cancelled.promise;
	}, 1);
	C1 = S1.controller;
	C2 = S2.controller;
	then(R.closed.promise, undefined, (e) => {
		controllerError(C1, e);
		controllerError(C2, e);
		if (!canceled1 || !canceled2) cancelled.resolve();
	});
	return [S1, S2];
}

function isObject(v) {
	return v !== null && (typeof v === "object" || typeof v === "function");
}

// streamFrom is ReadableStream.from: async iterables first, then sync ones (whose values may
// be promises, awaited like for-await does).
function streamFrom(iterable) {
	if (iterable === null || iterable === undefined) {
		throw new TypeError("ReadableStream.from: Argument 1 is not iterable");
	}
	let iterator, isSync = false;
	const asyncMethod = iterable[asyncIteratorSymbol];
	if (asyncMethod !== undefined && asyncMethod !== null) {
		iterator = asyncMethod.call(iterable);
	} else {
		const syncMethod = iterable[Symbol.iterator];
		if (typeof syncMethod !== "function") throw new TypeError("ReadableStream.from: Argument 1 is not iterable");
		iterator = syncMethod.call(iterable);
		isSync = true;
	}
	if (!isObject(iterator)) throw new TypeError("ReadableStream.from: the iterator is not an object");
	const next = iterator.next;
	const notObject = () => new TypeError("ReadableStream.from: the iterator result is not an object");
	return createStream((C) => {
		let result;
		try {
			result = promiseResolve(next.call(iterator));
		} catch (e) {
			return promiseReject(e);
		}
		return then(result, (r) => {
			if (!isObject(r)) throw notObject();
			if (r.done) {
				controllerClose(C);
				return undefined;
			}
			if (isSync) return then(promiseResolve(r.value), (v) => controllerEnqueue(C, v));
			controllerEnqueue(C, r.value);
			return undefined;
		});
	}, (reason) => {
		let result;
		try {
			const ret = iterator.return;
			if (ret === undefined || ret === null) return undefined;
			result = promiseResolve(ret.call(iterator, reason));
		} catch (e) {
			return promiseReject(e);
		}
		return then(result, (r) => {
			if (!isObject(r)) throw notObject();
		});
	}, 0);
}

// chunkBytes is what a body reader makes of a chunk: bytes, or undefined when the chunk is
// not bytes. (azote) Strings are accepted and UTF-8 encoded, as Bun does; Node rejects them.
function chunkBytes(chunk) {
	if (typeof chunk === "string") return utf8Encode(chunk);
	if (isView(chunk) || chunk instanceof ArrayBufferCtor) return chunk;
	return undefined;
}

// takeAll is the fast path of reading a whole host stream that nobody has touched: Go reads
// the body in one go. It returns undefined when the stream cannot take it.
function takeAll(S) {
	const C = S.controller;
	if (S.readAll === null || S.disturbed || S.reader !== null || S.state !== "readable" || !queueEmpty(C) || C.pulling) {
		return undefined;
	}
	const readAll = S.readAll;
	S.readAll = null;
	const R = acquireReader(S);
	S.disturbed = true;
	return new PromiseCtor((resolve, reject) => {
		then(R.closed.promise, undefined, reject);
		readAll((bytes, error) => {
			if (S.state !== "readable") return;
			if (error !== undefined) {
				controllerError(C, error);
				return;
			}
			clearAlgorithms(C);
			streamClose(S);
			resolve(bytes);
		});
	});
}

// streamReadAll reads a stream to its end and resolves with one Uint8Array. The stream stays
// locked, as the standard's "fully read" leaves it.
function streamReadAll(stream) {
	const S = streamOf(stream);
	const fast = takeAll(S);
	if (fast !== undefined) return fast;
	const R = acquireReader(S);
	const chunks = [];
	return new PromiseCtor((resolve, reject) => {
		let looping = false;
		const step = () => {
			// Queued chunks arrive synchronously; loop over them instead of recursing.
			let more = true;
			looping = true;
			while (more) {
				more = false;
				readerRead(R, {
					chunk(chunk) {
						const bytes = chunkBytes(chunk);
						if (bytes === undefined) {
							const e = new TypeError("Received non-Uint8Array chunk");
							markHandled(streamCancel(S, e));
							reject(e);
							return;
						}
						chunks.push(bytes);
						if (looping) more = true;
						else step();
					},
					close() { resolve(concatBytes(chunks)); },
					error: reject,
				});
			}
			looping = false;
		};
		step();
	});
}

// CountQueuingStrategy and ByteLengthQueuingStrategy: the standard's two strategies.
class CountQueuingStrategy {
	#hwm;

	constructor(init) {
		if (!isObject(init) || init.highWaterMark === undefined) {
			throw new TypeError("CountQueuingStrategy: highWaterMark is required");
		}
		this.#hwm = Number(init.highWaterMark);
	}

	get highWaterMark() { return this.#hwm; }
	get size() { return countSize; }
}

class ByteLengthQueuingStrategy {
	#hwm;

	constructor(init) {
		if (!isObject(init) || init.highWaterMark === undefined) {
			throw new TypeError("ByteLengthQueuingStrategy: highWaterMark is required");
		}
		this.#hwm = Number(init.highWaterMark);
	}

	get highWaterMark() { return this.#hwm; }
	get size() { return byteLengthSize; }
}

const countSize = function size() { return 1; };
const byteLengthSize = function size(chunk) { return chunk.byteLength; };
Object.defineProperty(CountQueuingStrategy.prototype, Symbol.toStringTag, { value: "CountQueuingStrategy", configurable: true });
Object.defineProperty(ByteLengthQueuingStrategy.prototype, Symbol.toStringTag, { value: "ByteLengthQueuingStrategy", configurable: true });

// ---- helpers for body.js, fetch.js and Go ----

internal.isReadableStream = isStream;
// streamUnusable: disturbed or locked, so a body cannot be read from it.
internal.streamUnusable = (stream) => {
	const S = streamOf(stream);
	return S.disturbed || S.reader !== null;
};
internal.streamDisturbed = (stream) => streamOf(stream).disturbed;
internal.streamReadAll = streamReadAll;
internal.streamTee = (stream, cloneForBranch2) => tee(streamOf(stream), cloneForBranch2).map((S) => S.object);
// streamAbort errors a stream from outside (a fetch whose signal aborted).
internal.streamAbort = (stream, reason) => controllerError(streamOf(stream).controller, reason);
// streamMarkConsumed closes a stream whose bytes were read some other way (a body read in
// one go while its lazily made stream was never touched).
internal.streamMarkConsumed = (stream) => {
	const S = streamOf(stream);
	S.disturbed = true;
	if (S.state === "readable") {
		resetQueue(S.controller);
		clearAlgorithms(S.controller);
		streamClose(S);
	}
};

// bytesStream makes the stream of an in-memory body: one Uint8Array copy of bytes (a string
// or a Uint8Array), then the end. consumed makes it closed and disturbed at once.
internal.bytesStream = (bytes, consumed) => {
	const S = createStream(null, null, 0);
	if (consumed) {
		S.disturbed = true;
		streamClose(S);
		return S.object;
	}
	const chunk = typeof bytes === "string" ? utf8Encode(bytes) : copyBytes(bytes);
	if (chunk.length > 0) controllerEnqueue(S.controller, chunk);
	controllerClose(S.controller);
	return S.object;
};

// newHostStream makes a stream whose chunks come from Go, pulled one at a time:
// read(cb) answers cb(chunk), cb(undefined, true) at the end or cb(undefined, false, error);
// cancel() gives the source up; readAll(cb), when given, reads everything at once for a body
// reader that finds the stream untouched: cb(Uint8Array) or cb(undefined, error).
internal.newHostStream = (read, cancel, readAll = null) => {
	const S = createStream((C) => new PromiseCtor((resolve, reject) => read((chunk, done, error) => {
		if (error !== undefined) {
			reject(error);
			return;
		}
		if (done) controllerClose(C);
		else controllerEnqueue(C, chunk);
		resolve();
	})), () => { cancel(); }, 0);
	S.readAll = readAll;
	return S.object;
};

// hostRead is how Go reads a stream (ReadChunk): through a reader of its own, kept on the
// stream, calling cb(chunk, false), cb(undefined, true) at the end, or cb(error, false, true).
// cb runs at once when a chunk is queued, else once one arrives.
internal.hostRead = (stream, cb) => {
	const S = streamOf(stream);
	if (S.hostReader === null) S.hostReader = acquireReader(S);
	readerRead(S.hostReader, {
		chunk: (v) => cb(v, false, false),
		close: () => cb(undefined, true, false),
		error: (e) => cb(e, false, true),
	});
};

// hostCancel cancels a stream for Go (CancelStream), even when a reader holds it: the
// consumer is gone.
internal.hostCancel = (stream, reason) => {
	markHandled(streamCancel(streamOf(stream), reason));
};

internal.define("ReadableStream", ReadableStream);
internal.define("ReadableStreamDefaultReader", ReadableStreamDefaultReader);
internal.define("ReadableStreamDefaultController", ReadableStreamDefaultController);
internal.define("CountQueuingStrategy", CountQueuingStrategy);
internal.define("ByteLengthQueuingStrategy", ByteLengthQueuingStrategy);
})
