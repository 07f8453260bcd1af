package web

import (
	"github.com/dop251/goja"
)

// NewBlob builds a JS Blob holding data, adopted without copying (the caller must not change
// it afterwards; JavaScript cannot). contentType follows the Blob rule: lower-cased, or empty
// when it has characters outside U+0020-U+007E. It panics if Enable was not called on vm.
func NewBlob(vm *goja.Runtime, data []byte, contentType string) goja.Value {
	st, err := stateOf(vm, "NewBlob")
	if err != nil {
		panic(err)
	}
	if data == nil {
		data = []byte{}
	}
	v, err := st.makeBlob(goja.Undefined(), st.newUint8Array(data), vm.ToValue(contentType))
	if err != nil {
		panic(err)
	}
	return v
}
