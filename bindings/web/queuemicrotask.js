// queueMicrotask: runs callback as a promise job, after the current script and before any
// host task. A throw surfaces as an unhandled rejection, for the host's tracker to log.
(function (global, internal) {
"use strict";

const resolved = Promise.resolve();
const then = Promise.prototype.then;

function queueMicrotask(callback) {
	if (typeof callback !== "function") {
		throw new TypeError('The "callback" argument must be of type function.');
	}
	then.call(resolved, () => { callback(); });
}

internal.define("queueMicrotask", queueMicrotask);
})
