package web

import (
	"testing"

	"github.com/dop251/goja"
	"github.com/dop251/goja_nodejs/require"
)

// canParseCases' expected output is what Node 20 prints for the same expression.
const canParseCases = `JSON.stringify([URL.canParse("http://x.test/a"), URL.canParse("/a"),
	URL.canParse("/a", "http://x.test"), URL.canParse("/a", undefined), URL.canParse("a", "not a base"),
	URL.canParse("http://[::1"), URL.canParse.length, URL.canParse.name,
	Object.getOwnPropertyDescriptor(URL, "canParse").enumerable,
	URL.canParse({ toString() { return "http://y.test"; } })])`

const canParseWant = `[true,false,true,false,false,false,1,"canParse",true,true]`

func TestURLCanParse(t *testing.T) {
	t.Run("private url module", func(t *testing.T) {
		if got := mustRun(t, newVM(t), canParseCases).String(); got != canParseWant {
			t.Errorf("got  %s\nwant %s", got, canParseWant)
		}
	})
	t.Run("require registry", func(t *testing.T) {
		vm := goja.New()
		new(require.Registry).Enable(vm)
		if err := Enable(vm); err != nil {
			t.Fatal(err)
		}
		if got := mustRun(t, vm, canParseCases).String(); got != canParseWant {
			t.Errorf("got  %s\nwant %s", got, canParseWant)
		}
		if got := mustRun(t, vm, `require("url").URL.canParse === URL.canParse`).ToBoolean(); !got {
			t.Error("require(\"url\").URL lacks the same canParse")
		}
	})
	runCases(t, []jsCase{
		{"canParse needs an argument", `URL.canParse();`, `throws TypeError: The "url" argument must be specified`},
		{"canParse lets a throwing toString through", `URL.canParse({ toString() { throw new RangeError("no"); } });`, `throws RangeError: no`},
	})
}
