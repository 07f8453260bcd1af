package web

import (
	"strings"

	"github.com/dop251/goja"
)

// A body source (see body.js) is a JS string or a Uint8Array. These natives read either.

// sourceBytes returns the bytes of a body source; for a Uint8Array they share its memory.
func (st *runtimeState) sourceBytes(v goja.Value) []byte {
	if s, ok := v.(goja.String); ok {
		return []byte(s.String())
	}
	b, ok := st.view(v)
	if !ok {
		panic(st.vm.NewTypeError("web: not a body source"))
	}
	return b
}

// bodyTextNative(source) is Body.text(): UTF-8 decoded, invalid bytes replaced, BOM dropped.
func (st *runtimeState) bodyTextNative(call goja.FunctionCall) goja.Value {
	v := call.Argument(0)
	if s, ok := v.(goja.String); ok {
		// Encoding then decoding a string only replaces lone surrogates (String() does) and
		// drops a leading BOM.
		return st.vm.ToValue(strings.TrimPrefix(s.String(), "\uFEFF"))
	}
	return st.vm.ToValue(decodeUTF8(st.sourceBytes(v)))
}

// bodyBytesNative(source) is Body.bytes(): a new Uint8Array.
func (st *runtimeState) bodyBytesNative(call goja.FunctionCall) goja.Value {
	v := call.Argument(0)
	if s, ok := v.(goja.String); ok {
		return st.newUint8Array([]byte(s.String()))
	}
	return st.newUint8Array(append([]byte{}, st.sourceBytes(v)...))
}

// bodyBufferNative(source) is Body.arrayBuffer(): a new ArrayBuffer.
func (st *runtimeState) bodyBufferNative(call goja.FunctionCall) goja.Value {
	v := call.Argument(0)
	if s, ok := v.(goja.String); ok {
		return st.vm.ToValue(st.vm.NewArrayBuffer([]byte(s.String())))
	}
	return st.vm.ToValue(st.vm.NewArrayBuffer(append([]byte{}, st.sourceBytes(v)...)))
}
