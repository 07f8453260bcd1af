package engine

import (
	"os"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/dop251/goja"
)

// JSON.parse answers like Node on the edge cases of testdata/json_parse_corpus.js: escapes and
// lone surrogates, -0, numbers past float64, duplicate and empty keys, __proto__, white space,
// the SyntaxError messages and their positions, revivers.
func TestParseLikeNode(t *testing.T) {
	src, err := os.ReadFile("testdata/json_parse_corpus.js")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/json_parse_corpus.node.txt")
	if err != nil {
		t.Fatal(err)
	}
	vm := jsonRuntime(t)
	v, err := vm.RunString(string(src) + "\ncorpus().join('\\n')")
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(v.String(), "\n")
	wantLines := strings.Split(strings.TrimRight(string(want), "\n"), "\n")
	if len(got) != len(wantLines) {
		t.Fatalf("%d results, Node gave %d", len(got), len(wantLines))
	}
	for i := range got {
		if got[i] != wantLines[i] {
			t.Errorf("\n got %s\nwant %s", got[i], wantLines[i])
		}
	}
}

// A long JSON.parse can be stopped by the handler timeout: it checks for an interrupt every
// parseCheckpointEvery values.
func TestParseCanBeInterrupted(t *testing.T) {
	vm := jsonRuntime(t)
	vm.Set("text", "["+strings.Repeat("1,", 1<<20)+"1]")
	vm.Interrupt(ErrTimeout) // pending before the call starts: the first checkpoint stops it
	_, err := vm.RunString(`JSON.parse(text)`)
	if !IsTimeout(err) {
		t.Fatalf("want the interrupt, got %v", err)
	}
	vm.ClearInterrupt()
	timer := time.AfterFunc(time.Millisecond, func() { vm.Interrupt(ErrTimeout) })
	defer timer.Stop()
	_, err = vm.RunString(`for (;;) JSON.parse(text)`)
	if !IsTimeout(err) {
		t.Fatalf("want the interrupt, got %v", err)
	}
}

// The parsed values do not keep the text alive: a string value or key is not a slice of it.
func TestParseCopiesOutOfTheText(t *testing.T) {
	vm := jsonRuntime(t)
	text := `{"key":"value","k2":"` + strings.Repeat("x", 64) + `"}`
	parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
	v, err := parse(goja.Undefined(), vm.ToValue(text))
	if err != nil {
		t.Fatal(err)
	}
	obj := v.ToObject(vm)
	for _, k := range obj.Keys() {
		for _, s := range []string{k, obj.Get(k).String()} {
			if inside(s, text) {
				t.Errorf("%q points into the text", s)
			}
		}
	}
}

// inside reports whether s's bytes lie within text's.
func inside(s, text string) bool {
	if len(s) == 0 {
		return false
	}
	sp, tp := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
	return sp >= tp && sp < tp+uintptr(len(text))
}
