package bindings

import (
	"bufio"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/buffer"
)

// installProcess gives JavaScript the parts of Node's `process` that route code and npm
// packages reach for: env (the server's environment, plus the app's .env file in dev, like
// Nitro), platform, arch, version(s), cwd(), argv, nextTick, hrtime, uptime, memoryUsage;
// `global` as an alias of globalThis; Buffer; and performance.now().
func (a *App) installProcess(vm *goja.Runtime) error {
	env := vm.NewObject()
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env.Set(k, v)
		}
	}
	if a.opts.Dev && a.opts.Dir != "" {
		for k, v := range readDotEnv(a.opts.Dir + "/.env") {
			if _, set := os.LookupEnv(k); !set {
				env.Set(k, v)
			}
		}
	}
	if a.opts.Dev {
		env.Set("NODE_ENV", "development")
	} else if _, set := os.LookupEnv("NODE_ENV"); !set {
		env.Set("NODE_ENV", "production")
	}

	started := time.Now()
	p := vm.NewObject()
	p.Set("env", env)
	p.Set("platform", runtime.GOOS)
	arch := runtime.GOARCH
	if arch == "amd64" {
		arch = "x64"
	}
	p.Set("arch", arch)
	p.Set("version", "v20.0.0")
	p.Set("versions", map[string]any{"node": "20.0.0", "azote": "0.1.0"})
	p.Set("argv", []any{"azote"})
	p.Set("pid", os.Getpid())
	p.Set("cwd", func() string {
		wd, _ := os.Getwd()
		return wd
	})
	p.Set("uptime", func() float64 { return time.Since(started).Seconds() })
	p.Set("memoryUsage", func() map[string]any {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return map[string]any{"rss": ms.Sys, "heapTotal": ms.HeapSys, "heapUsed": ms.HeapAlloc, "external": 0, "arrayBuffers": 0}
	})
	if err := vm.Set("process", p); err != nil {
		return err
	}
	if err := vm.Set("global", vm.GlobalObject()); err != nil {
		return err
	}
	buffer.Enable(vm) // Node's Buffer, from goja_nodejs
	if vm.Get("performance") == nil {
		perf := vm.NewObject()
		perf.Set("timeOrigin", float64(started.UnixNano())/1e6)
		perf.Set("now", func() float64 { return float64(time.Since(started).Nanoseconds()) / 1e6 })
		if err := vm.Set("performance", perf); err != nil {
			return err
		}
	}
	_, err := vm.RunString(`(function (p) {
  const start = Date.now();
  p.nextTick = (fn, ...args) => queueMicrotask(() => fn(...args));
  p.hrtime = function hrtime(prev) {
    const ms = typeof performance === "object" ? performance.now() : Date.now() - start;
    let s = Math.floor(ms / 1000), ns = Math.round((ms % 1000) * 1e6);
    if (prev) { s -= prev[0]; ns -= prev[1]; if (ns < 0) { s--; ns += 1e9; } }
    return [s, ns];
  };
  p.hrtime.bigint = () => BigInt(Math.round((typeof performance === "object" ? performance.now() : Date.now() - start) * 1e6));
  p.on = p.once = p.off = p.addListener = p.removeListener = function () { return p; };
  p.emitWarning = (w) => console.warn(String(w));
  p.exitCode = undefined;
})(process)`)
	return err
}

// readDotEnv reads KEY=VALUE lines (optionally quoted, # comments, "export " prefix).
func readDotEnv(path string) map[string]string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line = strings.TrimPrefix(line, "export ")
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"' || v[0] == '\'' && v[len(v)-1] == '\'') {
			v = v[1 : len(v)-1]
		} else if i := strings.Index(v, " #"); i >= 0 {
			v = strings.TrimSpace(v[:i])
		}
		out[k] = v
	}
	return out
}
