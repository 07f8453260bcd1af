package engine

import (
	"encoding/base64"
	"strings"
	"testing"
)

func TestVLQRoundTrip(t *testing.T) {
	for _, fields := range [][]int{{0}, {1, 0, 0, 0}, {-1, 15, -16, 1000, 3}, {123456, -7}} {
		got, ok := decodeVLQ(encodeVLQ(fields))
		if !ok || len(got) != len(fields) {
			t.Fatalf("%v -> %v", fields, got)
		}
		for i := range fields {
			if got[i] != fields[i] {
				t.Fatalf("%v -> %v", fields, got)
			}
		}
	}
}

// A runtime error's stack names the original 1-based line and column, as Node prints them.
func TestStackColumnsAreOneBased(t *testing.T) {
	// original.js:   `  throw new Error("x");` on line 2; `new` starts at column 9.
	// generated:     the same text at line 1 of the script, `new` at 0-based column 8.
	gen := `function f() {  throw new Error("x"); }` + "\n" + `f();` + "\n"
	// Map generated line 0 col 8 -> source 0, line 1, col 8; and col 0 -> line 1 col 0.
	mappings := encodeVLQ([]int{0, 0, 1, 0}) + "," + encodeVLQ([]int{8, 0, 0, 8}) + ";" + encodeVLQ([]int{0, 0, 1, -8})
	sm := `{"version":3,"sources":["original.js"],"names":[],"mappings":"` + mappings + `"}`
	code := gen + inlineMapPrefix + base64.StdEncoding.EncodeToString([]byte(sm)) + "\n"
	g, _ := newGen(t, 0)
	err := g.Eval("bundle.js", code)
	if err == nil || !strings.Contains(Describe(err), "original.js:2:9") {
		t.Fatalf("want original.js:2:9 in the stack, got %v", Describe(err))
	}
}
