package bindings

import (
	"net/http"
	"time"

	"github.com/dop251/goja"

	"github.com/azote-dev/azote/bindings/web"
)

// afterHandlerTimeout calls fire on the loop once the handler timeout has passed, unless stop
// is called first (on the loop). It bounds how long a request waits on a promise that may
// never settle: the watchdog interrupts JavaScript that runs too long, not JavaScript that
// waits. When the generation is gone before then, gone is called instead, off the loop.
func (a *App) afterHandlerTimeout(fire func(vm *goja.Runtime), gone func()) (stop func()) {
	t := time.AfterFunc(a.opts.HandlerTimeout, func() {
		if !a.gen.Run(fire) {
			gone()
		}
	})
	return func() { t.Stop() }
}

// discard ends what an answer nobody will send holds: its event stream (so onClosed runs and
// the stream is untracked) or its streamed body. Loop only.
func discard(vm *goja.Runtime, ans answer, reason string) {
	if ans.stream != nil {
		ans.stream.Abort()
	}
	if ans.resp != nil && ans.resp.Stream != nil {
		web.CancelStream(vm, ans.resp.Stream, reason)
	}
}

// restarting is the answer to a request whose generation was released before it answered.
func restarting() answer {
	return answer{resp: &web.ResponseParts{
		Status: http.StatusServiceUnavailable,
		Header: http.Header{"Content-Type": {"application/json;charset=UTF-8"}},
		Body:   []byte(`{"status":503,"message":"Service Restarting"}`),
	}}
}
