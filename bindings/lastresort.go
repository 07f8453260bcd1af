package bindings

import (
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"

	"github.com/dop251/goja"

	"github.com/azote-dev/azote/bindings/web"
	"github.com/azote-dev/azote/engine"
)

// errAnswerPanicked is the decision for an upgrade whose answering panicked: a 500.
var errAnswerPanicked = errors.New("internal error while answering the upgrade")

// internalErrorBody is the 500 answer made without JavaScript, for when the runtime cannot be
// trusted to make one.
const internalErrorBody = `{"status":500,"message":"Internal Server Error"}`

func internalErrorResponse() *web.ResponseParts {
	return &web.ResponseParts{
		Status: http.StatusInternalServerError,
		Header: http.Header{"Content-Type": {"application/json;charset=UTF-8"}},
		Body:   []byte(internalErrorBody),
	}
}

// readAnswer makes a request's answer from what a handler in file produced. Reading those
// values runs JavaScript (getters, Proxy traps, toJSON, toString) that may throw; such a value
// is the handler's 500, logged with its route file, and ok is false. Loop only.
func (a *App) readAnswer(vm *goja.Runtime, file string, read func() answer) (ans answer, ok bool) {
	err := engine.Guard(vm, func() error { ans = read(); return nil })
	if err == nil {
		return ans, true
	}
	return answer{resp: a.internalError(vm, file, thrown(vm, err))}, false
}

// lastResort is deferred by loop work that owes a waiting goroutine an answer: a panic that
// got past the guards is logged with the route file and its stack, and answer still runs, so
// the request is answered (500) instead of waiting forever. It makes no JavaScript call: after
// such a panic the runtime is not to be trusted with one.
func (a *App) lastResort(file string, answer func()) {
	if p := recover(); p != nil {
		a.log.Error("internal error while answering; answered 500", "route", file,
			"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		answer()
	}
}
