package engine

import (
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// JSON.stringify, after ECMA-262 25.5.2, in place of goja's: goja checks for cycles by
// scanning every enclosing object, so a value nested n deep costs n²/2 comparisons (a 200 KB
// body of "[" froze all JavaScript for 40 s), and it recurses without limit. This one finds
// cycles in constant time and refuses values nested past MaxJSONDepth with a RangeError, as
// Node does past its stack (about 4,000 levels).

// maxJSONText bounds the text one JSON.stringify call builds, like V8's longest string
// (2^29 - 24 characters): a sparse array with a huge length cannot fill memory with "null".
const maxJSONText = 1<<29 - 24

// checkpointEvery is how many values JSON.stringify serializes between two checks for an
// interrupt (see jsonCodec.checkpoint).
const checkpointEvery = 1 << 14

// stackScan is how many enclosing objects the cycle check compares one by one; deeper ones
// are found through a map.
const stackScan = 32

var (
	mapType       = reflect.TypeOf(map[string]any(nil))
	sliceType     = reflect.TypeOf([]any(nil))
	marshalerType = reflect.TypeOf((*json.Marshaler)(nil)).Elem()
	encodableType = reflect.TypeOf((*goja.JsonEncodable)(nil)).Elem()
	proxyType     = reflect.TypeOf(goja.Proxy{})
)

type stringifier struct {
	j        *jsonCodec
	buf      []byte
	replacer goja.Callable
	props    []string // the replacer array's property list; nil: every enumerable key
	gap      string
	indent   string
	stack    []*goja.Object            // the objects being serialized, outermost first
	deep     map[*goja.Object]struct{} // stack[stackScan:], for the cycle check
	visits   int                       // values serialized, for the checkpoint
}

func (j *jsonCodec) stringify(call goja.FunctionCall) goja.Value {
	vm := j.vm
	st := &stringifier{j: j}
	if r, ok := call.Argument(1).(*goja.Object); ok {
		if fn, ok := goja.AssertFunction(r); ok {
			st.replacer = fn
		} else if j.arrayLike(r) {
			st.props = j.propertyList(r)
		}
	}
	st.gap = gapOf(call.Argument(2))
	holder := vm.NewObject()
	holder.Set("", call.Argument(0))
	if !st.property("", holder) {
		return goja.Undefined()
	}
	return vm.ToValue(string(st.buf))
}

// propertyList reads a replacer array: its strings and numbers, in order, without repeats.
func (j *jsonCodec) propertyList(r *goja.Object) []string {
	list := []string{}
	seen := map[string]bool{}
	n := r.Get("length").ToInteger()
	for i := int64(0); i < n; i++ {
		v := r.Get(strconv.FormatInt(i, 10))
		name, ok := "", false
		switch {
		case goja.IsString(v) || goja.IsNumber(v):
			name, ok = v.String(), true
		default:
			if o, isObj := v.(*goja.Object); isObj && (o.ClassName() == "String" || o.ClassName() == "Number") {
				name, ok = o.String(), true
			}
		}
		if ok && !seen[name] {
			seen[name] = true
			list = append(list, name)
		}
	}
	return list
}

// gapOf is the indentation the space argument asks for: up to ten spaces or the first ten
// characters of a string.
func gapOf(space goja.Value) string {
	if o, ok := space.(*goja.Object); ok {
		switch o.ClassName() {
		case "Number":
			space = o.ToNumber()
		case "String":
			space = o.ToString()
		}
	}
	switch {
	case goja.IsNumber(space):
		n := space.ToFloat()
		if n >= 1 {
			return "          "[:int(math.Min(10, n))]
		}
	case goja.IsString(space):
		s := space.(goja.String)
		if s.Length() > 10 {
			s = s.Substring(0, 10)
		}
		return s.String()
	}
	return ""
}

// property serializes holder[key] (SerializeJSONProperty); false means undefined: nothing
// was written.
func (st *stringifier) property(key string, holder *goja.Object) bool {
	vm := st.j.vm
	if st.visits++; st.visits%checkpointEvery == 0 {
		st.call(st.j.checkpoint, goja.Undefined())
	}
	value := holder.Get(key)
	if value == nil {
		value = goja.Undefined()
	}
	if obj, isObj := value.(*goja.Object); isObj || goja.IsBigInt(value) {
		if !isObj {
			obj = value.ToObject(vm)
		}
		if toJSON, ok := goja.AssertFunction(obj.Get("toJSON")); ok {
			value = st.call(toJSON, value, vm.ToValue(key))
		}
	}
	if st.replacer != nil {
		value = st.call(st.replacer, holder, vm.ToValue(key), value)
	}
	if obj, ok := value.(*goja.Object); ok {
		switch obj.ClassName() {
		case "Number":
			value = obj.ToNumber()
		case "String":
			value = obj.ToString()
		case "Boolean":
			if b, ok := obj.Export().(bool); ok {
				value = vm.ToValue(b)
			}
		case "BigInt":
			panic(st.j.newError(st.j.typeError, "Do not know how to serialize a BigInt"))
		case "RawJSON":
			st.buf = append(st.buf, obj.Get("rawJSON").String()...)
			return true
		case "Object":
			if v, written := st.goValue(obj); written {
				return true
			} else if v != nil {
				value = v
			}
		}
	}
	switch {
	case goja.IsUndefined(value):
		return false
	case goja.IsNull(value):
		st.buf = append(st.buf, "null"...)
	case goja.IsString(value):
		st.quote(value.(goja.String))
	case goja.IsNumber(value):
		if f := value.ToFloat(); math.IsNaN(f) || math.IsInf(f, 0) {
			st.buf = append(st.buf, "null"...)
		} else {
			st.buf = append(st.buf, value.String()...)
		}
	case goja.IsBigInt(value):
		panic(st.j.newError(st.j.typeError, "Do not know how to serialize a BigInt"))
	default:
		obj, ok := value.(*goja.Object)
		if !ok {
			if b, isBool := value.Export().(bool); isBool {
				st.buf = strconv.AppendBool(st.buf, b)
				return true
			}
			return false // a symbol
		}
		if _, callable := goja.AssertFunction(obj); callable {
			return false
		}
		st.enter(obj)
		if st.j.arrayLike(obj) {
			st.array(obj)
		} else {
			st.object(obj)
		}
		st.leave()
	}
	if len(st.buf) > maxJSONText {
		panic(st.j.newError(st.j.rangeError, "Invalid string length"))
	}
	return true
}

// goValue handles a Go value wrapped by goja the way goja's own JSON.stringify does: one
// implementing goja.JsonEncodable is replaced by what that returns (v), one implementing
// json.Marshaler writes its own text (written). Anything else: nil, false.
func (st *stringifier) goValue(obj *goja.Object) (v goja.Value, written bool) {
	t := obj.ExportType()
	if t == nil || t == mapType || t == sliceType || t == proxyType {
		return nil, false
	}
	switch {
	case t.Implements(encodableType):
		return st.j.vm.ToValue(obj.Export().(goja.JsonEncodable).JsonEncodable()), false
	case t.Implements(marshalerType):
		b, err := obj.Export().(json.Marshaler).MarshalJSON()
		if err != nil {
			panic(st.j.vm.NewGoError(err))
		}
		st.buf = append(st.buf, b...)
		return nil, true
	}
	return nil, false
}

// call calls fn; a throw or an interrupt unwinds the whole JSON.stringify.
func (st *stringifier) call(fn goja.Callable, this goja.Value, args ...goja.Value) goja.Value {
	v, err := fn(this, args...)
	if err != nil {
		panic(err)
	}
	if v == nil {
		return goja.Undefined()
	}
	return v
}

// enter pushes obj on the stack of objects being serialized: a TypeError if it is already
// there (a cycle), a RangeError past MaxJSONDepth.
func (st *stringifier) enter(obj *goja.Object) {
	for _, o := range st.stack[:min(len(st.stack), stackScan)] {
		if o == obj {
			panic(st.j.newError(st.j.typeError, "Converting circular structure to JSON"))
		}
	}
	if _, found := st.deep[obj]; found {
		panic(st.j.newError(st.j.typeError, "Converting circular structure to JSON"))
	}
	if len(st.stack) >= MaxJSONDepth {
		panic(st.j.newError(st.j.rangeError, "Maximum call stack size exceeded (JSON.stringify: value nested deeper than "+strconv.Itoa(MaxJSONDepth)+" levels)"))
	}
	if len(st.stack) >= stackScan {
		if st.deep == nil {
			st.deep = make(map[*goja.Object]struct{})
		}
		st.deep[obj] = struct{}{}
	}
	st.stack = append(st.stack, obj)
}

func (st *stringifier) leave() {
	n := len(st.stack) - 1
	if n >= stackScan {
		delete(st.deep, st.stack[n])
	}
	st.stack = st.stack[:n]
}

// arrayLike is IsArray: an Array, or a Proxy whose target is one.
func (j *jsonCodec) arrayLike(obj *goja.Object) bool {
	if obj.ClassName() == "Array" {
		return true
	}
	if obj.ExportType() != proxyType {
		return false
	}
	v, err := j.isArray(goja.Undefined(), obj)
	if err != nil {
		panic(err)
	}
	return v.ToBoolean()
}

func (st *stringifier) object(obj *goja.Object) {
	stepback := st.indent
	st.indent += st.gap
	keys := st.props
	if keys == nil {
		keys = obj.Keys()
	}
	start := len(st.buf)
	st.buf = append(st.buf, '{')
	empty := true
	for _, k := range keys {
		mark := len(st.buf)
		if !empty {
			st.buf = append(st.buf, ',')
		}
		st.newline()
		st.quoteGo(k)
		st.buf = append(st.buf, ':')
		if st.gap != "" {
			st.buf = append(st.buf, ' ')
		}
		if st.property(k, obj) {
			empty = false
		} else {
			st.buf = st.buf[:mark]
		}
	}
	st.indent = stepback
	if empty {
		st.buf = append(st.buf[:start], "{}"...)
		return
	}
	st.newline()
	st.buf = append(st.buf, '}')
}

func (st *stringifier) array(obj *goja.Object) {
	stepback := st.indent
	st.indent += st.gap
	n := obj.Get("length").ToInteger()
	if n <= 0 {
		st.indent = stepback
		st.buf = append(st.buf, "[]"...)
		return
	}
	st.buf = append(st.buf, '[')
	for i := int64(0); i < n; i++ {
		if i > 0 {
			st.buf = append(st.buf, ',')
		}
		st.newline()
		if !st.property(strconv.FormatInt(i, 10), obj) {
			st.buf = append(st.buf, "null"...)
		}
		if len(st.buf) > maxJSONText {
			panic(st.j.newError(st.j.rangeError, "Invalid string length"))
		}
	}
	st.indent = stepback
	st.newline()
	st.buf = append(st.buf, ']')
}

// newline starts a line at the current indentation when there is a gap.
func (st *stringifier) newline() {
	if st.gap != "" {
		st.buf = append(st.buf, '\n')
		st.buf = append(st.buf, st.indent...)
	}
}

// quote writes a JavaScript string as a JSON string (QuoteJSONString). Lone surrogates,
// which a Go string cannot hold, are written as \u escapes like the spec asks.
func (st *stringifier) quote(s goja.String) {
	text := s.String()
	if !st.quoteGo(text) {
		st.quoteUTF16(s)
	}
}

// quoteGo writes a Go string as a JSON string. It reports false, writing nothing, when the
// string holds U+FFFD: it may stand for a lone surrogate of the JavaScript string, which only
// quoteUTF16 can tell.
func (st *stringifier) quoteGo(s string) bool {
	start := len(st.buf)
	st.buf = append(st.buf, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError {
				st.buf = st.buf[:start]
				return false
			}
			st.buf = append(st.buf, s[i:i+size]...)
			i += size
			continue
		}
		st.escapeASCII(c)
		i++
	}
	st.buf = append(st.buf, '"')
	return true
}

