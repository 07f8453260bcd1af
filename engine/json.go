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
	defineKey   goja.Callable // (obj, key, value): CreateDataProperty for a key Go cannot name
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
	define, err := vm.RunString("(function (define) { return function defineKey(o, k, v) {\n" +
		"define(o, k, {__proto__: null, value: v, writable: true, enumerable: true, configurable: true}) } })(Object.defineProperty)")
	if err != nil {
		return err
	}
	defineKey, _ := goja.AssertFunction(define)
	j := &jsonCodec{vm: vm, defineKey: defineKey, isArray: isArray, checkpoint: checkpoint,
		syntaxError: vm.Get("SyntaxError"), rangeError: vm.Get("RangeError"), typeError: vm.Get("TypeError")}
	if err := j.define(obj, "parse", 2, j.parse); err != nil {
		return err
	}
	return j.define(obj, "stringify", 3, j.stringify)
}

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
