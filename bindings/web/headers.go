package web

import (
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// Headers is written in Go: requests and responses create and query it on every call, and a
// Go-backed object is several times cheaper in goja than a JS class with a Map inside.
//
// A Headers is an ordinary JS object (so user code may add properties and subclasses may
// declare fields, which goja refuses on host objects) that carries its Go state, a
// *headerList, under the non-enumerable symbol headerListKey.

// headerEntry is one header field; name is lower-cased.
type headerEntry struct {
	name, value string
}

// headerList is the state behind one JS Headers object.
type headerList struct {
	entries   []headerEntry // insertion order
	immutable bool
	pairs     []headerEntry // iteration order (sorted, combined), nil when stale
}

// headerListKey keys a Headers object's state. Like stateKey, one Symbol serves every runtime.
var headerListKey = goja.NewSymbol("azote.headers")

func (h *headerList) add(name, value string) {
	h.entries = append(h.entries, headerEntry{name, value})
	h.pairs = nil
}

func (h *headerList) remove(name string) {
	h.entries = slices.DeleteFunc(h.entries, func(e headerEntry) bool { return e.name == name })
	h.pairs = nil
}

func (h *headerList) has(name string) bool {
	for _, e := range h.entries {
		if e.name == name {
			return true
		}
	}
	return false
}

// get joins the values of name with ", "; ok is false when there is none.
func (h *headerList) get(name string) (value string, ok bool) {
	for _, e := range h.entries {
		if e.name != name {
			continue
		}
		if ok {
			value += ", " + e.value
		} else {
			value, ok = e.value, true
		}
	}
	return value, ok
}

// set replaces the first value of name and drops the others, or appends.
func (h *headerList) set(name, value string) {
	h.pairs = nil
	for i, e := range h.entries {
		if e.name == name {
			h.entries[i].value = value
			tail := slices.DeleteFunc(h.entries[i+1:], func(e headerEntry) bool { return e.name == name })
			h.entries = h.entries[:i+1+len(tail)]
			return
		}
	}
	h.entries = append(h.entries, headerEntry{name, value})
}

// sortedPairs is the iteration order: names sorted, repeated values joined with ", ", except
// set-cookie, whose values stay separate.
func (h *headerList) sortedPairs() []headerEntry {
	if h.pairs != nil {
		return h.pairs
	}
	sorted := slices.Clone(h.entries)
	slices.SortStableFunc(sorted, func(a, b headerEntry) int { return strings.Compare(a.name, b.name) })
	pairs := make([]headerEntry, 0, len(sorted))
	for _, e := range sorted {
		if n := len(pairs); n > 0 && pairs[n-1].name == e.name && e.name != "set-cookie" {
			pairs[n-1].value += ", " + e.value
			continue
		}
		pairs = append(pairs, e)
	}
	h.pairs = pairs
	return pairs
}

func (h *headerList) clone() *headerList {
	return &headerList{entries: slices.Clone(h.entries)}
}

func (h *headerList) httpHeader() http.Header {
	out := make(http.Header, len(h.entries))
	for _, e := range h.entries {
		k := http.CanonicalHeaderKey(e.name)
		// One line per name, the values joined by ", ", as iterating the Headers gives them
		// (and as Node sends them); Set-Cookie alone keeps a line per value.
		if prev := out[k]; len(prev) > 0 && k != "Set-Cookie" {
			prev[0] += ", " + e.value
			continue
		}
		out[k] = append(out[k], e.value)
	}
	return out
}

// isToken reports whether s is an HTTP token (a valid header name).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || !tokenChars[c] {
			return false
		}
	}
	return true
}

var tokenChars = func() (t [128]bool) {
	for _, c := range "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" {
		t[c] = true
	}
	return t
}()

func (st *runtimeState) toUSV(v goja.Value) string {
	if _, ok := v.(*goja.Symbol); ok {
		panic(st.vm.NewTypeError("Cannot convert a Symbol value to a string"))
	}
	return v.String()
}

func (st *runtimeState) headerName(v goja.Value, method string) string {
	name := st.toUSV(v)
	if !isToken(name) {
		panic(st.vm.NewTypeError(fmt.Sprintf("Headers.%s: \"%s\" is an invalid header name.", method, name)))
	}
	return strings.ToLower(name)
}

// headerValue strips leading and trailing HTTP whitespace and refuses NUL, CR and LF.
func (st *runtimeState) headerValue(v goja.Value, method string) string {
	value := strings.Trim(st.toUSV(v), "\t\n\r ")
	if strings.ContainsAny(value, "\x00\r\n") {
		panic(st.vm.NewTypeError(fmt.Sprintf("Headers.%s: \"%s\" is an invalid header value.", method, value)))
	}
	return value
}

