// SubtleCrypto and CryptoKey: Web Crypto's keyed operations for secret keys (digests, HMAC,
// AES-GCM/CBC/CTR, PBKDF2, HKDF), and signature verification with public keys
// (RSASSA-PKCS1-v1_5, ECDSA, Ed25519). This file checks arguments and algorithm parameters the way
// the spec orders them; the cryptography, and every key's bytes, stay in Go (subtle.go,
// subtle_aes.go), reached through an opaque handle JavaScript cannot read.
(function (global, internal) {
"use strict";

const {
	DOMException, subtleDigest, subtleImportKey, subtleRandomKey, subtleKeyBits, subtleExportRaw,
	subtleExportJWK, subtleImportJWK, subtleHMACSign, subtleHMACVerify, subtlePBKDF2, subtleHKDF,
	subtleAESGCM, subtleAESCBC, subtleAESCTR, subtlePublicSPKI, subtlePublicJWK, subtlePublicRaw,
	subtlePublicInfo, subtleVerifySig,
} = internal;

const ArrayBufferCtor = ArrayBuffer;
const fail = (name, message) => new DOMException(message, name);

const keyUsages = new Set(["encrypt", "decrypt", "sign", "verify", "deriveKey", "deriveBits", "wrapKey", "unwrapKey"]);
const keyFormats = new Set(["raw", "spki", "pkcs8", "jwk"]);
const hashNames = ["SHA-1", "SHA-256", "SHA-384", "SHA-512"];
const aesNames = ["AES-GCM", "AES-CBC", "AES-CTR"];
const aesUsages = ["encrypt", "decrypt", "wrapKey", "unwrapKey"];
const kdfUsages = ["deriveKey", "deriveBits"];
const hmacBlockBits = { "SHA-1": 512, "SHA-256": 512, "SHA-384": 1024, "SHA-512": 1024 };
const hmacJWKAlg = { "SHA-1": "HS1", "SHA-256": "HS256", "SHA-384": "HS384", "SHA-512": "HS512" };
const gcmTagLengths = new Set([32, 64, 96, 104, 112, 120, 128]);

function bufferSource(value, what) {
	if (!(value instanceof ArrayBufferCtor) && !ArrayBuffer.isView(value)) {
		throw new TypeError(`${what} is not an ArrayBuffer, a typed array or a DataView`);
	}
	return value;
}

function member(alg, name, dict) {
	const v = alg[name];
	if (v === undefined) throw new TypeError(`${dict}: the member "${name}" is required`);
	return v;
}

// integer converts a WebIDL integer member with [EnforceRange]: TypeError outside 0..max.
function integer(value, max, what) {
	const n = Number(value);
	if (!Number.isFinite(n) || Math.trunc(n) < 0 || Math.trunc(n) > max) {
		throw new TypeError(`${what} is not an integer from 0 to ${max}`);
	}
	return Math.trunc(n);
}

// Each algorithm lists, per operation, how to read its parameters (a function of the
// algorithm object the caller passed, returning the normalized dictionary without name).
const aesKeyLength = (dict) => (alg) => ({ length: integer(member(alg, "length", dict), 0xFFFF, `${dict}.length`) });
const hmacKey = (alg) => {
	const out = { hash: normalize(member(alg, "hash", "HmacKeyParams"), "digest") };
	if (alg.length !== undefined) out.length = integer(alg.length, 0xFFFFFFFF, "HmacKeyParams.length");
	return out;
};
const none = () => ({});
const hashParam = (dict) => (alg) => ({ hash: normalize(member(alg, "hash", dict), "digest") });
const registry = {
	"AES-GCM": {
		encrypt: (alg) => ({
			iv: bufferSource(member(alg, "iv", "AesGcmParams"), "AesGcmParams.iv"),
			additionalData: alg.additionalData === undefined ? new Uint8Array(0) : bufferSource(alg.additionalData, "AesGcmParams.additionalData"),
			tagLength: alg.tagLength === undefined ? 128 : integer(alg.tagLength, 0xFF, "AesGcmParams.tagLength"),
		}),
	},
	"AES-CBC": {
		encrypt: (alg) => ({ iv: bufferSource(member(alg, "iv", "AesCbcParams"), "AesCbcParams.iv") }),
	},
	"AES-CTR": {
		encrypt: (alg) => ({
			counter: bufferSource(member(alg, "counter", "AesCtrParams"), "AesCtrParams.counter"),
			length: integer(member(alg, "length", "AesCtrParams"), 0xFF, "AesCtrParams.length"),
		}),
	},
	"HMAC": { sign: none, importKey: hmacKey, generateKey: hmacKey, keyLength: hmacKey },
	"PBKDF2": {
		importKey: none,
		deriveBits: (alg) => ({
			hash: normalize(member(alg, "hash", "Pbkdf2Params"), "digest"),
			salt: bufferSource(member(alg, "salt", "Pbkdf2Params"), "Pbkdf2Params.salt"),
			iterations: integer(member(alg, "iterations", "Pbkdf2Params"), 0xFFFFFFFF, "Pbkdf2Params.iterations"),
		}),
	},
	"HKDF": {
		importKey: none,
		deriveBits: (alg) => ({
			hash: normalize(member(alg, "hash", "HkdfParams"), "digest"),
			salt: bufferSource(member(alg, "salt", "HkdfParams"), "HkdfParams.salt"),
			info: bufferSource(member(alg, "info", "HkdfParams"), "HkdfParams.info"),
		}),
	},
};
Object.assign(registry, {
	"RSASSA-PKCS1-v1_5": { importKey: hashParam("RsaHashedImportParams"), verify: none },
	"ECDSA": {
		importKey: (alg) => ({ namedCurve: String(member(alg, "namedCurve", "EcKeyImportParams")) }),
		verify: hashParam("EcdsaParams"),
	},
	"Ed25519": { importKey: none, verify: none },
});
const publicKeyKinds = { "RSASSA-PKCS1-v1_5": "RSA", "ECDSA": "EC", "Ed25519": "Ed25519" };
for (const name of hashNames) registry[name] = { digest: none };
for (const name of aesNames) {
	Object.assign(registry[name], { importKey: none, generateKey: aesKeyLength("AesKeyGenParams"), keyLength: aesKeyLength("AesDerivedKeyParams") });
	registry[name].decrypt = registry[name].encrypt;
}
registry.HMAC.verify = registry.HMAC.sign;
const canonicalNames = new Map(Object.keys(registry).map((name) => [name.toUpperCase(), name]));

// normalize is the spec's "normalize an algorithm" for one operation: NotSupportedError for
// a name that is unknown or does not do op, TypeError for missing or mistyped parameters.
function normalize(algorithm, op) {
	if (typeof algorithm === "string") return normalize({ name: algorithm }, op);
	if (algorithm === null || typeof algorithm !== "object") {
		throw new TypeError("The algorithm is neither a string nor an object");
	}
	const given = member(algorithm, "name", "Algorithm");
	const name = canonicalNames.get(String(given).toUpperCase());
	const read = name === undefined ? undefined : registry[name][op];
	if (read === undefined) throw fail("NotSupportedError", `Unrecognized algorithm name: ${given}`);
	return { name, ...read(algorithm) };
}

// CryptoKey's internal slots live in this map, so nothing outside this file reaches a handle.
const slots = new WeakMap();
const keyConstructing = Symbol("CryptoKey");

function slotsOf(key, what) {
	const s = slots.get(key);
	if (s === undefined) throw new TypeError(`${what} is not a CryptoKey`);
	return s;
}

class CryptoKey {
	constructor(token = undefined, s = undefined) {
		if (token !== keyConstructing) throw new TypeError("Illegal constructor");
		slots.set(this, s);
	}

	get type() { return slotsOf(this, "this").type; }
	get extractable() { return slotsOf(this, "this").extractable; }
	// Like Node's, these are cached objects JavaScript may change; the checks use the slots.
	get algorithm() { return slotsOf(this, "this").publicAlgorithm; }
	get usages() { return slotsOf(this, "this").publicUsages; }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, { value: "CryptoKey", configurable: true });

function newSecretKey(handle, algorithm, extractable, usages) {
	if (usages.length === 0) throw fail("SyntaxError", "Usages cannot be empty for a secret key");
	return newKey("secret", handle, algorithm, extractable, usages);
}

function newKey(type, handle, algorithm, extractable, usages) {
	const publicAlgorithm = { ...algorithm };
	if (algorithm.hash) publicAlgorithm.hash = { ...algorithm.hash };
	if (algorithm.publicExponent) publicAlgorithm.publicExponent = new Uint8Array(algorithm.publicExponent);
	return new CryptoKey(keyConstructing, {
		type, handle, algorithm, extractable, usages, publicAlgorithm, publicUsages: [...usages],
	});
}

// importPublic imports a public key for verify: spki or jwk for all three, raw for ECDSA and
// Ed25519. A JWK holding a private part ("d") is refused: private keys are not implemented.
function importPublic(format, keyData, alg, extractable, usages) {
	checkUsages(usages, ["verify"], alg.name);
	let handle;
	if (format === "spki") {
		handle = subtlePublicSPKI(keyData);
	} else if (format === "jwk") {
		if (keyData.d !== undefined) throw fail("NotSupportedError", "Private keys are not supported");
		if (keyData.use !== undefined && keyData.use !== "sig") throw fail("DataError", 'The JWK "use" member is not "sig"');
		if (keyData.ext === false && extractable) throw fail("DataError", "The JWK is not extractable");
		const str = (v) => (v === undefined ? "" : String(v));
		handle = subtlePublicJWK(str(keyData.kty), str(keyData.n), str(keyData.e), str(keyData.crv), str(keyData.x), str(keyData.y));
	} else if (format === "raw" && alg.name !== "RSASSA-PKCS1-v1_5") {
		handle = subtlePublicRaw(alg.name === "ECDSA" ? alg.namedCurve : "Ed25519", keyData);
	} else {
		throw fail("NotSupportedError", `Only public ${alg.name} keys can be imported, not ${format}`);
	}
	const info = subtlePublicInfo(handle);
	if (info.kind !== publicKeyKinds[alg.name]) throw fail("DataError", `The key is not an ${alg.name} key`);
	let algorithm;
	if (alg.name === "RSASSA-PKCS1-v1_5") {
		algorithm = { name: alg.name, modulusLength: info.modulusLength, publicExponent: info.publicExponent, hash: { name: alg.hash.name } };
	} else if (alg.name === "ECDSA") {
		if (info.namedCurve !== alg.namedCurve) throw fail("DataError", `The key's curve is ${info.namedCurve}, not ${alg.namedCurve}`);
		algorithm = { name: alg.name, namedCurve: alg.namedCurve };
	} else {
		algorithm = { name: alg.name };
	}
	return newKey("public", handle, algorithm, extractable, usages);
}

function usageList(value) {
	if (value === null || typeof value !== "object" || typeof value[Symbol.iterator] !== "function") {
		throw new TypeError("The key usages are not a sequence");
	}
	return Array.from(value, (u) => {
		const s = String(u);
		if (!keyUsages.has(s)) throw new TypeError(`'${s}' is not a valid key usage`);
		return s;
	});
}

function checkUsages(usages, allowed, algorithm) {
	for (const u of usages) {
		if (!allowed.includes(u)) throw fail("SyntaxError", `Unsupported key usage for ${algorithm} keys: ${u}`);
	}
}

function keyFormat(value) {
	const s = String(value);
	if (!keyFormats.has(s)) throw new TypeError(`'${s}' is not a valid key format`);
	return s;
}

// jwkSecret reads an "oct" JsonWebKey for importKey: DataError for anything the spec refuses.
function jwkSecret(jwk, alg, use, usages, extractable) {
	if (jwk.kty !== "oct") throw fail("DataError", 'The JWK "kty" member is not "oct"');
	if (typeof jwk.k !== "string") throw fail("DataError", 'The JWK "k" member is missing');
	const handle = subtleImportJWK(jwk.k);
	if (jwk.alg !== undefined && jwk.alg !== alg(subtleKeyBits(handle))) {
		throw fail("DataError", `The JWK "alg" member ${jwk.alg} does not match the algorithm`);
	}
	if (usages.length > 0 && jwk.use !== undefined && jwk.use !== use) {
		throw fail("DataError", `The JWK "use" member is not "${use}"`);
	}
	if (jwk.key_ops !== undefined) {
		if (!Array.isArray(jwk.key_ops) || usages.some((u) => !jwk.key_ops.includes(u))) {
			throw fail("DataError", 'The JWK "key_ops" member does not allow the requested usages');
		}
	}
	if (jwk.ext === false && extractable) throw fail("DataError", "The JWK is not extractable");
	return handle;
}

const aesJWKAlg = (name) => (bits) => `A${bits}${name.slice(4)}`;

function aesLengthOK(bits) {
	return bits === 128 || bits === 192 || bits === 256;
}

function importAnyKey(format, keyData, alg, extractable, usages) {
	if (alg.name in publicKeyKinds) return importPublic(format, keyData, alg, extractable, usages);
	if (aesNames.includes(alg.name)) {
		checkUsages(usages, aesUsages, alg.name);
		if (format !== "raw" && format !== "jwk") throw fail("NotSupportedError", `${alg.name} keys cannot be imported as ${format}`);
		const handle = format === "raw" ? subtleImportKey(keyData) : jwkSecret(keyData, aesJWKAlg(alg.name), "enc", usages, extractable);
		const bits = subtleKeyBits(handle);
		if (!aesLengthOK(bits)) throw fail("DataError", `Invalid AES key length: ${bits} bits`);
		return newSecretKey(handle, { name: alg.name, length: bits }, extractable, usages);
	}
	if (alg.name === "HMAC") {
		checkUsages(usages, ["sign", "verify"], "HMAC");
		if (format !== "raw" && format !== "jwk") throw fail("NotSupportedError", `HMAC keys cannot be imported as ${format}`);
		const handle = format === "raw" ? subtleImportKey(keyData) : jwkSecret(keyData, () => hmacJWKAlg[alg.hash.name], "sig", usages, extractable);
		const bits = subtleKeyBits(handle);
		if (bits === 0) throw fail("DataError", "An HMAC key cannot be empty");
		if (alg.length !== undefined && (alg.length > bits || alg.length <= bits - 8)) {
			throw fail("DataError", `The HMAC length ${alg.length} does not match the key's ${bits} bits`);
		}
		return newSecretKey(handle, { name: "HMAC", hash: { name: alg.hash.name }, length: alg.length ?? bits }, extractable, usages);
	}
	// PBKDF2 and HKDF: a password or secret, never extractable.
	if (format !== "raw") throw fail("NotSupportedError", `${alg.name} keys can only be imported as raw`);
	checkUsages(usages, kdfUsages, alg.name);
	if (extractable) throw fail("SyntaxError", `${alg.name} keys are not extractable`);
	return newSecretKey(subtleImportKey(keyData), { name: alg.name }, false, usages);
}

// keyLength is the spec's "get key length" for deriveKey's derivedKeyType.
function keyLength(alg) {
	if (alg.name === "HMAC") {
		if (alg.length === undefined) return hmacBlockBits[alg.hash.name];
		if (alg.length === 0) throw new TypeError("HmacImportParams.length cannot be 0");
		return alg.length;
	}
	if (!aesLengthOK(alg.length)) throw fail("OperationError", "AES key length must be 128, 192 or 256 bits");
	return alg.length;
}

function usableKey(key, alg, usage) {
	const s = slotsOf(key, "The key");
	if (s.algorithm.name !== alg.name) {
		throw fail("InvalidAccessError", `The key is a ${s.algorithm.name} key, not ${alg.name}`);
	}
	if (!s.usages.includes(usage)) throw fail("InvalidAccessError", `The key does not have the ${usage} usage`);
	return s;
}

function aesCrypt(encrypt, alg, s, data) {
	switch (alg.name) {
		case "AES-GCM":
			if (!gcmTagLengths.has(alg.tagLength)) throw fail("OperationError", `${alg.tagLength} is not a valid AES-GCM tag length`);
			return subtleAESGCM(encrypt, s.handle, alg.iv, alg.additionalData, alg.tagLength / 8, data);
		case "AES-CBC":
			return subtleAESCBC(encrypt, s.handle, alg.iv, data);
		default:
			return subtleAESCTR(s.handle, alg.counter, alg.length, data);
	}
}

function deriveBitsWith(alg, s, length) {
	if (length === null || length === undefined) throw fail("OperationError", `${alg.name} needs a length`);
	length = integer(length, 0xFFFFFFFF, "length");
	if (length % 8 !== 0) throw fail("OperationError", "The length must be a multiple of 8");
	if (alg.name === "PBKDF2") {
		if (alg.iterations === 0) throw fail("OperationError", "PBKDF2 iterations cannot be 0");
		if (length === 0) return new ArrayBuffer(0);
		return subtlePBKDF2(alg.hash.name, s.handle, alg.salt, alg.iterations, length);
	}
	if (length === 0) return new ArrayBuffer(0);
	return subtleHKDF(alg.hash.name, s.handle, alg.salt, alg.info, length);
}

const constructing = Symbol("SubtleCrypto");

// Every method is async, so a thrown error becomes the rejection the spec asks for. Each
// reads its buffer arguments before anything else, as the spec takes its copies.
class SubtleCrypto {
	constructor(token = undefined) {
		if (token !== constructing) throw new TypeError("Illegal constructor");
	}

	async digest(algorithm, data) {
		bufferSource(data, "The data");
		return subtleDigest(normalize(algorithm, "digest").name, data);
	}

	async importKey(format, keyData, algorithm, extractable, keyUsages) {
		format = keyFormat(format);
		if (format === "jwk") {
			if (keyData === null || typeof keyData !== "object") throw new TypeError("The JWK is not an object");
		} else {
			bufferSource(keyData, "The key data");
		}
		const alg = normalize(algorithm, "importKey");
		return importAnyKey(format, keyData, alg, Boolean(extractable), usageList(keyUsages));
	}

	async exportKey(format, key) {
		format = keyFormat(format);
		const s = slotsOf(key, "The key");
		if (s.type !== "secret" || !(aesNames.includes(s.algorithm.name) || s.algorithm.name === "HMAC")) {
			throw fail("NotSupportedError", `${s.algorithm.name} keys cannot be exported`);
		}
		if (!s.extractable) throw fail("InvalidAccessError", "The key is not extractable");
		if (format === "raw") return subtleExportRaw(s.handle);
		if (format !== "jwk") throw fail("NotSupportedError", `Secret keys cannot be exported as ${format}`);
		const alg = s.algorithm.name === "HMAC" ? hmacJWKAlg[s.algorithm.hash.name] : aesJWKAlg(s.algorithm.name)(s.algorithm.length);
		// Node's member order.
		return { key_ops: [...s.usages], ext: s.extractable, kty: "oct", k: subtleExportJWK(s.handle), alg };
	}

	async generateKey(algorithm, extractable, keyUsages) {
		const alg = normalize(algorithm, "generateKey");
		const usages = usageList(keyUsages);
		extractable = Boolean(extractable);
		if (alg.name === "HMAC") {
			checkUsages(usages, ["sign", "verify"], "HMAC");
			const bits = alg.length ?? hmacBlockBits[alg.hash.name];
			if (bits === 0 || bits % 8 !== 0) throw fail("OperationError", "The HMAC key length must be a positive multiple of 8");
			return newSecretKey(subtleRandomKey(bits), { name: "HMAC", length: bits, hash: { name: alg.hash.name } }, extractable, usages);
		}
		checkUsages(usages, aesUsages, alg.name);
		if (!aesLengthOK(alg.length)) throw fail("OperationError", "AES key length must be 128, 192 or 256 bits");
		return newSecretKey(subtleRandomKey(alg.length), { name: alg.name, length: alg.length }, extractable, usages);
	}

	async sign(algorithm, key, data) {
		bufferSource(data, "The data");
		const alg = normalize(algorithm, "sign");
		const s = usableKey(key, alg, "sign");
		return subtleHMACSign(s.algorithm.hash.name, s.handle, data);
	}

	async verify(algorithm, key, signature, data) {
		bufferSource(signature, "The signature");
		bufferSource(data, "The data");
		const alg = normalize(algorithm, "verify");
		const s = usableKey(key, alg, "verify");
		if (alg.name === "HMAC") return subtleHMACVerify(s.algorithm.hash.name, s.handle, signature, data);
		return subtleVerifySig(alg.hash?.name ?? s.algorithm.hash?.name ?? "", s.handle, signature, data);
	}

	async encrypt(algorithm, key, data) {
		bufferSource(data, "The data");
		const alg = normalize(algorithm, "encrypt");
		return aesCrypt(true, alg, usableKey(key, alg, "encrypt"), data);
	}

	async decrypt(algorithm, key, data) {
		bufferSource(data, "The data");
		const alg = normalize(algorithm, "decrypt");
		return aesCrypt(false, alg, usableKey(key, alg, "decrypt"), data);
	}

	async deriveBits(algorithm, baseKey, length = null) {
		const alg = normalize(algorithm, "deriveBits");
		return deriveBitsWith(alg, usableKey(baseKey, alg, "deriveBits"), length);
	}

	async deriveKey(algorithm, baseKey, derivedKeyType, extractable, keyUsages) {
		const alg = normalize(algorithm, "deriveBits");
		const importAlg = normalize(derivedKeyType, "importKey");
		const lengthAlg = normalize(derivedKeyType, "keyLength");
		const usages = usageList(keyUsages);
		const s = usableKey(baseKey, alg, "deriveKey");
		const secret = deriveBitsWith(alg, s, keyLength(lengthAlg));
		return importAnyKey("raw", secret, importAlg, Boolean(extractable), usages);
	}
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, { value: "SubtleCrypto", configurable: true });

internal.subtle = new SubtleCrypto(constructing);
internal.define("SubtleCrypto", SubtleCrypto);
internal.define("CryptoKey", CryptoKey);
})
