package engine

import (
	"log/slog"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// installConsole gives JavaScript a Node-like console whose lines go to the generation's
// logger: log/info/debug at Info, warn at Warn, error/trace at Error.
func installConsole(vm *goja.Runtime, log *slog.Logger) error {
	console := vm.NewObject()
	line := func(level slog.Level) func(goja.FunctionCall) goja.Value {
		return func(call goja.FunctionCall) goja.Value {
			log.Log(nil, level, formatArgs(vm, call.Arguments))
			return goja.Undefined()
		}
	}
	for name, level := range map[string]slog.Level{
		"log": slog.LevelInfo, "info": slog.LevelInfo, "debug": slog.LevelInfo,
		"warn": slog.LevelWarn, "error": slog.LevelError, "trace": slog.LevelError,
	} {
		if err := console.Set(name, line(level)); err != nil {
			return err
		}
	}
	return vm.Set("console", console)
}

// formatArgs follows Node's util.format: printf-style directives in a leading string, then the
// remaining arguments separated by spaces, strings raw and everything else inspected.
func formatArgs(vm *goja.Runtime, args []goja.Value) string {
	if len(args) == 0 {
		return ""
	}
	var b strings.Builder
	rest := args
	if s, ok := args[0].Export().(string); ok && strings.IndexByte(s, '%') >= 0 {
		rest = args[1:]
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c != '%' || i+1 == len(s) {
				b.WriteByte(c)
				continue
			}
			d := s[i+1]
			if d == '%' {
				b.WriteByte('%')
				i++
				continue
			}
			if strings.IndexByte("sdifjoOc", d) < 0 {
				b.WriteByte(c)
				continue
			}
			i++
			if d == 'c' {
				if len(rest) > 0 {
					rest = rest[1:]
				}
				continue
			}
			if len(rest) == 0 {
				b.WriteByte('%')
				b.WriteByte(d)
				continue
			}
			v := rest[0]
			rest = rest[1:]
			switch d {
			case 's':
				if _, isObj := v.(*goja.Object); isObj {
					b.WriteString(inspect(vm, v, 1))
				} else {
					b.WriteString(v.String())
				}
			case 'd', 'i':
				f := v.ToFloat()
				if d == 'i' {
					b.WriteString(strconv.FormatInt(v.ToInteger(), 10))
				} else {
					b.WriteString(numberString(f))
				}
			case 'f':
				b.WriteString(numberString(v.ToFloat()))
			case 'j':
				b.WriteString(jsonOf(v))
			default:
				b.WriteString(inspect(vm, v, 2))
			}
		}
	} else {
		b.WriteString(plain(vm, args[0]))
		rest = args[1:]
	}
	for _, v := range rest {
		b.WriteByte(' ')
		b.WriteString(plain(vm, v))
	}
	return b.String()
}

func plain(vm *goja.Runtime, v goja.Value) string {
	if s, ok := v.Export().(string); ok {
		if _, isObj := v.(*goja.Object); !isObj {
			return s
		}
	}
	return inspect(vm, v, 2)
}

func numberString(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}
