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

// newEvent builds the h3 event for a request. Loop only.
func (a *App) newEvent(vm *goja.Runtime, req *goja.Object, params map[string]string, ip string) (*goja.Object, error) {
	ev, err := a.makeEvent(goja.Undefined(), req, paramsObject(vm, params), vm.ToValue(ip))
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
		defer a.lastResort(rt.file, func() { reply(answer{resp: internalErrorResponse()}) })
		a.handle(vm, rt, r, body, params, reply)
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

func (a *App) handle(vm *goja.Runtime, rt *route, r *http.Request, body []byte, params map[string]string, reply func(answer)) {
	respond := func(resp *web.ResponseParts) { reply(answer{resp: resp}) }
	req, err := newRequest(vm, r.Method, r.Host, requestURL(r), r.Header, body)
	if err != nil {
		respond(a.internalError(vm, rt.file, vm.NewGoError(err)))
		return
	}
	event, err := a.newEvent(vm, req, params, a.remoteIP(r))
	if err != nil {
		respond(a.internalError(vm, rt.file, thrown(vm, err)))
		return
	}
	// A stream the handler created but did not return is ended, so its onClosed still runs.
	abandon := func(returned *eventStream) {
		if es := createdStream(event); es != nil && es != returned {
			es.stream.Abort()
		}
	}
	handler := rt.handler
	if handler == nil {
		handler = a.upgradeRequired // { websocket: hooks } has no HTTP side
	}
	steps := make([]step, 0, len(a.middleware)+len(rt.middleware)+1)
	steps = append(append(append(steps, a.middleware...), rt.middleware...), step{fn: handler, file: rt.file})
	// What the chain returns or throws is read in readAnswer: a value whose reading throws is
	// a 500, not a panic that leaves the request waiting. These run later for a promise, so each
	// has its own last resort.
	a.runChain(vm, steps, event, 0, func(v goja.Value, file string) {
		defer a.lastResort(file, func() { respond(internalErrorResponse()) })
		ans, ok := a.readAnswer(vm, file, func() answer {
			if es, ok := streamOf(v); ok {
				abandon(es)
				header, _ := web.Header(vm, event.Get("res").ToObject(vm).Get("headers"))
				return answer{stream: es.stream, header: header}
			}
			abandon(nil)
			return answer{resp: a.fromReturn(vm, file, event, v)}
		})
		if !ok {
			abandon(nil)
		}
		reply(ans)
	}, func(e goja.Value, file string, err error) {
		defer a.lastResort(file, func() { respond(internalErrorResponse()) })
		abandon(nil)
		if reason, interrupted := engine.Interruption(err); interrupted {
			a.log.Error("handler interrupted ("+reason+")", "route", file, "error", engine.DescribeError(vm, err))
			respond(a.errorResponse(vm, http.StatusInternalServerError, strings.ToUpper(reason[:1])+reason[1:], "", nil))
			return
		}
		ans, _ := a.readAnswer(vm, file, func() answer { return answer{resp: a.fromThrown(vm, file, e)} })
		reply(ans)
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

// fromReturn applies SPEC 7's return-value rules.
func (a *App) fromReturn(vm *goja.Runtime, file string, event *goja.Object, v goja.Value) *web.ResponseParts {
	res := event.Get("res").ToObject(vm)
	prepared, _ := web.Header(vm, res.Get("headers"))
	if prepared == nil {
		prepared = http.Header{}
	}
	status := 200
	if s := res.Get("status"); s != nil && !goja.IsUndefined(s) {
		status = int(s.ToInteger())
	}
	statusText := ""
	if s := res.Get("statusText"); s != nil && !goja.IsUndefined(s) {
		statusText = s.String()
	}
	out := &web.ResponseParts{Status: status, StatusText: statusText, Header: prepared}

	if resp, ok := web.AsResponse(vm, v); ok {
		for k, vals := range resp.Header {
			prepared[k] = vals
		}
		resp.Header = prepared
		return resp
	}
	if obj, ok := v.(*goja.Object); ok && obj.ToObject(vm) != nil && isInstance(vm, obj, a.httpError) {
		return a.fromThrown(vm, file, obj)
	}
	setType := func(t string) {
		if prepared.Get("Content-Type") == "" {
			prepared.Set("Content-Type", t)
		}
	}
	switch {
	case v == nil || goja.IsUndefined(v) || goja.IsNull(v):
		return out
	}
	obj, isObj := v.(*goja.Object)
	if !isObj {
		if s, ok := v.Export().(string); ok {
			setType("text/plain;charset=UTF-8")
			out.Body = []byte(s)
			return out
		}
	} else if b, ok := web.Bytes(vm, obj); ok {
		setType("application/octet-stream")
		out.Body = b
		return out
	}
	js, err := a.stringify(goja.Undefined(), v)
	if err != nil {
		return a.fromThrown(vm, file, thrown(vm, err))
	}
	setType("application/json;charset=UTF-8")
	if !goja.IsUndefined(js) {
		out.Body = []byte(js.String())
	}
	return out
}

func isInstance(vm *goja.Runtime, obj *goja.Object, ctor *goja.Object) bool {
	return vm.InstanceOf(obj, ctor)
}

// fromThrown turns a thrown value into the JSON error answer: an HTTPError keeps its status,
// JSON text nested too deep is a 400, anything else is a 500 whose message and stack show
// only in dev.
func (a *App) fromThrown(vm *goja.Runtime, file string, e goja.Value) *web.ResponseParts {
	if resp, ok := rejection(vm, e); ok {
		return resp
	}
	if engine.IsJSONTooDeep(e) { // event.req.json() of a body nested past the limit
		return a.errorResponse(vm, http.StatusBadRequest, fmt.Sprintf("Invalid JSON body: nested deeper than %d levels", engine.MaxJSONDepth), "Bad Request", nil)
	}
	if obj, ok := e.(*goja.Object); ok && isInstance(vm, obj, a.httpError) {
		status := int(obj.Get("status").ToInteger())
		statusText := ""
		if s := obj.Get("statusText"); s != nil && !goja.IsUndefined(s) {
			statusText = s.String()
		}
		var hdr http.Header
		if h := obj.Get("headers"); h != nil && !goja.IsUndefined(h) {
			hdr, _ = web.Header(vm, h)
		}
		if status >= 500 {
			a.log.Error("handler error", "route", file, "error", engine.DescribeValue(vm, e))
		}
		return a.errorResponse(vm, status, obj.Get("message").String(), statusText, obj.Get("data"), hdr)
	}
	return a.internalError(vm, file, e)
}

func (a *App) internalError(vm *goja.Runtime, file string, e goja.Value) *web.ResponseParts {
	desc := engine.DescribeValue(vm, e)
	a.log.Error("handler threw", "route", file, "error", desc)
	if a.opts.Dev {
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
	return a.errorResponse(vm, 500, "Internal Server Error", "", nil)
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
