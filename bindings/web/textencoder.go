package web

import (
	"unicode/utf8"

	"github.com/dop251/goja"
)

// utf8EncodeNative(string) returns the string's UTF-8 bytes as a Uint8Array. goja's string
// conversion has already turned lone surrogates into U+FFFD, as USVString requires.
func (st *runtimeState) utf8EncodeNative(call goja.FunctionCall) goja.Value {
	return st.newUint8Array([]byte(call.Argument(0).String()))
}

// utf8EncodeIntoNative(string, Uint8Array) writes as many whole characters as fit and returns
// [UTF-16 code units read, bytes written].
func (st *runtimeState) utf8EncodeIntoNative(call goja.FunctionCall) goja.Value {
	src := call.Argument(0).String()
	dst, ok := st.view(call.Argument(1))
	if !ok {
		panic(st.vm.NewTypeError(`The "dest" argument must be an instance of Uint8Array.`))
	}
	read, written := 0, 0
	for _, r := range src {
		n := utf8.RuneLen(r)
		if written+n > len(dst) {
			break
		}
		utf8.EncodeRune(dst[written:], r)
		written += n
		if r >= 0x10000 {
			read += 2
		} else {
			read++
		}
	}
	return st.vm.NewArray(read, written)
}
