package engine

import (
	"fmt"

	"github.com/dop251/goja"
)

// MaxJSONDepth is how deeply JSON text and values may nest: JSON.parse refuses deeper text
// with a SyntaxError, JSON.stringify deeper values with a RangeError. Go's encoding/json
// allows the same. goja's own parser recurses once per level with no limit, so 8 MB of "["
// used to overflow the Go stack and kill the process.
const MaxJSONDepth = 10000

// jsonTooDeep marks the SyntaxError of a JSON text nested past MaxJSONDepth, so the bindings
// can answer it as the client's fault (400) wherever in a handler it surfaces.
var jsonTooDeep = goja.NewSymbol("azote.jsonTooDeep")

// IsJSONTooDeep reports whether v is the error JSON.parse threw for text nested past
// MaxJSONDepth.
func IsJSONTooDeep(v goja.Value) bool {
	obj, ok := v.(*goja.Object)
	if !ok {
		return false
	}
	mark := obj.GetSymbol(jsonTooDeep)
	return mark != nil && mark.ToBoolean()
}

// jsonCodec is the runtime's JSON object: every way JavaScript or the bindings parse or
// serialize JSON goes through its parse and stringify.
type jsonCodec struct {
	vm          *goja.Runtime
	objectProto *goja.Object  // Object.prototype, whose keys JSON.parse defines rather than sets
	defineKey   goja.Callable // (obj, key, value): CreateDataProperty for a key Go cannot name
	revive      goja.Callable // (holder, key, reviver): JSON.parse's reviver walk
	hasOwn      goja.Callable // Object.hasOwn
	syntaxError goja.Value
	rangeError  goja.Value
	typeError   goja.Value
	isArray     goja.Callable // Array.isArray, for proxies of arrays
	// checkpoint is an empty JavaScript function. goja checks for interrupts only between
	// JavaScript instructions, so a long serialization calls it now and then: the handler
	// timeout and the memory limit can stop it.
	checkpoint goja.Callable
}

// InstallJSON replaces JSON.parse and JSON.stringify of vm with azote's own, depth-bounded
// (see jsonparse.go and stringify.go). It must run before any script captures them (the web
// globals do).
func InstallJSON(vm *goja.Runtime) error {
	obj := vm.Get("JSON").ToObject(vm)
	isArray, ok := goja.AssertFunction(vm.Get("Array").ToObject(vm).Get("isArray"))
	if !ok {
		return fmt.Errorf("Array.isArray is not a function")
	}
	noop, err := vm.RunString("(function checkpoint() {})")
	if err != nil {
		return err
	}
	checkpoint, _ := goja.AssertFunction(noop)
	helpers, err := vm.RunString(jsonHelpers)
	if err != nil {
		return err
	}
	h := helpers.ToObject(vm)
	defineKey, _ := goja.AssertFunction(h.Get("define"))
	revive, _ := goja.AssertFunction(h.Get("revive"))
	hasOwn, ok := goja.AssertFunction(vm.Get("Object").ToObject(vm).Get("hasOwn"))
	if !ok {
		return fmt.Errorf("Object.hasOwn is not a function")
	}
	j := &jsonCodec{vm: vm, defineKey: defineKey, revive: revive, hasOwn: hasOwn, isArray: isArray, checkpoint: checkpoint,
		objectProto: vm.Get("Object").ToObject(vm).Get("prototype").ToObject(vm),
		syntaxError: vm.Get("SyntaxError"), rangeError: vm.Get("RangeError"), typeError: vm.Get("TypeError")}
	if err := j.define(obj, "parse", 2, j.parse); err != nil {
		return err
	}
	return j.define(obj, "stringify", 3, j.stringify)
}

// jsonHelpers are the parts of JSON.parse that are JavaScript's business: defining a key Go
// strings cannot hold (one with a lone surrogate), and the reviver walk (the spec's
// InternalizeJSONProperty), which calls into JavaScript at every value anyway. The built-ins
// they use are captured at install, so a script that replaces them later changes nothing.
const jsonHelpers = `(function (defineProperty, deleteProperty, isArray, keys, apply) {
  function define(o, k, v) {
    return defineProperty(o, k, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true });
  }
  function walk(holder, k, reviver) {
    const v = revive(holder, k, reviver);
    if (v === undefined) deleteProperty(holder, k);
    else define(holder, k, v);
  }
  function revive(holder, key, reviver) {
    const val = holder[key];
    if (typeof val === "object" && val !== null) {
      if (isArray(val)) {
        let n = +val.length; // ToLength
        n = n !== n || n <= 0 ? 0 : n > 9007199254740991 ? 9007199254740991 : n - (n % 1);
        for (let i = 0; i < n; i++) walk(val, "" + i, reviver);
      } else {
        const ks = keys(val);
        for (let i = 0; i < ks.length; i++) walk(val, ks[i], reviver);
      }
    }
    return apply(reviver, holder, [key, val]);
  }
  return { define, revive };
})(Reflect.defineProperty, Reflect.deleteProperty, Array.isArray, Object.keys, Reflect.apply)`

// define sets JSON[name] like the built-in: writable, configurable, not enumerable, with the
// built-in's name and length.
func (j *jsonCodec) define(obj *goja.Object, name string, length int, fn func(goja.FunctionCall) goja.Value) error {
	f := j.vm.ToValue(fn).(*goja.Object)
	if err := f.DefineDataProperty("name", j.vm.ToValue(name), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}
	if err := f.DefineDataProperty("length", j.vm.ToValue(length), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}
	return obj.DefineDataProperty(name, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

// newError constructs ctor(message); a throw from the constructor itself cannot happen with
// the built-in error constructors captured at install time.
func (j *jsonCodec) newError(ctor goja.Value, message string) *goja.Object {
	e, err := j.vm.New(ctor, j.vm.ToValue(message))
	if err != nil {
		panic(err)
	}
	return e
}