func (st *stringifier) quoteUTF16(s goja.String) {
	st.buf = append(st.buf, '"')
	n := s.Length()
	for i := 0; i < n; i++ {
		c := s.CharAt(i)
		switch {
		case c < utf8.RuneSelf:
			st.escapeASCII(byte(c))
		case utf16.IsSurrogate(rune(c)):
			if c < 0xDC00 && i+1 < n {
				if lo := s.CharAt(i + 1); lo >= 0xDC00 && lo <= 0xDFFF {
					st.buf = utf8.AppendRune(st.buf, utf16.DecodeRune(rune(c), rune(lo)))
					i++
					continue
				}
			}
			st.buf = append(st.buf, `\u`...)
			st.buf = append(st.buf, hexDigits[c>>12], hexDigits[c>>8&0xF], hexDigits[c>>4&0xF], hexDigits[c&0xF])
		default:
			st.buf = utf8.AppendRune(st.buf, rune(c))
		}
	}
	st.buf = append(st.buf, '"')
}

const hexDigits = "0123456789abcdef"

func (st *stringifier) escapeASCII(c byte) {
	switch c {
	case '"', '\\':
		st.buf = append(st.buf, '\\', c)
	case '\b':
		st.buf = append(st.buf, `\b`...)
	case '\f':
		st.buf = append(st.buf, `\f`...)
	case '\n':
		st.buf = append(st.buf, `\n`...)
	case '\r':
		st.buf = append(st.buf, `\r`...)
	case '\t':
		st.buf = append(st.buf, `\t`...)
	default:
		if c < 0x20 {
			st.buf = append(st.buf, `\u00`...)
			st.buf = append(st.buf, hexDigits[c>>4], hexDigits[c&0xF])
		} else {
			st.buf = append(st.buf, c)
		}
	}
}
