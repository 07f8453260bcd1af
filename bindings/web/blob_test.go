package web

import (
	"testing"
)

func TestBlobJS(t *testing.T) {
	runCases(t, []jsCase{
		{"parts and size", `
			const inner = new Blob(["in"]);
			const b = new Blob(["a", new Uint8Array([98]), new Uint16Array([0x6463]).buffer, inner, 5, new DataView(new Uint8Array([0, 101, 0]).buffer, 1, 1)]);
			return [b.size, b.type, await b.text()];`,
			`[8,"","abcdin5e"]`},
		{"empty", `const b = new Blob(); return [b.size, b.type, await b.text(), (await b.arrayBuffer()).byteLength];`, `[0,"","",0]`},
		{"type is lower-cased, non-printable dropped", `
			return [new Blob([], {type: "Text/HTML; Charset=UTF-8"}).type, new Blob([], {type: "a\u00e9"}).type];`,
			`["text/html; charset=utf-8",""]`},
		{"slice", `
			const b = new Blob(["0123456789"], {type: "text/plain"});
			const s = b.slice(2, -2, "X/Y");
			return [await s.text(), s.size, s.type, b.slice().type, await b.slice(-3).text(), await b.slice(8, 2).text(),
				await b.slice(1).slice(1, 3).text(), await b.slice(undefined, 100).text()];`,
			`["234567",6,"x/y","","789","","23","0123456789"]`},
		{"parts are copied", `
			const u = new Uint8Array([65, 66]);
			const b = new Blob([u]);
			u[0] = 90;
			return b.text();`,
			`"AB"`},
		{"readers return fresh copies", `
			const b = new Blob(["ab"]);
			const x = await b.bytes();
			x[0] = 0;
			return [await b.text(), (await b.arrayBuffer()) instanceof ArrayBuffer];`,
			`["ab",true]`},
		{"string parts are UTF-8, lone surrogates replaced", `return [...await new Blob(["é\ud800"]).bytes()];`,
			`[195,169,239,191,189]`},
		{"native endings", `return new Blob(["a\r\nb\rc"], {endings: "native"}).text();`, `"a\nb\nc"`},
		{"non-sequence throws", `new Blob("abc");`,
			`throws TypeError: Failed to construct 'Blob': The provided value cannot be converted to a sequence.`},
		{"File", `
			const f = new File(["x"], "a.txt", {type: "text/plain", lastModified: 42});
			return [f instanceof Blob, f.name, f.type, f.lastModified, f.size, Object.prototype.toString.call(f)];`,
			`[true,"a.txt","text/plain",42,1,"[object File]"]`},
	})
}

func TestNewBlob(t *testing.T) {
	vm := newVM(t)
	if err := vm.Set("b", NewBlob(vm, []byte("héllo"), "Text/Plain")); err != nil {
		t.Fatal(err)
	}
	if err := vm.Set("empty", NewBlob(vm, nil, "")); err != nil {
		t.Fatal(err)
	}
	got := settle(t, vm, `return [b instanceof Blob, b.size, b.type, await b.text(), empty.size, empty.type];`)
	if want := `[true,6,"text/plain","héllo",0,""]`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
