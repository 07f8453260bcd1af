// subtleVectors() runs crypto.subtle through known-answer vectors, round trips and errors,
// and returns what it saw as plain JSON: hex strings, booleans, key descriptions and error
// names. subtle_test.go runs it under azote and, when node is installed, under Node, and
// requires the same output byte for byte.
async function subtleVectors() {
	const s = crypto.subtle;
	const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, "0")).join("");
	const bytes = (h) => new Uint8Array(h.match(/../g).map((x) => parseInt(x, 16)));
	const text = (t) => new TextEncoder().encode(t);
	const fill = (n, v) => new Uint8Array(n).fill(v);
	const range = (a, b) => Uint8Array.from({ length: b - a + 1 }, (_, i) => a + i);
	const describe = (k) => ({ type: k.type, extractable: k.extractable, algorithm: k.algorithm, usages: k.usages });
	const out = {};
	async function record(label, f) {
		try {
			const v = await f();
			out[label] = v instanceof ArrayBuffer ? hex(v) : v;
		} catch (e) {
			out[label] = "error:" + e.name;
		}
	}

	for (const h of ["SHA-1", "SHA-256", "SHA-384", "SHA-512"]) {
		await record(`digest ${h} abc`, () => s.digest(h, text("abc")));
	}
	await record("digest lower-case name, DataView", () => s.digest({ name: "sha-256" }, new DataView(text("xabcx").buffer, 1, 3)));
	await record("digest empty ArrayBuffer", () => s.digest("SHA-256", new ArrayBuffer(0)));

	const hmac = async (hash, key, data) => s.sign("HMAC", await s.importKey("raw", key, { name: "HMAC", hash }, false, ["sign"]), data);
	for (const h of ["SHA-256", "SHA-384", "SHA-512"]) {
		await record(`RFC 4231 case 1 ${h}`, () => hmac(h, fill(20, 0x0b), text("Hi There")));
		await record(`RFC 4231 case 2 ${h}`, () => hmac(h, text("Jefe"), text("what do ya want for nothing?")));
		await record(`RFC 4231 case 6 ${h}`, () => hmac(h, fill(131, 0xaa), text("Test Using Larger Than Block-Size Key - Hash Key First")));
	}
	await record("RFC 2202 case 1 SHA-1", () => hmac("SHA-1", fill(20, 0x0b), text("Hi There")));
	await record("HMAC verify", async () => {
		const k = await s.importKey("raw", text("Jefe"), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
		const sig = await s.sign({ name: "hmac" }, k, text("message"));
		const bad = new Uint8Array(sig.slice(0));
		bad[0] ^= 1;
		return [await s.verify("HMAC", k, sig, text("message")), await s.verify("HMAC", k, bad, text("message")),
			await s.verify("HMAC", k, sig.slice(0, 8), text("message"))];
	});

	const pbkdf2 = async (hash, password, salt, iterations, bits) =>
		s.deriveBits({ name: "PBKDF2", hash, salt, iterations }, await s.importKey("raw", password, "PBKDF2", false, ["deriveBits"]), bits);
	await record("RFC 6070 c=1", () => pbkdf2("SHA-1", text("password"), text("salt"), 1, 160));
	await record("RFC 6070 c=2", () => pbkdf2("SHA-1", text("password"), text("salt"), 2, 160));
	await record("RFC 6070 c=4096", () => pbkdf2("SHA-1", text("password"), text("salt"), 4096, 160));
	await record("RFC 6070 NUL bytes", () => pbkdf2("SHA-1", text("pass\0word"), text("sa\0lt"), 4096, 128));
	await record("PBKDF2 SHA-256", () => pbkdf2("SHA-256", text("password"), text("salt"), 1000, 256));
	await record("PBKDF2 SHA-512 long output", () => pbkdf2("SHA-512", text("password"), text("salt"), 3, 1024));

	const hkdf = async (hash, ikm, salt, info, bits) =>
		s.deriveBits({ name: "HKDF", hash, salt, info }, await s.importKey("raw", ikm, "HKDF", false, ["deriveBits"]), bits);
	await record("RFC 5869 case 1", () => hkdf("SHA-256", fill(22, 0x0b), range(0x00, 0x0c), range(0xf0, 0xf9), 336));
	await record("RFC 5869 case 3 (no salt, no info)", () => hkdf("SHA-256", fill(22, 0x0b), new Uint8Array(0), new Uint8Array(0), 336));
	await record("RFC 5869 case 4 SHA-1", () => hkdf("SHA-1", fill(11, 0x0b), range(0x00, 0x0c), range(0xf0, 0xf9), 336));

	const aesKey = (name, raw, usages = ["encrypt", "decrypt"]) => s.importKey("raw", raw, name, true, usages);
	const gcmKey = await aesKey("AES-GCM", bytes("feffe9928665731c6d6a8f9467308308"));
	const gcmPlain = bytes("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
	const gcmIV = bytes("cafebabefacedbaddecaf888");
	await record("GCM spec case 2", async () => s.encrypt({ name: "AES-GCM", iv: new Uint8Array(12) }, await aesKey("AES-GCM", new Uint8Array(16)), new Uint8Array(16)));
	await record("GCM spec case 3", () => s.encrypt({ name: "AES-GCM", iv: gcmIV }, gcmKey, gcmPlain));
	await record("GCM spec case 4 (additional data)", () => s.encrypt({ name: "AES-GCM", iv: gcmIV, additionalData: bytes("feedfacedeadbeeffeedfacedeadbeefabaddad2") }, gcmKey, gcmPlain.subarray(0, 60)));
	for (const tagLength of [32, 64, 96, 104, 112, 120, 128]) {
		await record(`GCM tagLength ${tagLength} round trip`, async () => {
			const p = { name: "AES-GCM", iv: gcmIV, additionalData: text("aad"), tagLength };
			const c = await s.encrypt(p, gcmKey, text("hello, world"));
			const back = await s.decrypt(p, gcmKey, c);
			const bad = new Uint8Array(c);
			bad[bad.length - 1] ^= 1;
			let rejected = "accepted";
			try { await s.decrypt(p, gcmKey, bad); } catch (e) { rejected = e.name; }
			return [hex(c), new TextDecoder().decode(back), rejected];
		});
	}
	for (const n of [16, 60]) {
		await record(`GCM ${n}-byte iv`, () => s.encrypt({ name: "AES-GCM", iv: fill(n, 7), tagLength: 96 }, gcmKey, text("iv lengths")));
	}
	await record("GCM decrypt short data", () => s.decrypt({ name: "AES-GCM", iv: gcmIV }, gcmKey, new Uint8Array(15)));
	await record("GCM bad tagLength", () => s.encrypt({ name: "AES-GCM", iv: gcmIV, tagLength: 100 }, gcmKey, text("x")));
	await record("GCM empty iv", () => s.encrypt({ name: "AES-GCM", iv: new Uint8Array(0) }, gcmKey, text("x")));
	await record("GCM missing iv", () => s.encrypt({ name: "AES-GCM" }, gcmKey, text("x")));

	const sp800 = bytes("2b7e151628aed2a6abf7158809cf4f3c");
	const block1 = bytes("6bc1bee22e409f96e93d7e117393172a");
	const cbcKey = await aesKey("AES-CBC", sp800);
	await record("SP 800-38A CBC block 1 (then padding)", () => s.encrypt({ name: "AES-CBC", iv: range(0, 15) }, cbcKey, block1));
	for (const n of [0, 1, 15, 16, 17, 33]) {
		await record(`CBC ${n} bytes round trip`, async () => {
			const c = await s.encrypt({ name: "AES-CBC", iv: range(0, 15) }, cbcKey, fill(n, n));
			return [hex(c), hex(await s.decrypt({ name: "AES-CBC", iv: range(0, 15) }, cbcKey, c))];
		});
	}
	await record("CBC wrong key for padding", async () => {
		const c = await s.encrypt({ name: "AES-CBC", iv: range(0, 15) }, cbcKey, text("secret"));
		return s.decrypt({ name: "AES-CBC", iv: range(1, 16) }, await aesKey("AES-CBC", fill(16, 1)), c);
	});
	await record("CBC 15-byte iv", () => s.encrypt({ name: "AES-CBC", iv: range(0, 14) }, cbcKey, text("x")));
	await record("CBC decrypt partial block", () => s.decrypt({ name: "AES-CBC", iv: range(0, 15) }, cbcKey, new Uint8Array(20)));

	const ctrKey = await aesKey("AES-CTR", sp800);
	await record("SP 800-38A CTR block 1", () => s.encrypt({ name: "AES-CTR", counter: bytes("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), length: 64 }, ctrKey, block1));
	for (const length of [1, 8, 12, 64, 128]) {
		await record(`CTR counter wraps in ${length} bits`, () => s.encrypt({ name: "AES-CTR", counter: fill(16, 0xff), length }, ctrKey, fill(40, 0)));
	}
	await record("CTR length 0", () => s.encrypt({ name: "AES-CTR", counter: fill(16, 0), length: 0 }, ctrKey, text("x")));
	await record("CTR 15-byte counter", () => s.encrypt({ name: "AES-CTR", counter: fill(15, 0), length: 64 }, ctrKey, text("x")));

	await record("AES key description", async () => describe(await aesKey("aes-gcm", fill(32, 1), ["decrypt", "encrypt"])));
	await record("HMAC key description", async () => describe(await s.importKey("raw", fill(5, 1), { name: "HMAC", hash: { name: "sha-384" } }, true, ["verify", "sign"])));
	await record("PBKDF2 key description", async () => describe(await s.importKey("raw", text("pw"), { name: "PBKDF2" }, false, ["deriveKey"])));
	await record("AES jwk export", async () => s.exportKey("jwk", await aesKey("AES-CBC", range(0, 23))));
	await record("HMAC jwk export", async () => s.exportKey("jwk", await s.importKey("raw", range(1, 20), { name: "HMAC", hash: "SHA-1" }, true, ["sign"])));
	await record("jwk import then raw export", async () => {
		const k = await s.importKey("jwk", { kty: "oct", k: "AAECAwQFBgcICQoLDA0ODw", alg: "A128GCM", ext: true }, "AES-GCM", true, ["encrypt"]);
		return [hex(await s.exportKey("raw", k)), describe(k)];
	});
	await record("jwk HMAC import", async () => describe(await s.importKey("jwk", { kty: "oct", k: "c2VjcmV0", alg: "HS256" }, { name: "HMAC", hash: "SHA-256" }, false, ["verify"])));
	await record("jwk wrong alg", () => s.importKey("jwk", { kty: "oct", k: "AAECAwQFBgcICQoLDA0ODw", alg: "A256GCM" }, "AES-GCM", true, ["encrypt"]));
	await record("jwk wrong kty", () => s.importKey("jwk", { kty: "RSA", k: "AAECAwQFBgcICQoLDA0ODw" }, "AES-GCM", true, ["encrypt"]));
	await record("jwk not extractable", () => s.importKey("jwk", { kty: "oct", k: "AAECAwQFBgcICQoLDA0ODw", ext: false }, "AES-GCM", true, ["encrypt"]));
	await record("jwk key_ops too narrow", () => s.importKey("jwk", { kty: "oct", k: "AAECAwQFBgcICQoLDA0ODw", key_ops: ["decrypt"] }, "AES-GCM", true, ["encrypt"]));

	await record("deriveKey PBKDF2 to AES-GCM", async () => {
		const base = await s.importKey("raw", text("password"), "PBKDF2", false, ["deriveKey"]);
		const k = await s.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: text("salt"), iterations: 10 }, base, { name: "AES-GCM", length: 256 }, true, ["encrypt"]);
		return [hex(await s.exportKey("raw", k)), describe(k)];
	});
	await record("deriveKey HKDF to HMAC", async () => {
		const base = await s.importKey("raw", text("secret"), "HKDF", false, ["deriveKey"]);
		const k = await s.deriveKey({ name: "HKDF", hash: "SHA-256", salt: text("salt"), info: text("info") }, base, { name: "HMAC", hash: "SHA-256" }, true, ["sign"]);
		return [hex(await s.exportKey("raw", k)), describe(k)];
	});
	await record("deriveKey bad AES length", async () => {
		const base = await s.importKey("raw", text("password"), "PBKDF2", false, ["deriveKey"]);
		return s.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt: text("salt"), iterations: 10 }, base, { name: "AES-GCM", length: 100 }, true, ["encrypt"]);
	});

	await record("generateKey AES round trip", async () => {
		const k = await s.generateKey({ name: "AES-GCM", length: 192 }, true, ["encrypt", "decrypt"]);
		const iv = crypto.getRandomValues(new Uint8Array(12));
		const c = await s.encrypt({ name: "AES-GCM", iv }, k, text("generated"));
		return [describe(k), (await s.exportKey("raw", k)).byteLength, new TextDecoder().decode(await s.decrypt({ name: "AES-GCM", iv }, k, c))];
	});
	await record("generateKey HMAC default length", async () => {
		const k = await s.generateKey({ name: "HMAC", hash: "SHA-512" }, false, ["sign", "verify"]);
		return [describe(k), await s.verify("HMAC", k, await s.sign("HMAC", k, text("m")), text("m"))];
	});
	await record("generateKey AES bad length", () => s.generateKey({ name: "AES-CBC", length: 64 }, true, ["encrypt"]));

	// Public keys and signatures Node made (generateKey, exportKey, sign), for verify.
	const signed = text("signed by a key azote only verifies");
	const publicKeys = {
		"rsa": {
			"spki": "30819f300d06092a864886f70d010101050003818d0030818902818100c64b04773a79f507b157ba3bffa6379bc8f9d556924e5049bdc86286d54489644db3b1853521a0bd295a87bf8be32d341ab2c5ea1124f0cd0bd11c0af8ea480c882d532ec8161a05c821fc7296059a1a5c0fccf048a4278af90c30988d41239628b9fecfe66f3f1d30fd4bc155262ae9f4a1219fb7bd7477434e2e159e63cb730203010001",
			"jwk": {
				"kty": "RSA",
				"n": "xksEdzp59QexV7o7_6Y3m8j51VaSTlBJvchihtVEiWRNs7GFNSGgvSlah7-L4y00GrLF6hEk8M0L0RwK-OpIDIgtUy7IFhoFyCH8cpYFmhpcD8zwSKQnivkMMJiNQSOWKLn-z-ZvPx0w_UvBVSYq6fShIZ-3vXR3Q04uFZ5jy3M",
				"e": "AQAB",
				"alg": "RS256"
			},
			"sig": "6a9131ff2b5df8ea3017f566ad392020277acbb55477ab37faeb1856d692c86ad67a1e3cfe31e3afd0179d8ce0c7b6a1e54ef7be9ba997a28780598dc5edfc2a124b89057451d63e4f1cd22ea0ce0d54fdc74aff7f3a1b8ae4bb8e7757556c8b4c9cfe9b53fd96b2946d401ac26e4d9841ecbbeb0a4dd8ad1d03bd8e971459d5"
		},
		"p256": {
			"spki": "3059301306072a8648ce3d020106082a8648ce3d03010703420004f2912a15edd40da0709c904cc8dddf17707ca18f6cdfd3985deb8fd2251270ef8b3e4d5408e9afa223732a5684fffe7295fd5c5a610b1751793098dd2524bd57",
			"jwk": {
				"kty": "EC",
				"x": "8pEqFe3UDaBwnJBMyN3fF3B8oY9s39OYXeuP0iUScO8",
				"y": "iz5NVAjpr6IjcypWhP_-cpX9XFphCxdReTCY3SUkvVc",
				"crv": "P-256"
			},
			"sig": "0b320a8924b4b61a7572a271653340debe12527eaa203ace26a6047db99d66a4869cf592b230c4e16d231f899ad20cbf6813970d7284f0bce4e2b1f7d0ef509b",
			"raw": "04f2912a15edd40da0709c904cc8dddf17707ca18f6cdfd3985deb8fd2251270ef8b3e4d5408e9afa223732a5684fffe7295fd5c5a610b1751793098dd2524bd57"
		},
		"p384": {
			"spki": "3076301006072a8648ce3d020106052b810400220362000483a3cc63fd5c403afa468112fbbccbca897049e0f070c9197df8c77371fad4a569e9381052495dbc0828da296eb7a598e2ece139fd4c88308079fa85bde29899c79f5c7b5b0167952346d5c2471c1aec67bab56f80562369f851bf1594b207ee",
			"jwk": {
				"kty": "EC",
				"x": "g6PMY_1cQDr6RoES-7zLyolwSeDwcMkZffjHc3H61KVp6TgQUkldvAgo2ilut6WY",
				"y": "4uzhOf1MiDCAefqFveKYmcefXHtbAWeVI0bVwkccGuxnurVvgFYjafhRvxWUsgfu",
				"crv": "P-384"
			},
			"sig": "761f298563ce368f5a532096b93bfc75dfdd5ad7aab40526aefad384ea379a922b951bff1600fd9e3228188fc4dd37fde5323509652008b02f3aa8eebd312f7b2b741398b9b591ee3f8ab503c001bf1ae34667d2ee6627496753c329acb9314d",
			"raw": "0483a3cc63fd5c403afa468112fbbccbca897049e0f070c9197df8c77371fad4a569e9381052495dbc0828da296eb7a598e2ece139fd4c88308079fa85bde29899c79f5c7b5b0167952346d5c2471c1aec67bab56f80562369f851bf1594b207ee"
		},
		"ed25519": {
			"spki": "302a300506032b65700321001a3e5b77048f127c2895595adbe28df08b8abf6aa44231d92dad898e857bee80",
			"jwk": {
				"crv": "Ed25519",
				"x": "Gj5bdwSPEnwolVla2-KN8IuKv2qkQjHZLa2JjoV77oA",
				"kty": "OKP",
				"alg": "Ed25519"
			},
			"sig": "4d5b6de186d49792b9ea4eca75a15b397f0d6e20a44217b8197810559d62f95583ec9a9863b750ad3e6bb6547e0b2f868f3760d52e514bdddf76ae88b83fc802",
			"raw": "1a3e5b77048f127c2895595adbe28df08b8abf6aa44231d92dad898e857bee80"
		}
	};
	const schemes = {
		rsa: [{ name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, "RSASSA-PKCS1-v1_5"],
		p256: [{ name: "ECDSA", namedCurve: "P-256" }, { name: "ECDSA", hash: "SHA-256" }],
		p384: [{ name: "ECDSA", namedCurve: "P-384" }, { name: "ECDSA", hash: "SHA-384" }],
		ed25519: ["Ed25519", { name: "Ed25519" }],
	};
	for (const [label, fixture] of Object.entries(publicKeys)) {
		const [importAlg, verifyAlg] = schemes[label];
		const formats = [["spki", bytes(fixture.spki)], ["jwk", fixture.jwk]];
		if (fixture.raw) formats.push(["raw", bytes(fixture.raw)]);
		for (const [format, data] of formats) {
			await record(`${label} ${format} verify`, async () => {
				const k = await s.importKey(format, data, importAlg, true, ["verify"]);
				const sig = bytes(fixture.sig);
				const bad = sig.slice(0);
				bad[5] ^= 1;
				return [describe(k), await s.verify(verifyAlg, k, sig, signed), await s.verify(verifyAlg, k, bad, signed),
					await s.verify(verifyAlg, k, sig, text("other")), await s.verify(verifyAlg, k, sig.subarray(1), signed)];
			});
		}
	}
	await record("public key with sign usage", () => s.importKey("spki", bytes(publicKeys.p256.spki), { name: "ECDSA", namedCurve: "P-256" }, true, ["sign"]));
	await record("public key of the wrong curve", () => s.importKey("spki", bytes(publicKeys.p256.spki), { name: "ECDSA", namedCurve: "P-384" }, true, ["verify"]));
	await record("RSA key as ECDSA", () => s.importKey("spki", bytes(publicKeys.rsa.spki), { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"]));
	await record("spki that is not DER", () => s.importKey("spki", text("not der"), "Ed25519", true, ["verify"]));
	await record("ECDSA verify without hash", async () => s.verify("ECDSA", await s.importKey("raw", bytes(publicKeys.p256.raw), { name: "ECDSA", namedCurve: "P-256" }, true, ["verify"]), new Uint8Array(64), signed));
	await record("public key with no usages", async () => (await s.importKey("raw", bytes(publicKeys.ed25519.raw), "Ed25519", true, [])).usages);
	await record("unknown digest", () => s.digest("MD5", text("x")));
	await record("string data", () => s.digest("SHA-256", "abc"));
	await record("unknown format", () => s.importKey("pem", text("x"), "AES-GCM", true, ["encrypt"]));
	await record("AES key of 15 bytes", () => aesKey("AES-GCM", fill(15, 0)));
	await record("AES key with sign usage", () => aesKey("AES-GCM", fill(16, 0), ["sign"]));
	await record("empty usages", () => aesKey("AES-GCM", fill(16, 0), []));
	await record("bad usage name", () => aesKey("AES-GCM", fill(16, 0), ["fly"]));
	await record("extractable PBKDF2", () => s.importKey("raw", text("pw"), "PBKDF2", true, ["deriveBits"]));
	await record("empty HMAC key", () => s.importKey("raw", new Uint8Array(0), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]));
	await record("HMAC without hash", () => s.importKey("raw", fill(4, 1), { name: "HMAC" }, false, ["sign"]));
	await record("HMAC unknown hash", () => s.importKey("raw", fill(4, 1), { name: "HMAC", hash: "SHA-3" }, false, ["sign"]));
	await record("encrypt with a CBC key as GCM", () => s.encrypt({ name: "AES-GCM", iv: gcmIV }, cbcKey, text("x")));
	await record("encrypt without the usage", async () => s.encrypt({ name: "AES-GCM", iv: gcmIV }, await aesKey("AES-GCM", fill(16, 0), ["decrypt"]), text("x")));
	await record("sign with an AES key", () => s.sign("HMAC", gcmKey, text("x")));
	await record("PBKDF2 without deriveBits usage", async () => pbkdf2Key(await s.importKey("raw", text("pw"), "PBKDF2", false, ["deriveKey"])));
	await record("PBKDF2 zero iterations", () => pbkdf2("SHA-1", text("p"), text("s"), 0, 160));
	await record("PBKDF2 length not a multiple of 8", () => pbkdf2("SHA-1", text("p"), text("s"), 1, 12));
	await record("PBKDF2 null length", () => pbkdf2("SHA-1", text("p"), text("s"), 1, null));
	await record("HKDF output too long", () => hkdf("SHA-256", text("k"), text("s"), text("i"), 255 * 256 + 8));
	await record("not a key", () => s.encrypt({ name: "AES-GCM", iv: gcmIV }, {}, text("x")));
	await record("errors are DOMExceptions", async () => {
		try { await s.digest("MD5", text("x")); } catch (e) { return [e instanceof DOMException, e.code]; }
	});
	await record("every method returns a promise", () => {
		const p = s.digest("nope", text("x"));
		p.catch(() => {});
		return p instanceof Promise;
	});
	await record("CryptoKey cannot be constructed", () => new CryptoKey());
	await record("SubtleCrypto cannot be constructed", () => new SubtleCrypto());
	await record("string tags", () => [Object.prototype.toString.call(s), s === crypto.subtle, s instanceof SubtleCrypto]);
	return out;

	function pbkdf2Key(k) {
		return s.deriveBits({ name: "PBKDF2", hash: "SHA-1", salt: text("s"), iterations: 1 }, k, 8);
	}
}
