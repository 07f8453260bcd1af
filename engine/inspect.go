package engine

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// inspect renders a value the way Node's util.inspect does for console output, in short form:
// { a: 1, b: 'x' }, [ 1, 2 ], Map(1) { 'k' => 1 }, [Function: f], errors as their stack.
func inspect(vm *goja.Runtime, v goja.Value, depth int) string {
	var b strings.Builder
	in := inspector{vm: vm, b: &b, seen: map[*goja.Object]bool{}}
	in.value(v, depth, true)
	return b.String()
}

type inspector struct {
	vm   *goja.Runtime
	b    *strings.Builder
	seen map[*goja.Object]bool
}

func (in *inspector) value(v goja.Value, depth int, top bool) {
	b := in.b
	switch {
	case v == nil || goja.IsUndefined(v):
		b.WriteString("undefined")
		return
	case goja.IsNull(v):
		b.WriteString("null")
		return
	}
	obj, isObj := v.(*goja.Object)
	if !isObj {
		switch x := v.Export().(type) {
		case string:
			if top {
				b.WriteString(x)
			} else {
				b.WriteString(quote(x))
			}
		case int64, float64, bool:
			b.WriteString(v.String())
		default:
			if _, ok := v.(*goja.Symbol); ok {
				b.WriteString(v.String())
			} else if v.ExportType() != nil && v.ExportType().String() == "*big.Int" {
				b.WriteString(v.String() + "n")
			} else {
				b.WriteString(v.String())
			}
		}
		return
	}
	if in.seen[obj] {
		b.WriteString("[Circular]")
		return
	}
	class := obj.ClassName()
	if c := constructorName(obj); class == "Object" && (c == "Map" || c == "Set") {
		class = c
	}
	if _, ok := goja.AssertFunction(obj); ok {
		name := obj.Get("name").String()
		if strings.HasPrefix(strings.TrimSpace(obj.String()), "class") {
			b.WriteString("[class " + name + "]")
		} else if name == "" {
			b.WriteString("[Function (anonymous)]")
		} else {
			b.WriteString("[Function: " + name + "]")
		}
		return
	}
	switch class {
	case "Error":
		if s := obj.Get("stack"); s != nil && !goja.IsUndefined(s) {
			b.WriteString(s.String())
		} else {
			b.WriteString(obj.String())
		}
		return
	case "Date", "RegExp":
		if class == "Date" {
			if f, ok := goja.AssertFunction(obj.Get("toISOString")); ok {
				if r, err := f(obj); err == nil {
					b.WriteString(r.String())
					return
				}
			}
		}
		b.WriteString(obj.String())
		return
	case "String", "Number", "Boolean":
		b.WriteString("[" + class + ": " + obj.String() + "]")
		return
	}
	if depth < 0 {
		if class == "Array" {
			b.WriteString("[Array]")
		} else {
			b.WriteString("[Object]")
		}
		return
	}
	in.seen[obj] = true
	defer delete(in.seen, obj)

	switch class {
	case "Array":
		n := int(obj.Get("length").ToInteger())
		if n == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[ ")
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			if i == 100 {
				b.WriteString("... " + strconv.Itoa(n-100) + " more items")
				break
			}
			in.value(obj.Get(strconv.Itoa(i)), depth-1, false)
		}
		b.WriteString(" ]")
		return
	case "Map", "Set":
		in.collection(obj, class, depth)
		return
	}
	if ctor := constructorName(obj); strings.HasSuffix(ctor, "Array") && ctor != "Array" {
		n := int(obj.Get("length").ToInteger())
		b.WriteString(ctor + "(" + strconv.Itoa(n) + ") [")
		for i := 0; i < n && i < 100; i++ {
			b.WriteString(" ")
			b.WriteString(obj.Get(strconv.Itoa(i)).String())
			if i < n-1 {
				b.WriteString(",")
			}
		}
		b.WriteString(" ]")
		return
	}
	keys := obj.Keys()
	prefix := ""
	if ctor := constructorName(obj); ctor != "" && ctor != "Object" {
		prefix = ctor + " "
	}
	if len(keys) == 0 {
		b.WriteString(prefix + "{}")
		return
	}
	b.WriteString(prefix + "{ ")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(propertyKey(k))
		b.WriteString(": ")
		in.value(obj.Get(k), depth-1, false)
	}
	b.WriteString(" }")
}

func (in *inspector) collection(obj *goja.Object, class string, depth int) {
	b := in.b
	size := obj.Get("size").ToInteger()
	b.WriteString(class + "(" + strconv.FormatInt(size, 10) + ") {")
	if size == 0 {
		b.WriteString("}")
		return
	}
	b.WriteString(" ")
	// forEach passes (value, key): a Map prints key => value, a Set its values.
	first := true
	cb := func(call goja.FunctionCall) goja.Value {
		if !first {
			b.WriteString(", ")
		}
		first = false
		if class == "Map" {
			in.value(call.Argument(1), depth-1, false)
			b.WriteString(" => ")
		}
		in.value(call.Argument(0), depth-1, false)
		return goja.Undefined()
	}
	if forEach, ok := goja.AssertFunction(obj.Get("forEach")); ok {
		forEach(obj, in.vm.ToValue(cb))
	}
	b.WriteString(" }")
}

func constructorName(obj *goja.Object) string {
	c, ok := obj.Get("constructor").(*goja.Object)
	if !ok {
		return ""
	}
	n := c.Get("name")
	if n == nil {
		return ""
	}
	return n.String()
}

func propertyKey(k string) string {
	if k == "" {
		return "''"
	}
	for i, r := range k {
		if !(r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return quote(k)
		}
	}
	return k
}

func quote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`, "\n", `\n`).Replace(s) + "'"
}

func jsonOf(v goja.Value) string {
	data, err := json.Marshal(v.Export())
	if err != nil {
		return "[Circular]"
	}
	return string(data)
}
