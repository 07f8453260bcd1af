package bindings_test

import (
	"slices"
	"testing"

	"github.com/dop251/goja"

	"github.com/azote-dev/azote/bindings"
	"github.com/azote-dev/azote/engine"
)

// TestHostExportsMatchTheModules: the names the bundler is told are exactly the own
// properties of the objects the host modules are at run time.
func TestHostExportsMatchTheModules(t *testing.T) {
	gen, err := engine.New(engine.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer gen.Release()
	if _, err := bindings.Load(gen, `globalThis.__azote_register({ routes: [], middleware: [] });`, nil, nil, bindings.Options{}); err != nil {
		t.Fatal(err)
	}
	for module, want := range bindings.HostExports() {
		var got []string
		err := gen.Sync(func(vm *goja.Runtime) error {
			host, _ := goja.AssertFunction(vm.Get("__azote_host"))
			m, err := host(goja.Undefined(), vm.ToValue(module))
			if err != nil {
				return err
			}
			got = m.ToObject(vm).Keys()
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s: the module has %v\nHostExports says %v", module, got, want)
		}
	}
}
