// AbortController and AbortSignal.
(function (global, internal) {
"use strict";

const { EventTarget, Event, DOMException } = internal;
const constructing = Symbol("AbortSignal");

class AbortSignal extends EventTarget {
	#aborted = false;
	#reason = undefined;
	#onabort = null;
	#onabortListener = null;
	#algorithms = [];

	constructor(key = undefined) {
		if (key !== constructing) throw new TypeError("Illegal constructor");
		super();
	}

	get aborted() { return this.#aborted; }
	get reason() { return this.#reason; }

	throwIfAborted() {
		if (this.#aborted) throw this.#reason;
	}

	get onabort() { return this.#onabort; }
	set onabort(handler) {
		this.#onabort = typeof handler === "function" || (handler !== null && typeof handler === "object") ? handler : null;
		// An event handler attribute takes its place among the listeners when first set.
		if (this.#onabort !== null && this.#onabortListener === null) {
			this.#onabortListener = (event) => {
				const h = this.#onabort;
				if (typeof h === "function") h.call(this, event);
			};
			this.addEventListener("abort", this.#onabortListener);
		}
	}

	static abort(reason = undefined) {
		const signal = new AbortSignal(constructing);
		signal.#signalAbort(reason);
		return signal;
	}

	static any(signals) {
		const result = new AbortSignal(constructing);
		const list = [...signals];
		for (const s of list) {
			if (!isAbortSignal(s)) throw new TypeError('The "signals" argument must be an array of AbortSignal');
		}
		const aborted = list.find((s) => s.#aborted);
		if (aborted !== undefined) {
			result.#signalAbort(aborted.#reason);
			return result;
		}
		for (const s of list) s.#algorithms.push(() => result.#signalAbort(s.#reason));
		return result;
	}

	// Present only when the host provides setTimeout: this package has no timers of its own.
	static timeout(ms) {
		const setTimeout = global.setTimeout;
		if (typeof setTimeout !== "function") {
			throw new TypeError("AbortSignal.timeout needs setTimeout, which this runtime does not provide");
		}
		const signal = new AbortSignal(constructing);
		setTimeout(() => signal.#signalAbort(new DOMException("The operation was aborted due to timeout", "TimeoutError")), Number(ms));
		return signal;
	}

	#signalAbort(reason) {
		if (this.#aborted) return;
		this.#aborted = true;
		this.#reason = reason === undefined ? new DOMException("This operation was aborted", "AbortError") : reason;
		const algorithms = this.#algorithms;
		this.#algorithms = [];
		for (const run of algorithms) run();
		this.dispatchEvent(new Event("abort"));
	}

	static {
		internal.isAbortSignal = (v) => v !== null && typeof v === "object" && #aborted in v;
		internal.newAbortSignal = () => new AbortSignal(constructing);
		internal.abortSignal = (signal, reason) => signal.#signalAbort(reason);
		// onAbort runs fn once when signal aborts, before the abort event is dispatched. It
		// returns a function that takes fn off again (a fetch that finished).
		internal.onAbort = (signal, fn) => {
			signal.#algorithms.push(fn);
			return () => {
				const i = signal.#algorithms.indexOf(fn);
				if (i >= 0) signal.#algorithms.splice(i, 1);
			};
		};
	}
}

const isAbortSignal = internal.isAbortSignal;
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, { value: "AbortSignal", configurable: true });

class AbortController {
	#signal = new AbortSignal(constructing);

	get signal() { return this.#signal; }

	abort(reason = undefined) {
		internal.abortSignal(this.#signal, reason);
	}
}

Object.defineProperty(AbortController.prototype, Symbol.toStringTag, { value: "AbortController", configurable: true });

internal.define("AbortSignal", AbortSignal);
internal.define("AbortController", AbortController);
})