// headersOf returns the list behind a Headers object, or nil.
func headersOf(v goja.Value) *headerList {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	s := o.GetSymbol(headerListKey)
	if s == nil {
		return nil
	}
	h, _ := s.Export().(*headerList)
	return h
}

// attachHeaders makes o a Headers backed by h.
func (st *runtimeState) attachHeaders(o *goja.Object, h *headerList) {
	if err := o.DefineDataPropertySymbol(headerListKey, st.vm.ToValue(h), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
		panic(st.vm.NewTypeError("Headers: %v", err))
	}
}

func (st *runtimeState) thisHeaders(call goja.FunctionCall) *headerList {
	h := headersOf(call.This)
	if h == nil {
		panic(st.vm.NewTypeError("Illegal invocation: this is not a Headers"))
	}
	return h
}

// newHeaders wraps h as a JS Headers.
func (st *runtimeState) newHeaders(h *headerList) *goja.Object {
	o := st.vm.CreateObject(st.headersProto)
	st.attachHeaders(o, h)
	return o
}

// fillHeaders appends a HeadersInit to h, validating like the Headers constructor.
func (st *runtimeState) fillHeaders(h *headerList, init goja.Value) {
	if src := headersOf(init); src != nil {
		h.entries = append(h.entries, src.entries...)
		h.pairs = nil
		return
	}
	o, ok := init.(*goja.Object)
	if !ok {
		panic(st.vm.NewTypeError("Headers constructor: expected a sequence of name/value pairs or a record"))
	}
	iter := o.GetSymbol(goja.SymIterator)
	if _, ok := goja.AssertFunction(iter); !ok {
		for _, key := range o.Keys() {
			h.add(st.headerName(st.vm.ToValue(key), "append"), st.headerValue(o.Get(key), "append"))
		}
		return
	}
	addPair := func(pair goja.Value) {
		p := st.sequence(pair)
		if len(p) != 2 {
			panic(st.vm.NewTypeError(fmt.Sprintf("Headers constructor: expected name/value pair to be length 2, found %d.", len(p))))
		}
		h.add(st.headerName(p[0], "append"), st.headerValue(p[1], "append"))
	}
	if st.isPlainArray(o, iter) {
		// The array iterator would visit exactly these elements; skip its protocol.
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			addPair(o.Get(strconv.Itoa(i)))
		}
		return
	}
	st.iterate(o, addPair)
}

// isPlainArray reports whether o is an Array iterated by the built-in array iterator.
func (st *runtimeState) isPlainArray(o *goja.Object, iter goja.Value) bool {
	return o.ClassName() == "Array" && st.arrayValues != nil && iter == goja.Value(st.arrayValues)
}

// iterate runs the iteration protocol on o from Go.
func (st *runtimeState) iterate(o *goja.Object, each func(goja.Value)) {
	iterFn, ok := goja.AssertFunction(o.GetSymbol(goja.SymIterator))
	if !ok {
		panic(st.vm.NewTypeError("object is not iterable"))
	}
	itv, err := iterFn(o)
	if err != nil {
		panic(err)
	}
	it, ok := itv.(*goja.Object)
	if !ok {
		panic(st.vm.NewTypeError("Result of the Symbol.iterator method is not an object"))
	}
	next, ok := goja.AssertFunction(it.Get("next"))
	if !ok {
		panic(st.vm.NewTypeError("iterator.next is not a function"))
	}
	for {
		rv, err := next(it)
		if err != nil {
			panic(err)
		}
		r, ok := rv.(*goja.Object)
		if !ok {
			panic(st.vm.NewTypeError("Iterator result is not an object"))
		}
		if r.Get("done").ToBoolean() {
			return
		}
		each(r.Get("value"))
	}
}

// sequence converts v to a list: an array directly, another iterable by iterating it.
func (st *runtimeState) sequence(v goja.Value) []goja.Value {
	o, ok := v.(*goja.Object)
	if !ok {
		panic(st.vm.NewTypeError("Headers constructor: expected name/value pair to be an iterable"))
	}
	if st.isPlainArray(o, o.GetSymbol(goja.SymIterator)) {
		n := int(o.Get("length").ToInteger())
		out := make([]goja.Value, n)
		for i := range out {
			out[i] = o.Get(strconv.Itoa(i))
		}
		return out
	}
	var out []goja.Value
	st.iterate(o, func(x goja.Value) { out = append(out, x) })
	return out
}

