// DOMException: the error type web APIs throw (AbortError, DataCloneError, ...).
// Like Node's, an instance is an Error whose name and code come from the prototype.
(function (global, internal) {
"use strict";

const legacyCodes = {
	IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
	NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10,
	InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
	InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19,
	AbortError: 20, URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23,
	InvalidNodeTypeError: 24, DataCloneError: 25,
};

const constants = [
	"INDEX_SIZE_ERR", "DOMSTRING_SIZE_ERR", "HIERARCHY_REQUEST_ERR", "WRONG_DOCUMENT_ERR",
	"INVALID_CHARACTER_ERR", "NO_DATA_ALLOWED_ERR", "NO_MODIFICATION_ALLOWED_ERR", "NOT_FOUND_ERR",
	"NOT_SUPPORTED_ERR", "INUSE_ATTRIBUTE_ERR", "INVALID_STATE_ERR", "SYNTAX_ERR",
	"INVALID_MODIFICATION_ERR", "NAMESPACE_ERR", "INVALID_ACCESS_ERR", "VALIDATION_ERR",
	"TYPE_MISMATCH_ERR", "SECURITY_ERR", "NETWORK_ERR", "ABORT_ERR", "URL_MISMATCH_ERR",
	"QUOTA_EXCEEDED_ERR", "TIMEOUT_ERR", "INVALID_NODE_TYPE_ERR", "DATA_CLONE_ERR",
];

class DOMException extends Error {
	#name;

	constructor(message = "", options = "Error") {
		super(String(message));
		if (options !== null && typeof options === "object") {
			this.#name = "name" in options ? String(options.name) : "Error";
			if ("cause" in options) {
				Object.defineProperty(this, "cause", { value: options.cause, writable: true, configurable: true });
			}
		} else {
			this.#name = String(options);
		}
	}

	get name() { return this.#name; }
	get code() { return legacyCodes[this.#name] ?? 0; }
}

Object.defineProperty(DOMException.prototype, Symbol.toStringTag, { value: "DOMException", configurable: true });
constants.forEach((name, i) => {
	const d = { value: i + 1, enumerable: true };
	Object.defineProperty(DOMException, name, d);
	Object.defineProperty(DOMException.prototype, name, d);
});

internal.DOMException = DOMException;
internal.define("DOMException", DOMException);
})
