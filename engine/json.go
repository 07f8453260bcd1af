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
	nativeParse goja.Callable
	syntaxError goja.Value
	rangeError  goja.Value
	typeError   goja.Value
	isArray     goja.Callable // Array.isArray, for proxies of arrays
	// checkpoint is an empty JavaScript function. goja checks for interrupts only between
	// JavaScript instructions, so a long serialization calls it now and then: the handler
	// timeout and the memory limit can stop it.
	checkpoint goja.Callable
}

// InstallJSON replaces JSON.parse and JSON.stringify of vm with depth-bounded ones. It must
// run before any script captures them (the web globals do). JSON.parse checks the nesting
// of the text in one quick pass, then leaves the parsing to goja's parser; JSON.stringify is
// azote's own (see stringify.go).
func InstallJSON(vm *goja.Runtime) error {
	obj := vm.Get("JSON").ToObject(vm)
	parse, ok := goja.AssertFunction(obj.Get("parse"))
	if !ok {
		return fmt.Errorf("JSON.parse is not a function")
	}
	isArray, ok := goja.AssertFunction(vm.Get("Array").ToObject(vm).Get("isArray"))
	if !ok {
		return fmt.Errorf("Array.isArray is not a function")
	}
	noop, err := vm.RunString("(function checkpoint() {})")
	if err != nil {
		return err
	}
	checkpoint, _ := goja.AssertFunction(noop)
	j := &jsonCodec{vm: vm, nativeParse: parse, isArray: isArray, checkpoint: checkpoint,
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

func (j *jsonCodec) parse(call goja.FunctionCall) goja.Value {
	// ToString once, as the spec says; the parser gets the Go string, so a text with
	// non-ASCII characters is not converted from UTF-16 a second time.
	if _, isSymbol := call.Argument(0).(*goja.Symbol); isSymbol {
		panic(j.newError(j.typeError, "Cannot convert a Symbol value to a string"))
	}
	text := call.Argument(0).String()
	if pos, deep := nestedPast(text, MaxJSONDepth); deep {
		e := j.newError(j.syntaxError, fmt.Sprintf("JSON nested deeper than %d levels at position %d", MaxJSONDepth, pos))
		e.DefineDataPropertySymbol(jsonTooDeep, j.vm.ToValue(true), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		panic(e)
	}
	args := append([]goja.Value{j.vm.ToValue(text)}, call.Arguments[min(1, len(call.Arguments)):]...)
	v, err := j.nativeParse(goja.Undefined(), args...)
	if err != nil {
		panic(err) // the parser's SyntaxError, or an interrupt, goes on as it came
	}
	return v
}

// nestedPast reports whether the JSON text s opens more than max arrays or objects inside
// each other, and the byte offset of the first bracket too many. Brackets inside strings do
// not count. It does not validate: the parser does that.
func nestedPast(s string, max int) (int, bool) {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[', '{':
			depth++
			if depth > max {
				return i, true
			}
		case ']', '}':
			depth--
		case '"':
			for i++; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' {
					i++
				}
			}
		}
	}
	return 0, false
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