// Header converts a HeadersInit (a Headers, an iterable of [name, value] pairs, or a plain
// object of name: value) to an http.Header with canonical keys; undefined and null give an
// empty header. Names and values are validated as the Headers constructor does, so a bad
// one is an error.
func Header(vm *goja.Runtime, v goja.Value) (http.Header, error) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return http.Header{}, nil
	}
	if h := headersOf(v); h != nil {
		return h.httpHeader(), nil
	}
	st, err := stateOf(vm, "Header")
	if err != nil {
		return nil, err
	}
	h := &headerList{}
	if ex := vm.Try(func() { st.fillHeaders(h, v) }); ex != nil {
		return nil, fmt.Errorf("web: headers: %w", ex)
	}
	return h.httpHeader(), nil
}

// headersFromHTTP converts net/http's header to a headerList without validating it again.
func headersFromHTTP(header http.Header) *headerList {
	n := 0
	for _, values := range header {
		n += len(values)
	}
	h := &headerList{entries: make([]headerEntry, 0, n)}
	for name, values := range header {
		lower := strings.ToLower(name)
		for _, v := range values {
			h.entries = append(h.entries, headerEntry{lower, v})
		}
	}
	return h
}

// installHeaders defines the Headers global and the helpers request.js and response.js use.
func (st *runtimeState) installHeaders(internal *goja.Object) error {
	vm := st.vm
	proto := vm.NewObject()
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		h := &headerList{}
		if init := call.Argument(0); !goja.IsUndefined(init) {
			st.fillHeaders(h, init)
		}
		// call.This is the new object, already with new.target's prototype.
		st.attachHeaders(call.This, h)
		return nil
	}).(*goja.Object)
	st.headersProto = proto
	if err := st.nameFunction(ctor, "Headers", 0); err != nil {
		return err
	}
	if err := ctor.Set("prototype", proto); err != nil {
		return err
	}
	if err := proto.DefineDataProperty("constructor", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}

	methods := []struct {
		name   string
		length int
		fn     func(goja.FunctionCall) goja.Value
	}{
		{"append", 2, func(call goja.FunctionCall) goja.Value {
			h := st.thisHeaders(call)
			if len(call.Arguments) < 2 {
				panic(vm.NewTypeError("Headers.append: 2 arguments required"))
			}
			name, value := st.headerName(call.Argument(0), "append"), st.headerValue(call.Argument(1), "append")
			st.checkMutable(h)
			h.add(name, value)
			return goja.Undefined()
		}},
		{"delete", 1, func(call goja.FunctionCall) goja.Value {
			h := st.thisHeaders(call)
			name := st.headerName(call.Argument(0), "delete")
			st.checkMutable(h)
			h.remove(name)
			return goja.Undefined()
		}},
		{"get", 1, func(call goja.FunctionCall) goja.Value {
			h := st.thisHeaders(call)
			if v, ok := h.get(st.headerName(call.Argument(0), "get")); ok {
				return vm.ToValue(v)
			}
			return goja.Null()
		}},
		{"getSetCookie", 0, func(call goja.FunctionCall) goja.Value {
			h := st.thisHeaders(call)
			var values []any
			for _, e := range h.entries {
				if e.name == "set-cookie" {
					values = append(values, e.value)
				}
			}
			return vm.NewArray(values...)
		}},
		{"has", 1, func(call goja.FunctionCall) goja.Value {
			return vm.ToValue(st.thisHeaders(call).has(st.headerName(call.Argument(0), "has")))
		}},
		{"set", 2, func(call goja.FunctionCall) goja.Value {
			h := st.thisHeaders(call)
			if len(call.Arguments) < 2 {
				panic(vm.NewTypeError("Headers.set: 2 arguments required"))
			}
			name, value := st.headerName(call.Argument(0), "set"), st.headerValue(call.Argument(1), "set")
			st.checkMutable(h)
			h.set(name, value)
			return goja.Undefined()
		}},
		{"forEach", 1, func(call goja.FunctionCall) goja.Value {
			h := st.thisHeaders(call)
			cb, ok := goja.AssertFunction(call.Argument(0))
			if !ok {
				panic(vm.NewTypeError("Headers.forEach: Argument 1 is not a function"))
			}
			for _, p := range h.sortedPairs() {
				if _, err := cb(call.Argument(1), vm.ToValue(p.value), vm.ToValue(p.name), call.This); err != nil {
					panic(err)
				}
			}
			return goja.Undefined()
		}},
		{"entries", 0, func(call goja.FunctionCall) goja.Value {
			return st.headersIterator(st.thisHeaders(call), iterateEntries)
		}},
		{"keys", 0, func(call goja.FunctionCall) goja.Value { return st.headersIterator(st.thisHeaders(call), iterateKeys) }},
		{"values", 0, func(call goja.FunctionCall) goja.Value {
			return st.headersIterator(st.thisHeaders(call), iterateValues)
		}},
	}
	for _, m := range methods {
		f, err := st.defineMethod(proto, m.name, m.length, m.fn)
		if err != nil {
			return err
		}
		if m.name == "entries" {
			if err := proto.DefineDataPropertySymbol(goja.SymIterator, f, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
				return err
			}
		}
	}
	if err := proto.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("Headers"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
		return err
	}
	if err := st.installHeadersIterator(); err != nil {
		return err
	}

	helpers := map[string]func(goja.FunctionCall) goja.Value{
		"isHeaders": func(call goja.FunctionCall) goja.Value { return vm.ToValue(headersOf(call.Argument(0)) != nil) },
		// headersCopy returns a mutable copy.
		"headersCopy": func(call goja.FunctionCall) goja.Value {
			return st.newHeaders(st.argHeaders(call).clone())
		},
		// headersFreeze applies the "immutable" guard and returns its argument.
		"headersFreeze": func(call goja.FunctionCall) goja.Value {
			st.argHeaders(call).immutable = true
			return call.Argument(0)
		},
		// headersDefault appends a trusted, lower-cased name and value unless the name is
		// present (the content-type a body implies).
		"headersDefault": func(call goja.FunctionCall) goja.Value {
			h := st.argHeaders(call)
			if name := call.Argument(1).String(); !h.has(name) {
				h.add(name, call.Argument(2).String())
			}
			return goja.Undefined()
		},
		// headersAppend appends a trusted, lower-cased name and value, past the guard.
		"headersAppend": func(call goja.FunctionCall) goja.Value {
			st.argHeaders(call).add(call.Argument(1).String(), call.Argument(2).String())
			return goja.Undefined()
		},
	}
	for name, fn := range helpers {
		if _, err := st.defineMethod(internal, name, 1, fn); err != nil {
			return err
		}
	}
	if err := internal.Set("Headers", ctor); err != nil {
		return err
	}
	return vm.GlobalObject().DefineDataProperty("Headers", ctor, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}

