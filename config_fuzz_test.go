package azote

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzConfig reads arbitrary nitro.config values (what evaluating the file gives, as JSON)
// the way New does: it must never panic, an error must name the key at fault, and what it
// accepts must be usable (no negative duration or size).
func FuzzConfig(f *testing.F) {
	for _, s := range []string{
		`{"azote":{"handlerTimeout":"5s","pingInterval":30000,"maxMessageSize":1048576}}`,
		`{"serverDir":"server","routesDir":"r","apiDir":"a","apiBaseURL":"/api","features":{"websocket":false}}`,
		`{"runtimeConfig":{"apiToken":"x","nested":{"a":1}},"azote":{"maxBodyBytes":1e300}}`,
		`{"azote":{"handlerTimeout":-5}}`,
		`{"azote":{"pingInterval":"1e9h"}}`,
		`{"azote":{"maxQueueBytes":"16MB"}}`,
		`{"routesDir":5}`,
		`{"azote":{"unknown":true},"preset":"node"}`,
		`{"azote":null,"features":[],"runtimeConfig":"x"}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var raw map[string]any
		if json.Unmarshal([]byte(text), &raw) != nil {
			return
		}
		cfg := &appConfig{websocket: true, runtimeConfig: map[string]any{}}
		err := cfg.read(raw)
		var o Options
		if err == nil {
			err = cfg.applyTo(&o)
		}
		if err != nil {
			msg := err.Error()
			named := false
			for key := range raw {
				named = named || strings.Contains(msg, key)
			}
			if !named {
				t.Fatalf("%s: error %q names no key", text, msg)
			}
			return
		}
		if o.HandlerTimeout < 0 || o.PingInterval < 0 || o.MaxMessageSize < 0 || o.MaxQueueBytes < 0 || o.MaxBodyBytes < 0 {
			t.Fatalf("%s: accepted as %+v", text, o)
		}
	})
}
