package web

import (
	"fmt"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/url"
)

// enableURL installs goja_nodejs's URL and URLSearchParams, and adds the static
// URL.canParse that goja_nodejs lacks (h3's redirectBack calls it). url.Enable needs a require
// registry on the runtime; without one the module is instantiated directly.
func enableURL(vm *goja.Runtime) error {
	if _, ok := goja.AssertFunction(vm.Get("require")); ok {
		url.Enable(vm)
		return addCanParse(vm)
	}
	module := vm.NewObject()
	exports := vm.NewObject()
	if err := module.Set("exports", exports); err != nil {
		return fmt.Errorf("web: url module: %w", err)
	}
	url.Require(vm, module)
	global := vm.GlobalObject()
	for _, name := range []string{"URL", "URLSearchParams"} {
		if err := global.DefineDataProperty(name, exports.Get(name), goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return fmt.Errorf("web: define %s: %w", name, err)
		}
	}
	return addCanParse(vm)
}

// addCanParse defines URL.canParse(url, base?): whether new URL(url, base) would succeed.
// Like Node's, it is a writable, configurable, enumerable static method of length 1.
func addCanParse(vm *goja.Runtime) error {
	ctor, ok := vm.Get("URL").(*goja.Object)
	if !ok {
		return fmt.Errorf("web: URL.canParse: URL is not installed")
	}
	canParse := vm.ToValue(func(call goja.FunctionCall) goja.Value {
		if len(call.Arguments) == 0 {
			panic(vm.NewTypeError(`The "url" argument must be specified`))
		}
		args := []goja.Value{vm.ToValue(call.Argument(0).String())}
		if base := call.Argument(1); !goja.IsUndefined(base) {
			args = append(args, vm.ToValue(base.String()))
		}
		_, err := vm.New(ctor, args...)
		return vm.ToValue(err == nil)
	}).(*goja.Object)
	for prop, v := range map[string]any{"name": "canParse", "length": 1} {
		if err := canParse.DefineDataProperty(prop, vm.ToValue(v), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return fmt.Errorf("web: URL.canParse: %w", err)
		}
	}
	return ctor.DefineDataProperty("canParse", canParse, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE)
}
