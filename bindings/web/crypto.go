package web

import (
	"crypto/rand"
	"encoding/hex"

	"github.com/dop251/goja"
)

// randomUUIDNative() returns a random (version 4) UUID in lower case.
func (st *runtimeState) randomUUIDNative(goja.FunctionCall) goja.Value {
	return st.vm.ToValue(randomUUID())
}

func randomUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails; it crashes the program instead.
	b[6] = b[6]&0x0F | 0x40
	b[8] = b[8]&0x3F | 0x80
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:36], b[10:16])
	return string(s[:])
}

// fillRandomNative(typedArray) fills the array's bytes in place; crypto.js has checked its
// type and size.
func (st *runtimeState) fillRandomNative(call goja.FunctionCall) goja.Value {
	b, ok := st.view(call.Argument(0))
	if !ok {
		panic(st.vm.NewTypeError("expected a typed array"))
	}
	_, _ = rand.Read(b)
	return goja.Undefined()
}
