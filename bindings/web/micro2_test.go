package web

import (
	"testing"

	"github.com/dop251/goja"
)

type hostProbe struct{ entries []headerEntryProbe }
type headerEntryProbe struct{ name, value string }

func BenchmarkHost(b *testing.B) {
	vm := goja.New()
	proto := vm.NewObject()
	proto.Set("get", func(call goja.FunctionCall) goja.Value {
		h := call.This.Export().(*hostProbe)
		n := call.Argument(0).String()
		for _, e := range h.entries {
			if e.name == n {
				return vm.ToValue(e.value)
			}
		}
		return goja.Null()
	})
	ctor := vm.ToValue(func(call goja.ConstructorCall) *goja.Object {
		o := vm.ToValue(&hostProbe{entries: []headerEntryProbe{{"x-a", "1"}}}).(*goja.Object)
		o.SetPrototype(call.This.Prototype())
		return o
	}).(*goja.Object)
	ctor.Set("prototype", proto)
	vm.Set("H", ctor)
	for _, c := range []struct{ name, src string }{
		{"new", `(() => new H())`},
		{"get", `const h = new H(); (() => h.get("x-a"))`},
		{"newGet", `(() => new H().get("x-a"))`},
	} {
		b.Run(c.name, func(b *testing.B) {
			f, _ := goja.AssertFunction(mustRun(b, vm, c.src))
			for b.Loop() {
				f(goja.Undefined())
			}
		})
	}
}
