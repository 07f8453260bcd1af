package web

import (
	"regexp"
	"testing"
)

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestRandomUUID(t *testing.T) {
	vm := newVM(t)
	seen := map[string]bool{}
	for i := 0; i < 200; i++ {
		id := mustRun(t, vm, `crypto.randomUUID()`).String()
		if !uuidV4.MatchString(id) {
			t.Fatalf("%q is not a v4 UUID", id)
		}
		if seen[id] {
			t.Fatalf("%q repeated", id)
		}
		seen[id] = true
	}
}

func TestCryptoJS(t *testing.T) {
	runCases(t, []jsCase{
		{"getRandomValues fills in place and returns its argument", `
			const a = new Uint8Array(64);
			const r = crypto.getRandomValues(a);
			const u32 = crypto.getRandomValues(new Uint32Array(16));
			return [r === a, a.some((x) => x !== 0), u32.some((x) => x !== 0)];`,
			`[true,true,true]`},
		{"getRandomValues respects the view", `
			const buf = new Uint8Array(8);
			crypto.getRandomValues(buf.subarray(2, 4).fill(0));
			return [buf[0], buf[1], buf[4], buf[5], buf[6], buf[7]];`,
			`[0,0,0,0,0,0]`},
		{"65536 bytes is the limit", `
			crypto.getRandomValues(new Uint8Array(65536));
			try { crypto.getRandomValues(new Uint8Array(65537)); } catch (e) { return [e.name, e.code, e instanceof DOMException]; }`,
			`["QuotaExceededError",22,true]`},
		{"float arrays are refused", `crypto.getRandomValues(new Float64Array(1));`,
			`throws TypeMismatchError: The data argument must be an integer-type TypedArray`},
		{"Crypto cannot be constructed", `new Crypto();`, `throws TypeError: Illegal constructor`},
		{"toStringTag", `return Object.prototype.toString.call(crypto);`, `"[object Crypto]"`},
	})
}
