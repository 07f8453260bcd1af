package engine

import (
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"
)

func jsonRuntime(t *testing.T) *goja.Runtime {
	t.Helper()
	vm := goja.New()
	if err := InstallJSON(vm); err != nil {
		t.Fatal(err)
	}
	return vm
}

// evalString runs src and returns its value as a string, or "throws Name: message".
func evalString(t *testing.T, vm *goja.Runtime, src string) string {
	t.Helper()
	v, err := vm.RunString(src)
	if err != nil {
		if ex, ok := err.(*goja.Exception); ok {
			if obj, ok := ex.Value().(*goja.Object); ok {
				return "throws " + obj.Get("name").String() + ": " + obj.Get("message").String()
			}
		}
		t.Fatalf("%s: %v", src, err)
	}
	if goja.IsUndefined(v) {
		return "undefined"
	}
	return v.String()
}

// JSON.stringify answers like Node (each expected value is what node 20 printed).
func TestStringifyLikeNode(t *testing.T) {
	vm := jsonRuntime(t)
	cases := []struct{ src, want string }{
		{`JSON.stringify({a:1,b:[1,"x",null,true,false],c:{d:undefined,e:()=>1,f:Symbol()}})`, `{"a":1,"b":[1,"x",null,true,false],"c":{}}`},
		{`JSON.stringify([undefined, function(){}, Symbol()])`, `[null,null,null]`},
		{`JSON.stringify("q\"b\\\n\t\u0001\u001f é 😀\u007f")`, `"q\"b\\\n\t\u0001\u001f é 😀` + "\u007f" + `"`},
		{`JSON.stringify("\ud800x\udc00 \ud83d\ude00")`, `"\ud800x\udc00 😀"`},
		{`JSON.stringify({a:[1,{b:2}],c:"x"}, null, 2)`, "{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ],\n  \"c\": \"x\"\n}"},
		{`JSON.stringify({a:[1],e:{},f:[]}, null, "--")`, "{\n--\"a\": [\n----1\n--],\n--\"e\": {},\n--\"f\": []\n}"},
		{`JSON.stringify({a:1}, null, 20)`, "{\n          \"a\": 1\n}"},
		{`JSON.stringify({a:1}, null, new Number(3))`, "{\n   \"a\": 1\n}"},
		{`JSON.stringify({a:1,b:2,c:{a:3,z:4}}, ["a","c"])`, `{"a":1,"c":{"a":3}}`},
		{`JSON.stringify({a:1,1:2}, [new String("a"), 1, {}])`, `{"a":1,"1":2}`},
		{`JSON.stringify({a:1,b:"x"}, (k,v)=> typeof v === "number" ? v*10 : v)`, `{"a":10,"b":"x"}`},
		{`JSON.stringify({d:new Date(0)})`, `{"d":"1970-01-01T00:00:00.000Z"}`},
		{`JSON.stringify({n:NaN,i:Infinity,z:-0,f:1.5e300,s:1e21,t:0.1})`, `{"n":null,"i":null,"z":0,"f":1.5e+300,"s":1e+21,"t":0.1}`},
		{`JSON.stringify([new Number(3), new String("s"), new Boolean(false), Object(Symbol())])`, `[3,"s",false,{}]`},
		{`JSON.stringify({x:{toJSON(k){return "key:"+k}}})`, `{"x":"key:x"}`},
		{`JSON.stringify(1n)`, `throws TypeError: Do not know how to serialize a BigInt`},
		{`JSON.stringify(undefined)`, `undefined`},
		{`JSON.stringify(new Map([[1,2]]))`, `{}`},
		{`JSON.stringify(new Uint8Array([1,2]))`, `{"0":1,"1":2}`},
		{`JSON.stringify([new Proxy([1,2],{}), new Proxy({a:1},{})])`, `[[1,2],{"a":1}]`},
		{`JSON.stringify(Object.create({inherited:1}, {own:{value:2,enumerable:true}, hidden:{value:3}}))`, `{"own":2}`},
		{`JSON.stringify({[Symbol()]:1, 2:"two", a:"a", 1:"one", get g(){return 7}})`, `{"1":"one","2":"two","a":"a","g":7}`},
		{`JSON.stringify([,1])`, `[null,1]`},
		{`const a = {}; a.self = a; JSON.stringify(a)`, `throws TypeError: Converting circular structure to JSON`},
		{`JSON.parse.name + JSON.parse.length + JSON.stringify.name + JSON.stringify.length + Object.keys(JSON)`, `parse2stringify3`},
	}
	for _, c := range cases {
		if got := evalString(t, vm, c.src); got != c.want {
			t.Errorf("%s\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}

func TestParseBasics(t *testing.T) {
	vm := jsonRuntime(t)
	cases := []struct{ src, want string }{
		{`JSON.stringify(JSON.parse('{"a":[1,2,{"b":"c\\u00e9"}],"d":null}'))`, `{"a":[1,2,{"b":"cé"}],"d":null}`},
		{`JSON.parse('[1,2]', (k,v)=> Array.isArray(v) ? v : v*2).join()`, `2,4`},
		{`JSON.parse({toString(){return "[7]"}})[0]`, `7`},
		{`JSON.parse('"[[[{{{"')`, `[[[{{{`},
		{`try { JSON.parse('{bad') } catch (e) { e.name }`, `SyntaxError`},
		{`JSON.parse(Symbol())`, `throws TypeError: Cannot convert a Symbol value to a string`},
	}
	for _, c := range cases {
		if got := evalString(t, vm, c.src); got != c.want {
			t.Errorf("%s\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}

// Issue 11, defect 2: goja's parser recursed once per "[" and 8 MB of them overflowed the Go
// stack, which kills the process. Too deep is now a SyntaxError.
func TestParseTooDeep(t *testing.T) {
	vm := jsonRuntime(t)
	vm.Set("deep", strings.Repeat("[", 8<<20))
	vm.Set("limit", strings.Repeat("[", MaxJSONDepth)+strings.Repeat("]", MaxJSONDepth))
	vm.Set("over", strings.Repeat(`{"a":`, MaxJSONDepth+1)+"1"+strings.Repeat("}", MaxJSONDepth+1))
	vm.Set("quoted", `["`+strings.Repeat("[", 3*MaxJSONDepth)+`\""]`)
	if got := evalString(t, vm, `JSON.parse(deep)`); got != "throws SyntaxError: JSON nested deeper than 10000 levels at position 10000" {
		t.Errorf("8 MB of [: %s", got)
	}
	v, err := vm.RunString(`try { JSON.parse(over) } catch (e) { e }`)
	if err != nil || !IsJSONTooDeep(v) {
		t.Errorf("objects one level too deep: %v %v", v, err)
	}
	if got := evalString(t, vm, `let v = JSON.parse(limit), n = 0; while (Array.isArray(v)) { v = v[0]; n++ } n`); got != "10000" {
		t.Errorf("nested exactly MaxJSONDepth: %s", got)
	}
	if got := evalString(t, vm, `JSON.parse(quoted)[0].length`); got != "30001" {
		t.Errorf("brackets inside a string: %s", got)
	}
	if v, _ := vm.RunString(`try { JSON.parse("{") } catch (e) { e }`); IsJSONTooDeep(v) {
		t.Errorf("an ordinary SyntaxError is marked too deep")
	}
}

// Issue 11, defect 2: goja's stringify compared each object with every enclosing one (n²/2
// for n levels) and recursed without limit. Past MaxJSONDepth it is now a RangeError, like
// Node's past its stack; up to it the cost is linear.
func TestStringifyTooDeep(t *testing.T) {
	vm := jsonRuntime(t)
	got := evalString(t, vm, `let a = []; for (let i = 0; i < 20000; i++) a = [a]; JSON.stringify(a)`)
	if !strings.HasPrefix(got, "throws RangeError: Maximum call stack size exceeded") {
		t.Errorf("20,000 levels: %.200s", got)
	}
	got = evalString(t, vm, `let b = {}; for (let i = 1; i < 10000; i++) b = {b}; JSON.stringify(b).length`)
	if got != "59996" { // node --stack-size=20000 agrees
		t.Errorf("10,000 levels: %s", got)
	}
	got = evalString(t, vm, `let r = {}, c = r; for (let i = 0; i < 100; i++) c = c.next = {}; c.next = r; JSON.stringify(r)`)
	if got != "throws TypeError: Converting circular structure to JSON" {
		t.Errorf("a cycle 100 deep: %s", got)
	}
	got = evalString(t, vm, `let s = {}, list = []; for (let i = 0; i < 100; i++) list.push(s); let w = {x: s}; for (let i = 0; i < 100; i++) w = {w}; JSON.stringify([list, w]).length`)
	if got != "912" {
		t.Errorf("a shared object is not a cycle: %s", got)
	}
}

// A throw or an interrupt inside toJSON or the replacer ends JSON.stringify with it.
func TestStringifyPassesThrowsOn(t *testing.T) {
	vm := jsonRuntime(t)
	if got := evalString(t, vm, `JSON.stringify({a:{toJSON(){ throw new Error("boom") }}})`); got != "throws Error: boom" {
		t.Errorf("toJSON throw: %s", got)
	}
	vm.Set("stop", func() { vm.Interrupt("stopped") })
	_, err := vm.RunString(`JSON.stringify([1,2], (k, v) => { if (k === "1") { stop(); while (true) {} } return v })`)
	if _, ok := err.(*goja.InterruptedError); !ok {
		t.Errorf("interrupt in the replacer: %v", err)
	}
}

// goja checks for interrupts between JavaScript instructions only, so a long JSON.stringify
// (a sparse array with a huge length) could not be stopped by the handler timeout or the
// memory limit. It now checks every few thousand values.
func TestStringifyCanBeInterrupted(t *testing.T) {
	vm := jsonRuntime(t)
	timer := time.AfterFunc(50*time.Millisecond, func() { vm.Interrupt(ErrTimeout) })
	defer timer.Stop()
	_, err := vm.RunString(`JSON.stringify(new Array(2 ** 31))`)
	if _, ok := err.(*goja.InterruptedError); !ok {
		t.Errorf("JSON.stringify of 2^31 holes: %v", err)
	}
}
