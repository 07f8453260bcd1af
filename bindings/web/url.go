package web

import (
	"fmt"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/url"
)

// enableURL installs goja_nodejs's URL and URLSearchParams. url.Enable needs a require
// registry on the runtime; without one the module is instantiated directly.
func enableURL(vm *goja.Runtime) error {
	if _, ok := goja.AssertFunction(vm.Get("require")); ok {
		url.Enable(vm)
		return nil
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
	return nil
}
