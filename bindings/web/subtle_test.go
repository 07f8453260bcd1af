package web

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"testing"
)

// subtleVectorsScript is the shared script: subtleVectors() returns every result it saw.
func subtleVectorsScript(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile("testdata/subtle_vectors.js")
	if err != nil {
		t.Fatal(err)
	}
	return string(src)
}

// azoteSubtleVectors runs the shared script under azote's crypto.subtle.
func azoteSubtleVectors(t *testing.T) map[string]any {
	t.Helper()
	vm := newVM(t)
	mustRun(t, vm, subtleVectorsScript(t))
	var out map[string]any
	if err := json.Unmarshal([]byte(settle(t, vm, `return await subtleVectors();`)), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSubtleKnownAnswers checks azote's results against the published vectors.
func TestSubtleKnownAnswers(t *testing.T) {
	got := azoteSubtleVectors(t)
	want := map[string]string{
		"digest SHA-1 abc":                   "a9993e364706816aba3e25717850c26c9cd0d89d",
		"digest SHA-256 abc":                 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		"digest SHA-384 abc":                 "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
		"digest SHA-512 abc":                 "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
		"digest lower-case name, DataView":   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
		"RFC 4231 case 1 SHA-256":            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
		"RFC 4231 case 2 SHA-256":            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
		"RFC 4231 case 6 SHA-256":            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
		"RFC 4231 case 2 SHA-512":            "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
		"RFC 2202 case 1 SHA-1":              "b617318655057264e28bc0b6fb378c8ef146be00",
		"RFC 6070 c=1":                       "0c60c80f961f0e71f3a9b524af6012062fe037a6",
		"RFC 6070 c=2":                       "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957",
		"RFC 6070 c=4096":                    "4b007901b765489abead49d926f721d065a429c1",
		"RFC 6070 NUL bytes":                 "56fa6aa75548099dcc37d7f03425e0c3",
		"RFC 5869 case 1":                    "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
		"RFC 5869 case 3 (no salt, no info)": "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
		"RFC 5869 case 4 SHA-1":              "085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896",
		"GCM spec case 2":                    "0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf",
		"GCM spec case 3": "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985" +
			"4d5c2af327cd64a62cf35abd2ba6fab4",
		"GCM spec case 4 (additional data)": "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091" +
			"5bc94fbc3221a5db94fae95ae7121a47",
		"SP 800-38A CBC block 1 (then padding)": "7649abac8119b246cee98e9b12e9197d8964e0b149c10b7b682e6e39aaeb731c",
		"SP 800-38A CTR block 1":                "874d6191b620e3261bef6864990db6ce",
		"unknown digest":                        "error:NotSupportedError",
		"string data":                           "error:TypeError",
		"unknown format":                        "error:TypeError",
		"AES key of 15 bytes":                   "error:DataError",
		"AES key with sign usage":               "error:SyntaxError",
		"empty usages":                          "error:SyntaxError",
		"extractable PBKDF2":                    "error:SyntaxError",
		"jwk wrong alg":                         "error:DataError",
		"encrypt with a CBC key as GCM":         "error:InvalidAccessError",
		"sign with an AES key":                  "error:InvalidAccessError",
		"GCM bad tagLength":                     "error:OperationError",
		"CBC wrong key for padding":             "error:OperationError",
		"PBKDF2 zero iterations":                "error:OperationError",
		"HKDF output too long":                  "error:OperationError",
	}
	for label, w := range want {
		if got[label] != w {
			t.Errorf("%s:\ngot  %v\nwant %s", label, got[label], w)
		}
	}
}

// TestSubtleMatchesNode runs the same script under Node's crypto.subtle, the reference, and
// requires the same JSON byte for byte (key descriptions and JWKs included, member order too).
func TestSubtleMatchesNode(t *testing.T) {
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed; azote's own known-answer test still runs")
	}
	cmd := exec.Command("node", "-e", subtleVectorsScript(t)+
		"\nsubtleVectors().then((r) => process.stdout.write(JSON.stringify(r)), (e) => { console.error(e); process.exit(1); });")
	nodeOut, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	vm := newVM(t)
	mustRun(t, vm, subtleVectorsScript(t))
	azoteOut := []byte(settle(t, vm, `return await subtleVectors();`))
	if bytes.Equal(nodeOut, azoteOut) {
		return
	}
	// Each value's raw JSON keeps its member order, so the report names the entries that differ.
	var n, a map[string]json.RawMessage
	if err := json.Unmarshal(nodeOut, &n); err != nil {
		t.Fatalf("node output: %v", err)
	}
	if err := json.Unmarshal(azoteOut, &a); err != nil {
		t.Fatalf("azote output: %v", err)
	}
	differ := 0
	for label, nv := range n {
		if !bytes.Equal(nv, a[label]) {
			differ++
			t.Errorf("%s:\nazote %s\nnode  %s", label, a[label], nv)
		}
	}
	if differ == 0 {
		t.Errorf("outputs differ in their entries' order or count:\nazote %s\nnode  %s", azoteOut, nodeOut)
	}
}

// TestSubtleSpecCases covers what the shared script leaves out: where Node 20 departs from
// the spec (its non-extractable export error is named "InvalidAccessException", and it refuses
// AES-GCM IVs shorter than 12 bytes, which the spec allows), and what only azote can check.
func TestSubtleSpecCases(t *testing.T) {
	const aes = `const k = await crypto.subtle.importKey("raw", new Uint8Array(16), "AES-GCM", false, ["encrypt", "decrypt"]);`
	runCases(t, []jsCase{
		{"exporting a non-extractable key", aes + `await crypto.subtle.exportKey("raw", k);`,
			`throws InvalidAccessError: The key is not extractable`},
		{"PBKDF2 keys have no export", `
			const k = await crypto.subtle.importKey("raw", new Uint8Array(4), "PBKDF2", false, ["deriveBits"]);
			await crypto.subtle.exportKey("raw", k);`,
			`throws NotSupportedError: PBKDF2 keys cannot be exported`},
		{"short GCM IVs round trip", aes + `
			const out = [];
			for (const n of [1, 8]) {
				const p = { name: "AES-GCM", iv: new Uint8Array(n).fill(3) };
				const c = await crypto.subtle.encrypt(p, k, new TextEncoder().encode("short iv"));
				out.push(c.byteLength, new TextDecoder().decode(await crypto.subtle.decrypt(p, k, c)));
			}
			return out;`,
			`[24,"short iv",24,"short iv"]`},
		{"the key's bytes are not reachable", aes + `
			return [Object.getOwnPropertyNames(k), Object.getOwnPropertySymbols(k).length, JSON.stringify(k),
				Object.prototype.toString.call(k), k.algorithm === k.algorithm, k instanceof CryptoKey];`,
			`[[],0,"{}","[object CryptoKey]",true,true]`},
		{"changing key.algorithm or key.usages grants nothing", aes + `
			k.algorithm.name = "HMAC";
			k.usages.push("sign");
			try { await crypto.subtle.sign("HMAC", k, new Uint8Array(1)); } catch (e) { return [e.name, k.algorithm.name, k.usages]; }`,
			`["InvalidAccessError","HMAC",["encrypt","decrypt","sign"]]`},
		{"private keys are not implemented: a JWK with \"d\" is refused", `
			await crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", d: "AA" }, "Ed25519", false, ["verify"]);`,
			`throws NotSupportedError: Private keys are not supported`},
		{"public keys are not exported yet", `
			const k = await crypto.subtle.importKey("raw", new Uint8Array(32), "Ed25519", true, ["verify"]);
			await crypto.subtle.exportKey("spki", k);`,
			`throws NotSupportedError: Ed25519 keys cannot be exported`},
		{"CryptoKey getters check their receiver", `Object.getOwnPropertyDescriptor(CryptoKey.prototype, "type").get.call({});`,
			`throws TypeError: this is not a CryptoKey`},
		{"a buffer changed after the call does not change the result", `
			const data = new Uint8Array([1, 2, 3]);
			const p = crypto.subtle.digest("SHA-1", data);
			data.fill(0);
			const [a, b] = [new Uint8Array(await p), new Uint8Array(await crypto.subtle.digest("SHA-1", new Uint8Array([1, 2, 3])))];
			return a.every((x, i) => x === b[i]);`,
			`true`},
		{"errors are DOMExceptions with the spec's name and code", `
			try { await crypto.subtle.importKey("raw", new Uint8Array(3), "AES-CBC", true, ["encrypt"]); }
			catch (e) { return [e instanceof DOMException, e.name, e.code, e.message]; }`,
			`[true,"DataError",0,"Invalid AES key length: 24 bits"]`},
	})
}
