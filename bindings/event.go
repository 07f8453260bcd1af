package bindings

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/dop251/goja"

	"github.com/azote-dev/azote/bindings/web"
	"github.com/azote-dev/azote/engine"
	"github.com/azote-dev/azote/sse"
)

// newEvent builds the h3 event (a real H3Event) for a request; params, when not nil, are set
// as event.context.params before any dispatch (an upgrade's middleware reads them). Loop only.
func (a *App) newEvent(vm *goja.Runtime, req *goja.Object, params map[string]string, ip string) (*goja.Object, error) {
	// srvx's request.ip, which h3's getRequestIP reads.
	if err := req.DefineDataProperty("ip", vm.ToValue(ip), goja.FLAG_TRUE, goja.FLAG_FALSE, goja.FLAG_TRUE); err != nil {
		return nil, err
	}
	p := goja.Undefined()
	if params != nil {
		p = paramsObject(vm, params)
	}
	ev, err := a.makeEvent(goja.Undefined(), req, p)
	if err != nil {
		return nil, err
	}
	return ev.ToObject(vm), nil
}

// paramsObject is event.context.params: the route's parameters by name.
func paramsObject(vm *goja.Runtime, params map[string]string) *goja.Object {
	p := vm.NewObject()
	for k, v := range params {
		p.Set(k, v)
	}
	return p
}

// eventContext is what newEvent's event.context starts as: { params, clientAddress }.
func eventContext(vm *goja.Runtime, params map[string]string, ip string) *goja.Object {
	ctx := vm.NewObject()
	ctx.Set("params", paramsObject(vm, params))
	ctx.Set("clientAddress", ip)
	return ctx
}

// ServeHTTP runs route i's handler for a plain HTTP request and writes what it returns
// (SPEC 7). The request body is read before the handler runs, bounded by MaxBodyBytes. A
// handler whose promise is still pending after the handler timeout gets 504 (logged); what it
// answers later is dropped.
func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request, i int, params map[string]string) {
	rt := a.routes[i]
	if rt.broken != "" {
		serveBroken(w, rt)
		return
	}
	body, ok := a.readBody(w, r)
	if !ok {
		return
	}
	answers := make(chan answer, 1)
	answered := false // loop only: an answer went to answers, or nobody waits for one
	var stopTimer func()
	ok = a.gen.Run(func(vm *goja.Runtime) {
		reply := func(ans answer) {
			if answered {
				discard(vm, ans, "request already answered")
				return
			}
			answered = true
			if stopTimer != nil {
				stopTimer()
			}
			answers <- ans
		}
		a.gen.Serving(rt.file)
		defer a.lastResort(rt.file, func() { reply(answer{resp: internalErrorResponse()}) })
		a.handle(vm, i, r, body, params, reply)
		if answered {
			return
		}
		stopTimer = a.afterHandlerTimeout(func(vm *goja.Runtime) {
			if answered {
				return
			}
			a.log.Error("handler timed out: its promise did not settle within the handler timeout",
				"route", rt.file, "timeout", a.opts.HandlerTimeout)
			reply(answer{resp: a.errorResponse(vm, http.StatusGatewayTimeout, "Handler timeout", "", nil)})
		}, func() {
			select {
			case answers <- restarting():
			default:
			}
		})
	})
	if !ok {
		http.Error(w, "Service Restarting", http.StatusServiceUnavailable)
		return
	}
	select {
	case ans := <-answers:
		if ans.stream != nil {
			if err := ans.stream.Serve(w, r, ans.header); err != nil {
				a.log.Debug("event stream ended", "route", rt.file, "error", err)
			}
			return
		}
		if ans.resp.Stream != nil {
			a.writeStream(w, r, rt, ans.resp)
			return
		}
		if r.Method == http.MethodHead {
			ans.resp.Body = nil
		}
		writeResponse(w, ans.resp)
	case <-a.gen.Context().Done():
		// Released (shut down, or replaced) with this request unanswered: its JavaScript will
		// never answer it now.
		http.Error(w, "Service Restarting", http.StatusServiceUnavailable)
	case <-r.Context().Done():
		// The client left: the handler's answer, now or later, is dropped with what it holds.
		a.gen.Run(func(vm *goja.Runtime) {
			answered = true
			if stopTimer != nil {
				stopTimer()
			}
			select {
			case ans := <-answers:
				discard(vm, ans, "client disconnected")
			default:
			}
		})
	}
}

