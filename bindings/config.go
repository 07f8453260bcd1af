package bindings

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/dop251/goja"

	"github.com/azote-dev/azote/bindings/web"
	"github.com/azote-dev/azote/engine"
)

// EvalConfig evaluates a bundled nitro.config (see loader.BuildConfig) in a runtime of its
// own and returns its default export as JSON data. The config cannot run longer than timeout.
func EvalConfig(code string, timeout time.Duration) (map[string]any, error) {
	vm := goja.New()
	if err := engine.InstallJSON(vm); err != nil {
		return nil, err
	}
	if err := web.Enable(vm); err != nil {
		return nil, err
	}
	// A config imports defineNitroConfig / defineConfig (from "nitro" or "nitro/config"); the
	// runtime's modules (h3, storage, ...) are not there while it is evaluated.
	identity := func(call goja.FunctionCall) goja.Value { return call.Argument(0) }
	configModule := vm.NewObject()
	configModule.Set("defineNitroConfig", identity)
	configModule.Set("defineConfig", identity)
	vm.Set("__azote_host", func(string) goja.Value { return configModule })
	var config goja.Value
	vm.Set("__azote_config", func(v goja.Value) { config = v })

	prg, err := engine.Compile("config.js", code)
	if err != nil {
		return nil, err
	}
	timer := time.AfterFunc(timeout, func() { vm.Interrupt(engine.ErrTimeout) })
	_, err = vm.RunProgram(prg)
	timer.Stop()
	if err != nil {
		return nil, errors.New(engine.Describe(err))
	}
	if config == nil || goja.IsUndefined(config) || goja.IsNull(config) {
		return map[string]any{}, nil
	}
	stringify, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
	text, err := stringify(goja.Undefined(), config)
	if err != nil {
		return nil, errors.New(engine.Describe(err))
	}
	out := map[string]any{}
	if err := json.Unmarshal([]byte(text.String()), &out); err != nil {
		return nil, fmt.Errorf("the config's default export is not an object: %w", err)
	}
	return out, nil
}
