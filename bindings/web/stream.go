package web

import (
	"fmt"
	"math/big"

	"github.com/dop251/goja"
)

// ReadChunk pulls the next chunk of a ReadableStream (a Response's Stream) and calls
// onChunk(data, done, err) exactly once: with a chunk's bytes, with done at the end, or with
// err when the stream errored, yields something other than bytes or text (the stream is then
// cancelled), is locked by a JavaScript reader or is not a ReadableStream.
//
// Call it on the loop goroutine. It never blocks: onChunk runs before ReadChunk returns when a
// chunk is already queued, else from the later loop job that delivers one (possibly in the
// middle of that job's JavaScript, inside controller.enqueue). Ask for the next chunk by
// calling ReadChunk again, best from a later job (after the chunk is written): calling it from
// onChunk recurses once per queued chunk. The first call locks the stream to Go. Strings are
// UTF-8 encoded (lone surrogates become U+FFFD); Uint8Array, ArrayBuffer, DataView and the
// other typed arrays are copied, so data may be handed to another goroutine.
func ReadChunk(vm *goja.Runtime, stream *goja.Object, onChunk func(data []byte, done bool, err error)) {
	called := false
	report := func(data []byte, done bool, err error) {
		if !called {
			called = true
			onChunk(data, done, err)
		}
	}
	st, err := stateOf(vm, "ReadChunk")
	if err != nil {
		report(nil, false, err)
		return
	}
	cb := func(call goja.FunctionCall) goja.Value {
		value := call.Argument(0)
		switch {
		case call.Argument(2).ToBoolean():
			report(nil, false, fmt.Errorf("web: readable stream errored: %s", st.errorText(value)))
		case call.Argument(1).ToBoolean():
			report(nil, true, nil)
		default:
			data, ok := st.chunkBytes(value)
			if !ok {
				err := fmt.Errorf("web: readable stream chunk is %s, not bytes or a string", kindOf(value))
				_, _ = st.hostCancel(goja.Undefined(), stream, vm.NewTypeError(err.Error()))
				report(nil, false, err)
				break
			}
			report(data, false, nil)
		}
		return goja.Undefined()
	}
	if _, err := st.hostRead(goja.Undefined(), stream, vm.ToValue(cb)); err != nil {
		report(nil, false, fmt.Errorf("web: read stream: %w", err))
	}
}

// CancelStream cancels a ReadableStream whose reader went away (the client disconnected): the
// stream's cancel(reason) runs with reason as a string, and a pending ReadChunk reports done.
// Call it on the loop goroutine; a stream already closed or errored is left as it is.
func CancelStream(vm *goja.Runtime, stream *goja.Object, reason string) {
	st := lookupState(vm)
	if st == nil || stream == nil {
		return
	}
	_, _ = st.hostCancel(goja.Undefined(), stream, vm.ToValue(reason))
}

// chunkBytes copies the bytes of a chunk Go reads: a string's UTF-8, or a buffer source's.
func (st *runtimeState) chunkBytes(v goja.Value) ([]byte, bool) {
	if s, ok := v.(goja.String); ok {
		return []byte(s.String()), true
	}
	b, ok := st.view(v)
	if !ok {
		return nil, false
	}
	return append([]byte{}, b...), true
}

// errorText renders a thrown or rejected value for a Go error: "Name: message" for errors.
func (st *runtimeState) errorText(v goja.Value) (text string) {
	if ex := st.vm.Try(func() {
		if o, ok := v.(*goja.Object); ok {
			if msg := o.Get("message"); msg != nil && !goja.IsUndefined(msg) {
				name := "Error"
				if n := o.Get("name"); n != nil && !goja.IsUndefined(n) {
					name = n.String()
				}
				text = name + ": " + msg.String()
				return
			}
		}
		text = v.String()
	}); ex != nil {
		return "(unprintable value)"
	}
	return text
}

func kindOf(v goja.Value) string {
	switch {
	case v == nil || goja.IsUndefined(v):
		return "undefined"
	case goja.IsNull(v):
		return "null"
	}
	if _, ok := v.(*goja.Object); ok {
		return "an object"
	}
	switch v.Export().(type) {
	case int64, float64:
		return "a number"
	case bool:
		return "a boolean"
	case *big.Int:
		return "a bigint"
	}
	return "a symbol"
}
