package engine

import (
	"strconv"
	"strings"
	"testing"

	"github.com/dop251/goja"
)

// flatJSON is an array of small objects, at least size bytes long. The same text, for Node:
//
//	node -e 'let p=[],n=0,i=0;for(;n<8<<20;i++){const s=JSON.stringify({id:i,name:"item "+i,tags:["a","b"],ok:true,score:i/2});p.push(s);n+=s.length+1}const t="["+p.join(",")+"]";let b=Date.now();for(let k=0;k<10;k++)JSON.parse(t);console.log(t.length,(Date.now()-b)/10,"ms")'
func flatJSON(size int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"id":` + strconv.Itoa(i) + `,"name":"item ` + strconv.Itoa(i) + `","tags":["a","b"],"ok":true,"score":` +
			strconv.FormatFloat(float64(i)/2, 'f', -1, 64) + `}`)
	}
	b.WriteByte(']')
	return b.String()
}

// BenchmarkJSONParseFlat8MB parses flatJSON(8 MB) with azote's JSON.parse, and with goja's
// own for comparison:
//
//	go test -run '^$' -bench JSONParse -benchtime 10x -count 3 ./engine/
func BenchmarkJSONParseFlat8MB(b *testing.B) { benchmarkJSONParse(b, flatJSON(8<<20)) }

// BenchmarkJSONParseSmall is the common case: a request body of a few fields.
func BenchmarkJSONParseSmall(b *testing.B) {
	benchmarkJSONParse(b, `{"name":"Ada","email":"ada@example.com","age":36,"tags":["admin","ops"]}`)
}

func benchmarkJSONParse(b *testing.B, text string) {
	for _, impl := range []struct {
		name    string
		install bool
	}{{"azote", true}, {"goja", false}} {
		b.Run(impl.name, func(b *testing.B) {
			vm := goja.New()
			if impl.install {
				if err := InstallJSON(vm); err != nil {
					b.Fatal(err)
				}
			}
			parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
			arg := vm.ToValue(text)
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := parse(goja.Undefined(), arg); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
