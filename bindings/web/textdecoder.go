package web

import (
	"github.com/dop251/goja"
)

// utf8DecodeNative(bytes) decodes like Body.text(): replacement characters, BOM dropped.
func (st *runtimeState) utf8DecodeNative(call goja.FunctionCall) goja.Value {
	b, ok := st.view(call.Argument(0))
	if !ok {
		panic(st.vm.NewTypeError("expected an ArrayBuffer or ArrayBufferView"))
	}
	return st.vm.ToValue(decodeUTF8(b))
}

// newUTF8DecoderNative(fatal, ignoreBOM) returns the Go decoder a TextDecoder keeps.
func (st *runtimeState) newUTF8DecoderNative(call goja.FunctionCall) goja.Value {
	return st.vm.ToValue(newUTF8Decoder(call.Argument(0).ToBoolean(), call.Argument(1).ToBoolean()))
}

// utf8DecoderDecodeNative(decoder, input, stream) is TextDecoder.prototype.decode.
func (st *runtimeState) utf8DecoderDecodeNative(call goja.FunctionCall) goja.Value {
	d, ok := call.Argument(0).Export().(*utf8Decoder)
	if !ok {
		panic(st.vm.NewTypeError("Illegal invocation"))
	}
	var b []byte
	if input := call.Argument(1); !goja.IsUndefined(input) {
		if b, ok = st.view(input); !ok {
			panic(st.vm.NewTypeError(`The "input" argument must be an instance of ArrayBuffer or ArrayBufferView.`))
		}
	}
	s, err := d.decode(b, call.Argument(2).ToBoolean())
	if err != nil {
		e := st.vm.NewTypeError(err.Error())
		_ = e.Set("code", "ERR_ENCODING_INVALID_ENCODED_DATA")
		panic(e)
	}
	return st.vm.ToValue(s)
}