// writeStream sends a Response whose body is a ReadableStream: each chunk is pulled on the
// loop, written and flushed here, and the next one asked for only after the write, so a slow
// client slows the stream instead of filling memory. A client that leaves cancels the stream.
func (a *App) writeStream(w http.ResponseWriter, r *http.Request, rt *route, resp *web.ResponseParts) {
	stream := resp.Stream
	cancel := func(reason string) {
		a.gen.Run(func(vm *goja.Runtime) { web.CancelStream(vm, stream, reason) })
	}
	h := w.Header()
	for k, v := range resp.Header {
		h[k] = v
	}
	noSniff(h)
	status := resp.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	if r.Method == http.MethodHead {
		cancel("HEAD request")
		return
	}
	rc := http.NewResponseController(w)
	rc.Flush()
	type chunk struct {
		data []byte
		done bool
		err  error
	}
	next := make(chan chunk, 1)
	for {
		ok := a.gen.Run(func(vm *goja.Runtime) {
			web.ReadChunk(vm, stream, func(data []byte, done bool, err error) { next <- chunk{data, done, err} })
		})
		if !ok {
			panic(http.ErrAbortHandler) // the generation is gone: cut the response
		}
		var c chunk
		select {
		case c = <-next:
		case <-r.Context().Done():
			cancel("client disconnected")
			return
		}
		if c.err != nil {
			a.log.Error("response stream failed", "route", rt.file, "error", c.err)
			panic(http.ErrAbortHandler)
		}
		if len(c.data) > 0 {
			if _, err := w.Write(c.data); err != nil {
				cancel("client disconnected")
				return
			}
			rc.Flush()
		}
		if c.done {
			return
		}
	}
}

// answer is what the loop hands back to a request's goroutine: a response, or an event
// stream to serve with the headers the handler prepared.
type answer struct {
	resp   *web.ResponseParts
	stream *sse.Stream
	header http.Header
}

func (a *App) handle(vm *goja.Runtime, i int, r *http.Request, body []byte, params map[string]string, reply func(answer)) {
	rt := a.routes[i]
	respond := func(resp *web.ResponseParts) { reply(answer{resp: resp}) }
	req, err := newRequest(vm, r.Method, r.Host, requestURL(r), r.Header, body)
	if err != nil {
		respond(a.internalError(vm, rt.file, vm.NewGoError(err)))
		return
	}
	event, err := a.newEvent(vm, req, nil, a.remoteIP(r))
	if err != nil {
		respond(a.internalError(vm, rt.file, thrown(vm, err)))
		return
	}
	// A stream the handler created but did not answer with is ended, so its onClosed still runs.
	abandon := func(answered *eventStream) {
		if es := createdStream(event); es != nil && es != answered {
			es.stream.Abort()
		}
	}
	res, err := a.dispatchRoute(goja.Undefined(), event, vm.ToValue(i), paramsObject(vm, params))
	if err != nil { // not a throw (h3 answers those): the call itself failed
		abandon(nil)
		if reason, interrupted := engine.Interruption(err); interrupted {
			a.log.Error("handler interrupted ("+reason+")", "route", rt.file, "error", engine.Describe(err))
			respond(a.errorResponse(vm, http.StatusInternalServerError, strings.ToUpper(reason[:1])+reason[1:], "", nil))
			return
		}
		respond(a.internalError(vm, rt.file, thrown(vm, err)))
		return
	}
	// h3 answers what the handler returned or threw; a panic that still gets past its answer
	// (a hostile value read in Go) is a 500 here, not a request left waiting.
	a.settle(vm, res, func(v goja.Value) {
		defer a.lastResort(rt.file, func() { respond(internalErrorResponse()) })
		resp, ok := web.AsResponse(vm, v)
		if !ok {
			abandon(nil)
			respond(a.internalError(vm, rt.file, vm.NewTypeError("the h3 app answered no Response")))
			return
		}
		if es := eventStreamOf(resp.Stream); es != nil {
			abandon(es)
			reply(answer{stream: es.stream, header: resp.Header})
			return
		}
		abandon(nil)
		respond(resp)
	}, func(e goja.Value) {
		defer a.lastResort(rt.file, func() { respond(internalErrorResponse()) })
		abandon(nil)
		respond(a.internalError(vm, rt.file, e))
	})
}

// runChain calls steps[i:] in order with the event, awaiting each. The first value other than
// undefined, or the last step's value, goes to finish; a throw or rejection goes to fail (err
// is set when the call itself failed, e.g. interrupted). Loop only.
func (a *App) runChain(vm *goja.Runtime, steps []step, event *goja.Object, i int,
	finish func(v goja.Value, file string), fail func(e goja.Value, file string, err error)) {
	for ; i < len(steps); i++ {
		s := steps[i]
		last := i == len(steps)-1
		res, err := s.fn(goja.Undefined(), event)
		if err != nil {
			fail(thrown(vm, err), s.file, err)
			return
		}
		if _, ok := asPromise(res); ok {
			next := i + 1
			a.settle(vm, res, func(v goja.Value) {
				if last || !goja.IsUndefined(v) {
					finish(v, s.file)
					return
				}
				a.runChain(vm, steps, event, next, finish, fail)
			}, func(e goja.Value) { fail(e, s.file, nil) })
			return
		}
		if last || !goja.IsUndefined(res) {
			finish(res, s.file)
			return
		}
	}
	finish(goja.Undefined(), "")
}

