package azote

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/azote-dev/azote/bindings"
	loader "github.com/azote-dev/azote/routes-loader"
)

// appConfig is what azote honours of nitro.config (SPEC 9).
type appConfig struct {
	file          string // "" when the app has none
	websocket     bool
	layout        loader.Layout
	runtimeConfig map[string]any
	azote         map[string]any // azote's own settings
	ignored       []string       // other Nitro keys, named once in the dev log
}

var configFiles = []string{"nitro.config.ts", "nitro.config.js", "nitro.config.mjs"}

// loadConfig evaluates DIR/nitro.config.* when present. NITRO_-prefixed environment variables
// override runtimeConfig like Nitro: runtimeConfig.apiToken <- NITRO_API_TOKEN, nested keys
// joined with "_".
func loadConfig(dir string) (*appConfig, error) {
	cfg := &appConfig{websocket: true, runtimeConfig: map[string]any{}}
	for _, name := range configFiles {
		if st, err := os.Stat(filepath.Join(dir, name)); err == nil && st.Mode().IsRegular() {
			cfg.file = name
			break
		}
	}
	if cfg.file != "" {
		code, err := loader.BuildConfig(dir, cfg.file)
		if err != nil {
			return nil, err
		}
		raw, err := bindings.EvalConfig(code, 5*time.Second)
		if err != nil {
			return nil, fmt.Errorf("evaluate %s: %w", cfg.file, err)
		}
		if err := cfg.read(raw); err != nil {
			return nil, fmt.Errorf("%s: %w", cfg.file, err)
		}
	}
	applyEnv(cfg.runtimeConfig, "NITRO_")
	return cfg, nil
}

func (cfg *appConfig) read(raw map[string]any) error {
	str := func(key string) (string, error) {
		v, ok := raw[key]
		if !ok || v == nil {
			return "", nil
		}
		s, ok := v.(string)
		if !ok {
			return "", fmt.Errorf("%s must be a string", key)
		}
		return s, nil
	}
	// Nitro 3 also takes serverDir: true for "server" (its examples use it); false is the
	// default layout.
	if b, ok := raw["serverDir"].(bool); ok {
		raw["serverDir"] = nil
		if b {
			raw["serverDir"] = "server"
		}
	}
	var err error
	for key, dst := range map[string]*string{
		"serverDir": &cfg.layout.ServerDir, "routesDir": &cfg.layout.RoutesDir,
		"apiDir": &cfg.layout.APIDir, "apiBaseURL": &cfg.layout.APIBaseURL,
	} {
		if *dst, err = str(key); err != nil {
			return err
		}
	}
	if f, ok := raw["features"].(map[string]any); ok {
		if ws, ok := f["websocket"].(bool); ok && !ws {
			cfg.websocket = false
		}
	}
	if rc, ok := raw["runtimeConfig"].(map[string]any); ok {
		cfg.runtimeConfig = rc
	}
	if az, ok := raw["azote"].(map[string]any); ok {
		cfg.azote = az
	}
	honoured := map[string]bool{"serverDir": true, "routesDir": true, "apiDir": true, "apiBaseURL": true,
		"features": true, "runtimeConfig": true, "azote": true}
	for k := range raw {
		if !honoured[k] {
			cfg.ignored = append(cfg.ignored, k)
		}
	}
	sort.Strings(cfg.ignored)
	return nil
}

