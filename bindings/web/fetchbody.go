package web

import (
	"bytes"
	"context"
	"errors"
	"io"
	"runtime"
	"sync"

	"github.com/dop251/goja"
)

// fetchReadSize bounds one chunk of a streamed fetch body.
const fetchReadSize = 32 << 10

var errBodyClosed = errors.New("response body closed")

// fetchBody is a fetch response body that JavaScript reads through a ReadableStream. Reads run
// on goroutines, one at a time (the stream pulls once per chunk it needs), and deliver through
// the loop. Whoever finishes with the body closes it and cancels the request's context: the
// reading goroutine at the end or on an error, shut when JavaScript cancels or aborts, or a
// cleanup when the stream is garbage collected without either.
type fetchBody struct {
	loop   Loop
	body   io.ReadCloser
	length int64 // Content-Length, -1 when unknown
	cancel context.CancelFunc
	buf    []byte // used by the reading goroutine only; reads never overlap

	mu      sync.Mutex
	reading bool // a goroutine is reading body
	closed  bool // no read may start again; body is closed or will be by the reader

	end error // loop goroutine only: io.EOF or the read error, once a read has seen it
}

// bodyRelease is what the cleanup of an abandoned fetchBody needs, without the fetchBody.
type bodyRelease struct {
	body   io.Closer
	cancel context.CancelFunc
}

func newFetchBody(loop Loop, body io.ReadCloser, length int64, cancel context.CancelFunc) *fetchBody {
	b := &fetchBody{loop: loop, body: body, length: length, cancel: cancel}
	runtime.AddCleanup(b, func(r bodyRelease) {
		r.cancel()
		r.body.Close()
	}, bodyRelease{body, cancel})
	return b
}

// begin claims the body for one read; false when it is closed. Any goroutine.
func (b *fetchBody) begin() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed || b.reading {
		return false
	}
	b.reading = true
	return true
}

// finish ends a read; the body is released when the read failed or ended, or when shut was
// called meanwhile. The reading goroutine calls it.
func (b *fetchBody) finish(err error) {
	b.mu.Lock()
	b.reading = false
	release := b.closed || err != nil
	b.closed = release
	b.mu.Unlock()
	if release {
		b.body.Close()
		b.cancel()
	}
}

// shut gives the body up: the request's context is cancelled and the body closed, now or by
// the read in flight. Any goroutine; it does not block.
func (b *fetchBody) shut() {
	b.cancel()
	b.mu.Lock()
	idle := !b.closed && !b.reading
	b.closed = true
	b.mu.Unlock()
	if idle {
		// Closing may wait for the transport's goroutines; the loop does not.
		go b.body.Close()
	}
}

// read delivers the next chunk on the loop: deliver(data, nil), deliver(nil, io.EOF) at the
// end, or deliver(nil, err). Loop goroutine only.
func (b *fetchBody) read(deliver func(data []byte, err error)) {
	if b.end != nil {
		deliver(nil, b.end)
		return
	}
	if !b.begin() {
		deliver(nil, errBodyClosed)
		return
	}
	go func() {
		if b.buf == nil {
			b.buf = make([]byte, fetchReadSize)
		}
		var n int
		var err error
		for n == 0 && err == nil {
			n, err = b.body.Read(b.buf)
		}
		data := bytes.Clone(b.buf[:n])
		b.finish(err)
		queued := b.loop.Run(func(*goja.Runtime) {
			if err != nil {
				b.end = err
			}
			if n > 0 {
				deliver(data, nil)
				return
			}
			deliver(nil, err)
		})
		if !queued {
			b.shut()
		}
	}()
}

// readAll delivers the whole rest of the body on the loop in one piece: deliver(data, nil) or
// deliver(nil, err). Loop goroutine only, and only before any read.
func (b *fetchBody) readAll(deliver func(data []byte, err error)) {
	if !b.begin() {
		deliver(nil, errBodyClosed)
		return
	}
	go func() {
		data, err := readBody(b.body, b.length)
		b.finish(io.EOF)
		queued := b.loop.Run(func(*goja.Runtime) {
			b.end = io.EOF
			deliver(data, err)
		})
		if !queued {
			b.shut()
		}
	}()
}

// readBody reads r to its end into one slice, sized by the Content-Length when there is one.
func readBody(r io.Reader, length int64) ([]byte, error) {
	if length < 0 || length > 64<<20 {
		return io.ReadAll(r)
	}
	// One spare byte, so the read that sees io.EOF does not grow the slice.
	buf := make([]byte, 0, length+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// fetchBodySource is the object fetch.js builds the body's ReadableStream on:
// read(cb) answers cb(Uint8Array), cb(undefined, true) at the end or cb(undefined, false,
// message); readAll(cb) answers cb(Uint8Array) or cb(undefined, message); cancel() gives the
// body up.
func (st *runtimeState) fetchBodySource(b *fetchBody) *goja.Object {
	vm := st.vm
	o := vm.NewObject()
	callback := func(call goja.FunctionCall) goja.Callable {
		cb, ok := goja.AssertFunction(call.Argument(0))
		if !ok {
			panic(vm.NewTypeError("fetch body: callback is not a function"))
		}
		return cb
	}
	_ = o.Set("read", func(call goja.FunctionCall) goja.Value {
		cb := callback(call)
		b.read(func(data []byte, err error) {
			switch {
			case err == nil:
				_, _ = cb(goja.Undefined(), st.newUint8Array(data), vm.ToValue(false))
			case errors.Is(err, io.EOF):
				_, _ = cb(goja.Undefined(), goja.Undefined(), vm.ToValue(true))
			default:
				_, _ = cb(goja.Undefined(), goja.Undefined(), vm.ToValue(false), vm.ToValue(err.Error()))
			}
		})
		return goja.Undefined()
	})
	_ = o.Set("readAll", func(call goja.FunctionCall) goja.Value {
		cb := callback(call)
		b.readAll(func(data []byte, err error) {
			if err != nil {
				_, _ = cb(goja.Undefined(), goja.Undefined(), vm.ToValue(err.Error()))
				return
			}
			_, _ = cb(goja.Undefined(), st.newUint8Array(data))
		})
		return goja.Undefined()
	})
	_ = o.Set("cancel", func(goja.FunctionCall) goja.Value {
		b.shut()
		return goja.Undefined()
	})
	return o
}
