package web

import (
	"testing"
)

func TestTextEncoderJS(t *testing.T) {
	runCases(t, []jsCase{
		{"encode", `
			const e = new TextEncoder();
			return [e.encoding, [...e.encode("aé€😀")], e.encode() instanceof Uint8Array, e.encode().length, [...e.encode("\ud800x")]];`,
			`["utf-8",[97,195,169,226,130,172,240,159,152,128],true,0,[239,191,189,120]]`},
		{"encodeInto writes whole characters", `
			const e = new TextEncoder();
			const dst = new Uint8Array(5);
			const r1 = e.encodeInto("aé😀", dst);
			const big = new Uint8Array(10);
			const r2 = e.encodeInto("aé😀", big.subarray(2));
			return [r1, [...dst], r2, [...big]];`,
			`[{"read":2,"written":3},[97,195,169,0,0],{"read":4,"written":7},[0,0,97,195,169,240,159,152,128,0]]`},
		{"encodeInto needs Uint8Array", `new TextEncoder().encodeInto("a", new Uint16Array(2));`,
			`throws TypeError: The "dest" argument must be an instance of Uint8Array.`},
	})
}

func TestTextDecoderJS(t *testing.T) {
	runCases(t, []jsCase{
		{"valid", `return new TextDecoder().decode(new TextEncoder().encode("aé€😀"));`, `"aé€😀"`},
		// Each maximal ill-formed subsequence is one U+FFFD (WHATWG), not one per byte.
		{"invalid bytes become U+FFFD", `
			const d = new TextDecoder();
			const dec = (...b) => d.decode(new Uint8Array(b));
			return [
				dec(0x61, 0x80, 0x62),             // lone continuation
				dec(0xE2, 0x82, 0x41),             // truncated 3-byte sequence
				dec(0xF0, 0x9F, 0x98),             // truncated at end
				dec(0xC0, 0xAF),                   // overlong
				dec(0xED, 0xA0, 0x80),             // surrogate
				dec(0xF4, 0x90, 0x80, 0x80),       // above U+10FFFF
				dec(0xFF, 0xFE),
			].map((s) => [...s].map((c) => c.codePointAt(0).toString(16)).join(" "));`,
			`["61 fffd 62","fffd 41","fffd","fffd fffd","fffd fffd fffd","fffd fffd fffd fffd","fffd fffd"]`},
		{"fatal throws", `new TextDecoder("utf-8", {fatal: true}).decode(new Uint8Array([0x61, 0xFF]));`,
			`throws TypeError: The encoded data was not valid for encoding utf-8`},
		{"fatal accepts valid", `
			const d = new TextDecoder("utf8", {fatal: true});
			return [d.fatal, d.ignoreBOM, d.encoding, d.decode(new Uint8Array([0x68, 0x69]))];`,
			`[true,false,"utf-8","hi"]`},
		{"BOM", `
			const bytes = new Uint8Array([0xEF, 0xBB, 0xBF, 0x61]);
			return [new TextDecoder().decode(bytes).length, new TextDecoder("utf-8", {ignoreBOM: true}).decode(bytes).length];`,
			`[1,2]`},
		{"any buffer source", `
			const d = new TextDecoder();
			const buf = new Uint8Array([0, 0x68, 0x69, 0x21, 0]).buffer;
			return [d.decode(buf).length, d.decode(new DataView(buf, 1, 3)), d.decode(new Uint8Array(buf, 1, 2)),
				d.decode(new Uint16Array([0x6968])), d.decode(), d.decode(undefined)];`,
			`[5,"hi!","hi","hi","",""]`},
		{"stream splits a character", `
			const d = new TextDecoder();
			const b = new TextEncoder().encode("€😀");
			let out = "";
			for (let i = 0; i < b.length; i++) out += d.decode(b.subarray(i, i + 1), {stream: true});
			out += d.decode();
			return [out, d.decode(new Uint8Array([0xE2]), {stream: true}), d.decode()];`,
			`["€😀","","�"]`},
		{"unsupported encoding", `new TextDecoder("latin1");`, `throws RangeError: The "latin1" encoding is not supported`},
		{"bad input", `new TextDecoder().decode("abc");`,
			`throws TypeError: The "input" argument must be an instance of ArrayBuffer or ArrayBufferView.`},
	})
}

func TestUTF8DecoderMatchesGoForValidInput(t *testing.T) {
	for _, s := range []string{"", "ascii", "é€😀", "\uFEFFbom"} {
		got, err := newUTF8Decoder(false, true).decode([]byte(s), false)
		if err != nil || got != s {
			t.Errorf("decode(%q) = %q, %v", s, got, err)
		}
	}
}