// fromReturn is h3's answer to a value a middleware returned (on an upgrade).
func (a *App) fromReturn(vm *goja.Runtime, file string, event *goja.Object, v goja.Value) *web.ResponseParts {
	return a.answerFor(vm, file, event, v, false)
}

// answerFor turns what a step returned (threw false) or threw into h3's Response for it.
func (a *App) answerFor(vm *goja.Runtime, file string, event *goja.Object, v goja.Value, threw bool) *web.ResponseParts {
	res, err := a.answerWith(goja.Undefined(), event, v, vm.ToValue(threw))
	if err != nil {
		return a.internalError(vm, file, thrown(vm, err))
	}
	resp, ok := web.AsResponse(vm, res)
	if !ok {
		return a.internalError(vm, file, vm.NewTypeError("h3 answered no Response"))
	}
	return resp
}

func isInstance(vm *goja.Runtime, obj *goja.Object, ctor *goja.Object) bool {
	return vm.InstanceOf(obj, ctor)
}

// fromThrown is h3's answer to a thrown value (on an upgrade): an HTTPError keeps its status,
// anything else is an unhandled 500, logged with its stack. JSON text nested too deep is a 400.
func (a *App) fromThrown(vm *goja.Runtime, file string, event *goja.Object, e goja.Value) *web.ResponseParts {
	if resp, ok := rejection(vm, e); ok {
		return resp
	}
	if engine.IsJSONTooDeep(e) { // event.req.json() of a body nested past the limit
		return a.errorResponse(vm, http.StatusBadRequest, fmt.Sprintf("Invalid JSON body: nested deeper than %d levels", engine.MaxJSONDepth), "Bad Request", nil)
	}
	obj, isObj := e.(*goja.Object)
	if !isObj || !isInstance(vm, obj, a.httpError) || obj.Get("status").ToInteger() >= 500 {
		a.log.Error("handler threw", "route", file, "error", engine.DescribeValue(vm, e))
	}
	return a.answerFor(vm, file, event, e, true)
}

func (a *App) internalError(vm *goja.Runtime, file string, e goja.Value) *web.ResponseParts {
	desc := engine.DescribeValue(vm, e)
	a.log.Error("handler threw", "route", file, "error", desc)
	if a.opts.Dev {
		return a.devError(vm, desc, e)
	}
	return a.errorResponse(vm, 500, "Internal Server Error", "", nil)
}

// devError is dev's answer to an unhandled error: h3's JSON error with the message and the
// source-mapped stack (desc, from engine.DescribeValue) as lines.
func (a *App) devError(vm *goja.Runtime, desc string, e goja.Value) *web.ResponseParts {
	msg := desc
	if obj, ok := e.(*goja.Object); ok {
		_ = engine.Guard(vm, func() error { // a message getter that throws leaves desc
			if m := obj.Get("message"); m != nil && !goja.IsUndefined(m) {
				msg = m.String()
			}
			return nil
		})
	}
	resp := a.errorResponse(vm, 500, msg, "", nil)
	resp.Body = bytes.TrimSuffix(resp.Body, []byte("}"))
	resp.Body = append(resp.Body, []byte(fmt.Sprintf(`,"stack":%s}`, jsonString(strings.Split(desc, "\n"))))...)
	return resp
}

// errorResponse is h3's JSON error body: { status, statusText, message, data }.
func (a *App) errorResponse(vm *goja.Runtime, status int, message, statusText string, data goja.Value, headers ...http.Header) *web.ResponseParts {
	body := vm.NewObject()
	body.Set("status", status)
	if statusText != "" {
		body.Set("statusText", statusText)
	}
	body.Set("message", message)
	if data != nil && !goja.IsUndefined(data) {
		body.Set("data", data)
	}
	js, err := a.stringify(goja.Undefined(), body)
	text := internalErrorBody
	if err == nil {
		text = js.String()
	}
	h := http.Header{}
	for _, extra := range headers {
		for k, v := range extra {
			h[k] = v
		}
	}
	h.Set("Content-Type", "application/json;charset=UTF-8")
	return &web.ResponseParts{Status: status, StatusText: statusText, Header: h, Body: []byte(text)}
}

func (a *App) writeError(w http.ResponseWriter, resp *web.ResponseParts, message string) {
	resp.Header = http.Header{"Content-Type": {"application/json;charset=UTF-8"}}
	resp.Body = []byte(fmt.Sprintf(`{"status":%d,"statusText":%s,"message":%s}`, resp.Status, jsonString(resp.StatusText), jsonString(message)))
	writeResponse(w, resp)
}

func nowHTTP() string { return time.Now().UTC().Format(http.TimeFormat) }