func (st *runtimeState) argHeaders(call goja.FunctionCall) *headerList {
	h := headersOf(call.Argument(0))
	if h == nil {
		panic(st.vm.NewTypeError("expected a Headers"))
	}
	return h
}

func (st *runtimeState) checkMutable(h *headerList) {
	if h.immutable {
		panic(st.vm.NewTypeError("immutable"))
	}
}

const (
	iterateEntries = iota
	iterateKeys
	iterateValues
)

// headersIteratorState walks a snapshot of the sorted pairs.
type headersIteratorState struct {
	pairs []headerEntry
	next  int
	kind  int
}

var typeHeadersIterator = reflect.TypeOf((*headersIteratorState)(nil))

func (st *runtimeState) headersIterator(h *headerList, kind int) goja.Value {
	o := st.vm.ToValue(&headersIteratorState{pairs: h.sortedPairs(), kind: kind}).(*goja.Object)
	_ = o.SetPrototype(st.headersIteratorProto)
	return o
}

// installHeadersIterator builds %HeadersIteratorPrototype%, which inherits from
// %IteratorPrototype% like the iterators of built-in collections.
func (st *runtimeState) installHeadersIterator() error {
	vm := st.vm
	arrayIterator, err := func() (v goja.Value, err error) {
		values, _ := goja.AssertFunction(vm.NewArray().GetSymbol(goja.SymIterator))
		return values(vm.NewArray())
	}()
	if err != nil {
		return err
	}
	proto := vm.CreateObject(arrayIterator.ToObject(vm).Prototype().Prototype())
	_, err = st.defineMethod(proto, "next", 0, func(call goja.FunctionCall) goja.Value {
		o, ok := call.This.(*goja.Object)
		if !ok || o.ExportType() != typeHeadersIterator {
			panic(vm.NewTypeError("Illegal invocation: this is not a Headers Iterator"))
		}
		it := o.Export().(*headersIteratorState)
		result := vm.NewObject()
		if it.next >= len(it.pairs) {
			_ = result.Set("value", goja.Undefined())
			_ = result.Set("done", true)
			return result
		}
		p := it.pairs[it.next]
		it.next++
		switch it.kind {
		case iterateKeys:
			_ = result.Set("value", p.name)
		case iterateValues:
			_ = result.Set("value", p.value)
		default:
			_ = result.Set("value", vm.NewArray(p.name, p.value))
		}
		_ = result.Set("done", false)
		return result
	})
	if err != nil {
		return err
	}
	st.headersIteratorProto = proto
	return proto.DefineDataPropertySymbol(goja.SymToStringTag, vm.ToValue("Headers Iterator"), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)
}