// applyTo fills the options the command line left at zero from the config's azote key.
func (cfg *appConfig) applyTo(o *Options) error {
	for key, v := range cfg.azote {
		switch key {
		case "handlerTimeout", "pingInterval":
			d, err := duration(v)
			if err != nil {
				return fmt.Errorf("azote.%s: %w", key, err)
			}
			dst := &o.HandlerTimeout
			if key == "pingInterval" {
				dst = &o.PingInterval
			}
			if *dst == 0 {
				*dst = d
			}
		case "maxMemory":
			n, ok := v.(float64)
			if !ok || n <= 0 {
				return fmt.Errorf("azote.maxMemory must be a positive number of bytes")
			}
			if o.MaxMemory == 0 {
				o.MaxMemory = int64(n)
			}
		case "maxMessageSize", "maxBodyBytes", "maxQueueBytes":
			n, ok := v.(float64)
			if !ok || n <= 0 || n >= math.MaxInt64 { // NaN fails n > 0; huge would wrap negative
				return fmt.Errorf("azote.%s must be a positive number of bytes", key)
			}
			switch key {
			case "maxMessageSize":
				if o.MaxMessageSize == 0 {
					o.MaxMessageSize = int64(n)
				}
			case "maxBodyBytes":
				if o.MaxBodyBytes == 0 {
					o.MaxBodyBytes = int64(n)
				}
			default:
				if o.MaxQueueBytes == 0 {
					o.MaxQueueBytes = int(n)
				}
			}
		case "allowedOrigins":
			origins, err := stringList(v)
			if err != nil {
				return fmt.Errorf("azote.%s: %w", key, err)
			}
			if len(o.AllowedOrigins) == 0 {
				o.AllowedOrigins = origins
			}
		default:
			return fmt.Errorf("azote.%s: unknown setting (handlerTimeout, pingInterval, maxMessageSize, maxQueueBytes, maxBodyBytes, maxMemory, allowedOrigins)", key)
		}
	}
	return nil
}

// stringList reads an array of strings, or one string as a list of one.
func stringList(v any) ([]string, error) {
	switch x := v.(type) {
	case string:
		return []string{x}, nil
	case []any:
		list := make([]string, 0, len(x))
		for _, item := range x {
			s, ok := item.(string)
			if !ok {
				return nil, fmt.Errorf("want strings, got %v", item)
			}
			list = append(list, s)
		}
		return list, nil
	}
	return nil, fmt.Errorf("want an array of strings")
}

// duration reads a number of milliseconds or a Go duration string ("5s"), not negative.
func duration(v any) (time.Duration, error) {
	var d time.Duration
	switch x := v.(type) {
	case float64:
		ns := x * float64(time.Millisecond)
		if !(ns >= 0 && ns < math.MaxInt64) { // also NaN; a huge value would wrap negative
			return 0, fmt.Errorf("%v ms is not a usable duration", x)
		}
		d = time.Duration(ns)
	case string:
		var err error
		if d, err = time.ParseDuration(x); err != nil {
			return 0, err
		}
	default:
		return 0, fmt.Errorf("want milliseconds or a duration like \"5s\"")
	}
	if d < 0 {
		return 0, fmt.Errorf("%v: a duration cannot be negative", d)
	}
	return d, nil
}

// applyEnv overrides obj's keys from NITRO_<UPPER_SNAKE_KEY> variables, recursively, parsing
// each value as JSON when it is valid JSON (so numbers and booleans keep their type).
func applyEnv(obj map[string]any, prefix string) {
	for key, val := range obj {
		name := prefix + upperSnake(key)
		env, set := os.LookupEnv(name)
		if nested, ok := val.(map[string]any); ok {
			if set {
				var parsed map[string]any
				if json.Unmarshal([]byte(env), &parsed) == nil {
					for k, v := range parsed {
						nested[k] = v
					}
				}
			}
			applyEnv(nested, name+"_")
			continue
		}
		if set {
			var parsed any
			if json.Unmarshal([]byte(env), &parsed) == nil {
				obj[key] = parsed
			} else {
				obj[key] = env
			}
		}
	}
}

// upperSnake turns apiToken into API_TOKEN and api-token into API_TOKEN, like Nitro's snakeCase.
func upperSnake(key string) string {
	var b strings.Builder
	runes := []rune(key)
	for i, r := range runes {
		switch {
		case r == '-' || r == '.' || r == ' ':
			b.WriteByte('_')
		case unicode.IsUpper(r) && i > 0 && (unicode.IsLower(runes[i-1]) || unicode.IsDigit(runes[i-1])):
			b.WriteByte('_')
			b.WriteRune(r)
		default:
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return b.String()
}
