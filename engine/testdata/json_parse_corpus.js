// JSON.parse edge cases, each line what one case gives. engine.TestParseLikeNode runs them and
// compares with json_parse_corpus.node.txt, which Node wrote:
//   node -e 'eval(require("fs").readFileSync("engine/testdata/json_parse_corpus.js", "utf8")); console.log(corpus().join("\n"))' > engine/testdata/json_parse_corpus.node.txt
function corpus() {
  // d describes a value exactly: -0, key order, prototypes, strings with their code units.
  function d(v) {
    if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
    if (typeof v === "string") return JSON.stringify(v);
    if (v === null || typeof v !== "object") return String(v);
    if (Array.isArray(v)) return "[" + v.map(d).join(",") + "]";
    const proto = Object.getPrototypeOf(v) === Object.prototype ? "" : "(proto changed)";
    return "{" + Object.keys(v).map((k) => JSON.stringify(k) + ":" + d(v[k])).join(",") + "}" + proto;
  }
  function run(f) {
    try { return d(f()); } catch (e) { return "throws " + e.name + ": " + e.message; }
  }
  const texts = [
    '{"a":1,"b":[true,false,null],"c":{"d":"e"}}',
    ' \t\n\r[1 , 2 ]\r\n ',
    '[]', '{}', '[[]]', '[{}]', '""', '" "', '[ ]', '{ }',
    '"\\u00e9\\ud83d\\ude00 \\ud800x\\udc00 \\uDBFF\\uDFFF \\u0000"',
    '"é😀\u2028\u2029"',
    '"\\"\\\\\\/\\b\\f\\n\\r\\t"',
    '-0', '[-0,0,-0.0,0e5,-0e-5]',
    '1e400', '-1e400', '1e-400', '5e-324', '1.7976931348623157e308',
    '12345678901234567890', '9007199254740993', '123456789012345', '-123456789012345', '1234567890123456',
    '0.1', '1.5e300', '1E+2', '-12.5e-3', '10', '-7', '0',
    '{"":1,"":2}', '{"a":1,"b":2,"a":3}', '{"b":1,"a":{"y":1,"x":2},"c":3}', '{"b":1,"2":2,"1":3}',
    '{"__proto__":{"x":1}}', '{"a":{"__proto__":null}}', '{"toString":1,"constructor":2,"hasOwnProperty":3}',
    '{"\\ud800":1,"\\u0061":2}',
    '[1,x]', '', '[1,', '{"a" 1}', '"ab', '"a\u0001"', '"\\q"', '-', '1.', '1e', '[1] 2', '01', '[01]',
    '{"a":1,}', '[1,]', 'tru', 'trx', 'x'.repeat(50) + 'y', '[' + '1,'.repeat(40) + 'x]', '"\\u12g4"', '"\\u12',
    '{1:2}', '{"a":1 "b":2}', '[1 2]', "'a'", 'NaN', 'Infinity', '+1', '.5', '1.e3', '[,1]', '{"a"}', '"a" "b"',
    '\u00a0[1]', '[1]\u00a0', '"\t"', '"é" x', 't1', 'nul1', '[tx]', '[NaN]', '[object Object]', '{"a":-}',
  ];
  const out = texts.map((t) => JSON.stringify(t).slice(0, 60) + " => " + run(() => JSON.parse(t)));
  out.push("non-string text => " + run(() => [JSON.parse(123), JSON.parse(null), JSON.parse(true), JSON.parse({ toString: () => "[7]" })]));
  out.push("undefined text => " + run(() => JSON.parse(undefined)));
  out.push("symbol text => " + run(() => JSON.parse(Symbol())));
  // Revivers: the order they see keys in, their this, deleting with undefined, and replacing.
  const seen = [];
  const revived = run(() => JSON.parse('{"a":[1,2,{"b":3}],"c":4,"d":"x"}', function (k, v) {
    seen.push(JSON.stringify(k) + (Array.isArray(this) ? "@array" : "@object"));
    if (k === "d") return undefined;
    return typeof v === "number" ? v * 2 : v;
  }));
  out.push("reviver => " + revived + " seen " + seen.join(" "));
  out.push("reviver root => " + run(() => JSON.parse("[1]", function (k, v) { return k === "" ? { root: v, holder: d(this) } : v; })));
  out.push("reviver throws => " + run(() => JSON.parse("[1]", () => { throw new TypeError("from reviver"); })));
  out.push("reviver not a function => " + run(() => JSON.parse("[1]", 5)));
  out.push("reviver adds keys => " + run(() => JSON.parse('{"a":1,"b":2}', function (k, v) { if (k === "a") this.z = 9; return v; })));
  out.push("reviver lone surrogate key => " + run(() => JSON.parse('{"\\ud800":1}', (k, v) => (typeof v === "number" ? [k.length, k.charCodeAt(0), v] : v))));
  out.push("reviver deletes array elements => " + run(() => {
    const a = JSON.parse("[1,2,3]", (k, v) => (v === 2 ? undefined : v));
    return [a.length, 1 in a, a[0], a[2]];
  }));
  // A setter on Object.prototype is not called, the key stays own.
  out.push("prototype setter => " + run(() => {
    let called = false;
    Object.defineProperty(Object.prototype, "trap", { set() { called = true; }, configurable: true });
    try { const o = JSON.parse('{"trap":1}'); return [called, Object.keys(o).join(), o.trap]; }
    finally { delete Object.prototype.trap; }
  }));
  return out;
}
