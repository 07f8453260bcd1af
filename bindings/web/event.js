// Event: the minimal DOM event, enough for EventTarget and AbortSignal.
(function (global, internal) {
"use strict";

const NONE = 0, AT_TARGET = 2;

class Event {
	#type;
	#bubbles;
	#cancelable;
	#composed;
	#timeStamp = Date.now();
	#defaultPrevented = false;
	#stopPropagation = false;
	#stopImmediate = false;
	#inPassiveListener = false;
	#dispatching = false;
	#target = null;
	#currentTarget = null;
	#phase = NONE;

	constructor(type, init = undefined) {
		if (arguments.length === 0) {
			throw new TypeError('The "type" argument must be specified');
		}
		if (init != null && typeof init !== "object") {
			throw new TypeError('The "options" argument must be of type object.');
		}
		this.#type = String(type);
		this.#bubbles = !!init?.bubbles;
		this.#cancelable = !!init?.cancelable;
		this.#composed = !!init?.composed;
	}

	get type() { return this.#type; }
	get bubbles() { return this.#bubbles; }
	get cancelable() { return this.#cancelable; }
	get composed() { return this.#composed; }
	get timeStamp() { return this.#timeStamp; }
	get isTrusted() { return false; }
	get defaultPrevented() { return this.#cancelable && this.#defaultPrevented; }
	get target() { return this.#target; }
	get srcElement() { return this.#target; }
	get currentTarget() { return this.#currentTarget; }
	get eventPhase() { return this.#phase; }
	get returnValue() { return !this.defaultPrevented; }
	set returnValue(v) { if (!v) this.preventDefault(); }
	get cancelBubble() { return this.#stopPropagation; }
	set cancelBubble(v) { if (v) this.#stopPropagation = true; }

	composedPath() { return this.#dispatching && this.#currentTarget ? [this.#currentTarget] : []; }
	preventDefault() { if (!this.#inPassiveListener) this.#defaultPrevented = true; }
	stopPropagation() { this.#stopPropagation = true; }
	stopImmediatePropagation() { this.#stopPropagation = true; this.#stopImmediate = true; }

	static {
		// EventTarget drives the dispatch flags, which are not writable from outside.
		internal.isEvent = (v) => v !== null && typeof v === "object" && #type in v;
		internal.eventDispatching = (e) => e.#dispatching;
		internal.eventBegin = (e, target) => {
			e.#dispatching = true;
			e.#target = target;
			e.#currentTarget = target;
			e.#phase = AT_TARGET;
		};
		internal.eventEnd = (e) => {
			e.#dispatching = false;
			e.#currentTarget = null;
			e.#phase = NONE;
			e.#stopPropagation = false;
			e.#stopImmediate = false;
		};
		internal.eventStoppedImmediately = (e) => e.#stopImmediate;
		internal.eventSetPassive = (e, passive) => { e.#inPassiveListener = passive; };
	}
}

for (const [name, value] of [["NONE", 0], ["CAPTURING_PHASE", 1], ["AT_TARGET", 2], ["BUBBLING_PHASE", 3]]) {
	const d = { value, enumerable: true };
	Object.defineProperty(Event, name, d);
	Object.defineProperty(Event.prototype, name, d);
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, { value: "Event", configurable: true });

internal.Event = Event;
internal.define("Event", Event);
})
