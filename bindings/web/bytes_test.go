package web

import (
	"bytes"
	"testing"

	"github.com/dop251/goja"
)

func TestBytes(t *testing.T) {
	vm := newVM(t)
	mustRun(t, vm, `var src = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]);`)
	cases := []struct {
		src  string
		want []byte
	}{
		{`src`, []byte{0, 1, 2, 3, 4, 5, 6, 7}},
		{`src.buffer`, []byte{0, 1, 2, 3, 4, 5, 6, 7}},
		{`src.subarray(2, 5)`, []byte{2, 3, 4}},
		{`new Uint8Array(src.buffer, 6)`, []byte{6, 7}},
		{`new Int16Array(src.buffer, 2, 2)`, []byte{2, 3, 4, 5}},
		{`new Float64Array(src.buffer)`, []byte{0, 1, 2, 3, 4, 5, 6, 7}},
		{`new BigUint64Array(src.buffer)`, []byte{0, 1, 2, 3, 4, 5, 6, 7}},
		{`new Uint8ClampedArray(src.buffer, 7)`, []byte{7}},
		{`new DataView(src.buffer, 3, 2)`, []byte{3, 4}},
		{`new DataView(src.buffer, 8)`, []byte{}},
		{`new Uint8Array(0)`, []byte{}},
		{`new (class extends Uint8Array {})([9])`, []byte{9}},
	}
	for _, c := range cases {
		got, ok := Bytes(vm, mustRun(t, vm, c.src))
		if !ok || !bytes.Equal(got, c.want) {
			t.Errorf("Bytes(%s) = %v, %v; want %v", c.src, got, ok, c.want)
		}
	}
	for _, src := range []string{`"abc"`, `[1, 2]`, `({length: 2, 0: 1, 1: 2})`, `Object.create(DataView.prototype)`,
		`Object.create(Uint8Array.prototype)`, `null`, `undefined`, `new Blob(["x"])`, `42`} {
		if got, ok := Bytes(vm, mustRun(t, vm, src)); ok {
			t.Errorf("Bytes(%s) = %v, want ok=false", src, got)
		}
	}
	if _, ok := Bytes(vm, vm.ToValue([]int32{1})); ok {
		t.Error("a Go slice wrapped by ToValue counted as a typed array")
	}

	// The result is a copy: JS writes after the call do not show.
	got, _ := Bytes(vm, vm.Get("src"))
	mustRun(t, vm, `src[0] = 99`)
	if got[0] != 0 {
		t.Error("Bytes shares memory with JS")
	}
}

func TestBytesWithoutEnable(t *testing.T) {
	vm := goja.New()
	got, ok := Bytes(vm, mustRun(t, vm, `new Uint16Array([0x0201]).subarray(0, 1)`))
	if !ok || !bytes.Equal(got, []byte{1, 2}) {
		t.Errorf("got %v, %v", got, ok)
	}
	u := NewUint8Array(vm, []byte{5})
	if got, ok := Bytes(vm, u); !ok || !bytes.Equal(got, []byte{5}) {
		t.Errorf("round trip: %v, %v", got, ok)
	}
}

func TestNewUint8Array(t *testing.T) {
	vm := newVM(t)
	b := []byte{1, 2, 3}
	if err := vm.Set("u", NewUint8Array(vm, b)); err != nil {
		t.Fatal(err)
	}
	got := mustRun(t, vm, `u[0] = 42; [u instanceof Uint8Array, u.length, u[1], u.byteOffset, u.buffer.byteLength].join()`).String()
	if got != "true,3,2,0,3" {
		t.Errorf("got %s", got)
	}
	if b[0] != 42 {
		t.Error("NewUint8Array copied: a JS write did not reach the Go slice")
	}
	if err := vm.Set("empty", NewUint8Array(vm, nil)); err != nil {
		t.Fatal(err)
	}
	if got := mustRun(t, vm, `empty.length`).ToInteger(); got != 0 {
		t.Errorf("empty length %d", got)
	}
}
