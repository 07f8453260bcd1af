package web

import (
	"reflect"
	"strconv"

	"github.com/dop251/goja"
)

var (
	typeArrayBuffer = reflect.TypeOf(goja.ArrayBuffer{})

	// typedArrayExportTypes are the Go types goja exports typed arrays as.
	typedArrayExportTypes = map[reflect.Type]bool{
		reflect.TypeOf([]uint8(nil)):   true,
		reflect.TypeOf([]int8(nil)):    true,
		reflect.TypeOf([]uint16(nil)):  true,
		reflect.TypeOf([]int16(nil)):   true,
		reflect.TypeOf([]uint32(nil)):  true,
		reflect.TypeOf([]int32(nil)):   true,
		reflect.TypeOf([]float32(nil)): true,
		reflect.TypeOf([]float64(nil)): true,
		reflect.TypeOf([]int64(nil)):   true,
		reflect.TypeOf([]uint64(nil)):  true,
	}
)

// Bytes returns a copy of the bytes of an ArrayBuffer, any typed array (Buffer included) or a
// DataView, honouring the view's byteOffset and byteLength; ok is false for anything else.
// The copy may be handed to other goroutines: JavaScript cannot change it.
// It works with or without Enable.
func Bytes(vm *goja.Runtime, v goja.Value) ([]byte, bool) {
	st := lookupState(vm)
	if st == nil {
		st = newRuntimeState(vm)
	}
	b, ok := st.view(v)
	if !ok {
		return nil, false
	}
	return append([]byte{}, b...), true
}

// NewUint8Array wraps b, without copying, as a JS Uint8Array. JavaScript may write to b, so
// the caller gives b up: it must not keep using it, nor hand it to another goroutine.
// It works with or without Enable.
func NewUint8Array(vm *goja.Runtime, b []byte) goja.Value {
	st := lookupState(vm)
	if st == nil {
		st = newRuntimeState(vm)
	}
	return st.newUint8Array(b)
}

// view returns the bytes a buffer source covers, sharing JavaScript's memory.
func (st *runtimeState) view(v goja.Value) ([]byte, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	t := o.ExportType()
	if t == typeArrayBuffer {
		return o.Export().(goja.ArrayBuffer).Bytes(), true
	}
	// The prototype checks keep out Go slices wrapped by ToValue (they export the same types)
	// and plain objects that merely inherit from DataView.prototype.
	isTypedArray := typedArrayExportTypes[t] && st.typedArray != nil && st.vm.InstanceOf(o, st.typedArray)
	if !isTypedArray && (st.dataView == nil || !st.vm.InstanceOf(o, st.dataView)) {
		return nil, false
	}
	var b []byte
	if err := st.vm.ExportTo(o, &b); err != nil {
		return nil, false
	}
	return b, true
}

func (st *runtimeState) newUint8Array(b []byte) *goja.Object {
	ab := st.vm.NewArrayBuffer(b)
	if st.uint8Array == nil {
		panic(st.vm.NewTypeError("web: Uint8Array is not available in this runtime"))
	}
	o, err := st.vm.New(st.uint8Array, st.vm.ToValue(ab))
	if err != nil {
		// new Uint8Array(arrayBuffer) does not throw for a fresh buffer.
		panic(err)
	}
	return o
}

// copyBytesNative(source) returns a Uint8Array copy of a buffer source, or undefined.
func (st *runtimeState) copyBytesNative(call goja.FunctionCall) goja.Value {
	b, ok := st.view(call.Argument(0))
	if !ok {
		return goja.Undefined()
	}
	return st.newUint8Array(append([]byte{}, b...))
}

// copyBufferNative(source) returns an ArrayBuffer copy of a buffer source.
func (st *runtimeState) copyBufferNative(call goja.FunctionCall) goja.Value {
	b, ok := st.view(call.Argument(0))
	if !ok {
		panic(st.vm.NewTypeError("expected an ArrayBuffer or ArrayBufferView"))
	}
	return st.vm.ToValue(st.vm.NewArrayBuffer(append([]byte{}, b...)))
}

// concatBytesNative(array of Uint8Array) returns one new Uint8Array holding them all.
func (st *runtimeState) concatBytesNative(call goja.FunctionCall) goja.Value {
	list := call.Argument(0).ToObject(st.vm)
	n := int(list.Get("length").ToInteger())
	parts := make([][]byte, 0, n)
	size := 0
	for i := 0; i < n; i++ {
		b, ok := st.view(list.Get(strconv.Itoa(i)))
		if !ok {
			panic(st.vm.NewTypeError("expected a Uint8Array"))
		}
		parts = append(parts, b)
		size += len(b)
	}
	out := make([]byte, 0, size)
	for _, b := range parts {
		out = append(out, b...)
	}
	return st.newUint8Array(out)
}
