package web

import (
	"net/http"

	"github.com/dop251/goja"
)

// ResponseParts is a JS Response read back by Go.
type ResponseParts struct {
	Status     int // 0 for Response.error()
	StatusText string
	Header     http.Header
	// Body holds the bytes given to the constructor (nil for a null body). It is not shared
	// with JavaScript-visible memory, so it may be written from another goroutine.
	Body []byte
	// Stream is non-nil when the body is a ReadableStream (Body is then nil): a stream given
	// to the constructor, a fetch response's body, or the stream JavaScript made from the
	// bytes and started reading. Read it with ReadChunk, on the loop goroutine only.
	Stream *goja.Object
}

// AsResponse reports whether v is a Response (an instance of the installed Response class,
// subclasses included) and reads it. Reading does not mark the body used; a body JS already
// read is returned all the same. A streamed body comes back as Stream, to be read with
// ReadChunk (or given up with CancelStream).
func AsResponse(vm *goja.Runtime, v goja.Value) (*ResponseParts, bool) {
	o, ok := v.(*goja.Object)
	if !ok {
		return nil, false
	}
	st := lookupState(vm)
	// instanceof first: it is answered in Go, while responseParts is a call into JS.
	if st == nil || !vm.InstanceOf(o, st.response) {
		return nil, false
	}
	res, err := st.responseParts(goja.Undefined(), o)
	if err != nil || goja.IsUndefined(res) {
		return nil, false
	}
	parts := res.ToObject(vm)
	rp := &ResponseParts{
		Status:     int(parts.Get("0").ToInteger()),
		StatusText: parts.Get("1").String(),
	}
	if h := headersOf(parts.Get("2")); h != nil {
		rp.Header = h.httpHeader()
	} else {
		rp.Header = http.Header{}
	}
	if body := parts.Get("3"); !goja.IsNull(body) {
		// A body's Uint8Array never reaches user code (readers get copies), so its memory
		// can be shared without a copy; a string body is encoded now.
		rp.Body = st.sourceBytes(body)
		if rp.Body == nil {
			rp.Body = []byte{}
		}
	} else if stream, ok := parts.Get("4").(*goja.Object); ok {
		rp.Stream = stream
	}
	return rp, true
}
