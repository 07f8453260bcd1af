// EventTarget: listeners per event type, dispatched synchronously at the target (there is no
// tree here, so no capture or bubble phases).
(function (global, internal) {
"use strict";

const { isEvent, eventDispatching, eventBegin, eventEnd, eventStoppedImmediately, eventSetPassive } = internal;

function flattenOptions(options) {
	if (typeof options === "boolean") return { capture: options, once: false, passive: false, signal: undefined };
	if (options === null || typeof options !== "object") return { capture: false, once: false, passive: false, signal: undefined };
	return { capture: !!options.capture, once: !!options.once, passive: !!options.passive, signal: options.signal };
}

class EventTarget {
	#listeners = new Map(); // type -> [{ callback, capture, once, passive, removed }]

	addEventListener(type, callback, options = undefined) {
		if (arguments.length < 2) {
			throw new TypeError('The "type" and "listener" arguments must be specified');
		}
		if (callback == null) return;
		const { capture, once, passive, signal } = flattenOptions(options);
		if (signal !== undefined && !internal.isAbortSignal(signal)) {
			throw new TypeError('The "options.signal" property must be an instance of AbortSignal');
		}
		if (signal?.aborted) return;
		type = String(type);
		let list = this.#listeners.get(type);
		if (list === undefined) {
			list = [];
			this.#listeners.set(type, list);
		}
		if (list.some((l) => l.callback === callback && l.capture === capture)) return;
		const entry = { callback, capture, once, passive, removed: false };
		list.push(entry);
		if (signal !== undefined) {
			internal.onAbort(signal, () => this.#remove(type, entry));
		}
	}

	removeEventListener(type, callback, options = undefined) {
		const capture = typeof options === "boolean" ? options : !!options?.capture;
		const list = this.#listeners.get(String(type));
		const entry = list?.find((l) => l.callback === callback && l.capture === capture);
		if (entry !== undefined) this.#remove(String(type), entry);
	}

	dispatchEvent(event) {
		if (!isEvent(event)) {
			throw new TypeError('The "event" argument must be an instance of Event.');
		}
		if (eventDispatching(event)) {
			throw new internal.DOMException("The event is already being dispatched.", "InvalidStateError");
		}
		eventBegin(event, this);
		try {
			const list = this.#listeners.get(event.type);
			if (list !== undefined) {
				for (const entry of list.slice()) {
					if (entry.removed) continue;
					if (entry.once) this.#remove(event.type, entry);
					this.#invoke(entry, event);
					if (eventStoppedImmediately(event)) break;
				}
			}
		} finally {
			eventEnd(event);
		}
		return !event.defaultPrevented;
	}

	#invoke(entry, event) {
		eventSetPassive(event, entry.passive);
		try {
			const cb = entry.callback;
			if (typeof cb === "function") {
				cb.call(this, event);
			} else {
				const handle = cb.handleEvent;
				if (typeof handle !== "function") {
					throw new TypeError("The listener's handleEvent is not a function");
				}
				handle.call(cb, event);
			}
		} catch (err) {
			// Like a browser, a throwing listener does not stop the others; the error
			// surfaces as an unhandled rejection so the host's tracker can log it.
			internal.reportError(err);
		} finally {
			eventSetPassive(event, false);
		}
	}

	#remove(type, entry) {
		entry.removed = true;
		const list = this.#listeners.get(type);
		const i = list === undefined ? -1 : list.indexOf(entry);
		if (i >= 0) list.splice(i, 1);
	}
}

Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, { value: "EventTarget", configurable: true });

const promiseReject = Promise.reject.bind(Promise);
internal.reportError = (err) => { promiseReject(err); };
internal.EventTarget = EventTarget;
internal.define("EventTarget", EventTarget);
})
