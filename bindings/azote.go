package bindings

import (
	"encoding/json"

	"github.com/dop251/goja"
)

// publish is the azote module's publish(topic, data, { namespace }): a server-side publish that
// reaches every subscribed peer, in every namespace unless one is named (SPEC 2).
func (a *App) publish(call goja.FunctionCall) goja.Value {
	vm := a.gen.Runtime()
	topic := call.Argument(0).String()
	data, binary := a.encode(vm, call.Argument(1))
	namespace := ""
	if o, ok := call.Argument(2).(*goja.Object); ok {
		if ns := o.Get("namespace"); ns != nil && !goja.IsUndefined(ns) && !goja.IsNull(ns) {
			namespace = ns.String()
		}
	}
	return vm.ToValue(a.cork.PublishAll(a.opts.WS.Hub(), namespace, topic, binary, data))
}

// peersOf is the azote module's peers(namespace?): one Set for a namespace, else a Map of
// namespace to Set.
func (a *App) peersOf(call goja.FunctionCall) goja.Value {
	vm := a.gen.Runtime()
	if ns := call.Argument(0); !goja.IsUndefined(ns) && !goja.IsNull(ns) {
		return a.peerSet(ns.String())
	}
	m, err := vm.New(a.mapCtor)
	if err != nil {
		panic(err)
	}
	set, _ := goja.AssertFunction(m.Get("set"))
	for _, ns := range a.opts.WS.Hub().Namespaces() {
		set(m, vm.ToValue(ns), a.peerSet(ns))
	}
	return m
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
