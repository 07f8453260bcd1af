package web

import (
	"testing"
)

func TestStructuredCloneJS(t *testing.T) {
	runCases(t, []jsCase{
		{"deep copy of plain data", `
			const v = {a: 1, b: [1, {c: "x"}], n: null, u: undefined, big: 10n};
			const c = structuredClone(v);
			c.b[1].c = "changed";
			return [v.b[1].c, c !== v, c.b !== v.b, "u" in c, typeof c.big];`,
			`["x",true,true,true,"bigint"]`},
		{"cycles and shared references are kept", `
			const o = {name: "o"};
			o.self = o;
			const shared = {s: 1};
			o.list = [shared, shared];
			const c = structuredClone(o);
			return [c.self === c, c !== o, c.list[0] === c.list[1], c.list[0] !== shared];`,
			`[true,true,true,true]`},
		{"Map, Set, Date, RegExp", `
			const key = {k: 1};
			const m = new Map([[key, "v"], ["self", null]]);
			m.set("self", m);
			const d = new Date(1700000000000);
			const c = structuredClone({m, s: new Set([1, key]), d, r: /ab+c/gi});
			const [ck] = c.m.keys();
			return [c.m instanceof Map, c.m.get("self") === c.m, c.m.get(ck), ck !== key,
				c.s instanceof Set, c.s.has(1), c.s.size, c.d instanceof Date, c.d.getTime(), c.d !== d,
				c.r instanceof RegExp, c.r.source, c.r.flags];`,
			`[true,true,"v",true,true,true,2,true,1700000000000,true,true,"ab+c","gi"]`},
		{"typed arrays and buffers", `
			const buf = new ArrayBuffer(8);
			const a = new Uint8Array(buf, 2, 4);
			const b = new Int16Array(buf, 0, 1);
			a[0] = 7;
			const c = structuredClone({a, b, buf, dv: new DataView(buf, 1, 2)});
			a[0] = 9;
			return [c.a instanceof Uint8Array, c.a[0], c.a.byteOffset, c.a.length, c.a.buffer === c.buf, c.b.buffer === c.buf,
				c.buf !== buf, c.dv instanceof DataView, c.dv.byteOffset, c.dv.byteLength];`,
			`[true,7,2,4,true,true,true,true,1,2]`},
		{"errors", `
			const e = structuredClone(new RangeError("bad"));
			return [e instanceof RangeError, e.message];`,
			`[true,"bad"]`},
		{"class instances become plain objects", `
			class P { constructor() { this.x = 1; } get y() { return 2; } }
			const c = structuredClone(new P());
			return [c instanceof P, c.x, c.y];`,
			`[false,1,null]`},
		{"functions throw DataCloneError", `structuredClone({f() {}});`, `throws DataCloneError: f() {} could not be cloned.`},
		{"symbols throw DataCloneError", `structuredClone(Symbol("s"));`, `throws DataCloneError: Symbol(s) could not be cloned.`},
		{"promises throw DataCloneError", `structuredClone(Promise.resolve());`, `throws DataCloneError: #<Promise> could not be cloned.`},
		{"error is a DOMException with code 25", `
			try { structuredClone(() => 1); } catch (e) { return [e instanceof DOMException, e.code]; }`,
			`[true,25]`},
		{"primitives", `return [structuredClone(1), structuredClone("s"), structuredClone(null), structuredClone(true)];`,
			`[1,"s",null,true]`},
		{"Blob", `
			const c = structuredClone(new Blob(["x"], {type: "a/b"}));
			return [c instanceof Blob, c.type, await c.text()];`,
			`[true,"a/b","x"]`},
	})
}
