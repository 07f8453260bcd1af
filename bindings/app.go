// Package bindings is everything JavaScript sees of azote: the host modules (`nitro`,
// `nitro/h3`, `h3`, `crossws`, `azote`), the peer and message objects, the h3 event, and the
// web globals (package web). It turns requests, upgrades and frames into calls on a
// generation's loop and turns their results back into responses.
//
// Concurrency: App's exported methods may be called from any goroutine. They hand the
// JavaScript part to the generation's loop (engine.Generation.Run) and, where an answer is
// needed, wait for it off the loop.
package bindings

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"

	"github.com/azote-dev/azote/bindings/jsdeps"
	"github.com/azote-dev/azote/bindings/web"
	"github.com/azote-dev/azote/engine"
	"github.com/azote-dev/azote/sse"
	"github.com/azote-dev/azote/ws"
)

//go:embed nitro.js
var nitroSource string

var nitroProgram = goja.MustCompile("azote:nitro.js", nitroSource, true)

// Options is what one generation's bindings need from the server.
type Options struct {
	WS *ws.Server
	// Poller, when not nil, is the generation loop's Waiter: the generation's conns are started
	// on it, so their hooks are called without a goroutine switch. Nil: a reader goroutine each.
	Poller *ws.Poller
	// Dev shows error messages and stacks in HTTP 500 answers and reads the app's .env.
	Dev bool
	// Dir is the app folder (for its .env file).
	Dir string
	// MaxBodyBytes bounds a request body read for a handler (413 over it).
	MaxBodyBytes int64
	// HandlerTimeout is how long an HTTP handler's or an upgrade hook's promise may stay
	// pending before the request is answered 504 / 500 (0: engine.DefaultHandlerTimeout).
	HandlerTimeout time.Duration
	// RuntimeConfig is what useRuntimeConfig() returns (nil: an empty object).
	RuntimeConfig map[string]any
	// SSEKeepAlive is the keep-alive comment period of event streams (0: 15 s).
	SSEKeepAlive time.Duration
	// TrustForwardedFor takes the client address from X-Forwarded-For (behind a proxy).
	TrustForwardedFor bool
}

// Route names a bundle route for the bindings: its file, for error messages, and its router
// pattern (event.context.matchedRoute.route).
type Route struct {
	File    string
	Pattern string
	// Broken is the build error of a route left out of the bundle ("" when it built): its
	// first line is the response message, the whole is logged at load.
	Broken string
}

// App is the JavaScript side of one generation.
type App struct {
	gen  *engine.Generation
	log  *slog.Logger
	opts Options

	routes     []*route // fixed after Load
	middleware []step   // middleware/ files, in order; fixed after Load

	// loop-only helpers, fixed after Load
	stringify, parse goja.Callable
	then             goja.Callable
	setCtor, mapCtor goja.Value
	httpError        *goja.Object  // h3's HTTPError
	makeEvent        goja.Callable // (request, params?) => H3Event
	dispatchRoute    goja.Callable // (event, i, params) => Response | Promise<Response>
	answerWith       goja.Callable // (event, value, threw) => Response, h3's answer to a value
	setRoutes        goja.Callable // (routes, middleware): the h3 app's route table
	pass             goja.Callable // () => undefined: the end of a middleware-only chain
	upgradeRequired  goja.Callable // () => the 426 Response of a WebSocket-only route
	batch            goja.Callable // (run) => run(): a JS frame to nest a batch of hook calls in
	runBatch         goja.Value    // runBatchItems as a JS function
	batchItems       []connEvent   // the batch runBatch works on
	hookArgs         [2]goja.Value // a message hook's arguments: goja copies them on entry
	peerProto        *goja.Object
	messageProto     *goja.Object

	in       inbox      // connection events on their way to the loop
	opening  openings   // open hooks in handshake order
	cork     ws.Cork    // the writes of the current loop job, flushed when it ends (loop only)
	corkHeld int        // loop jobs in a row that left their writes to the next (see flushCorks)
	sseCork  sse.Cork   // the event stream pushes of the current loop job, likewise
	settled  goja.Value // a resolved promise, what push and friends of every event stream return

	mu        sync.Mutex
	closing   *closeCode                 // set by Close: peers that open later are closed with it
	peers     map[*peer]struct{}         // live peers of this generation, for Close
	streams   map[*sse.Stream]struct{}   // open event streams, for Close
	listeners map[*subscription]struct{} // azote.subscribe registrations, stopped by Close
}

// route is one registered default export.
type route struct {
	file       string
	handler    goja.Callable // HTTP handler; nil when the export is not callable
	middleware []step        // the object form's { middleware: [...] }
	websocket  goja.Value    // hooks object or (event) => hooks; nil for HTTP-only routes
	hooks      *goja.Object  // websocket when it is a hooks object (not a function)
	hasUpgrade bool          // hooks has an upgrade hook
	broken     string        // the error a broken route answers 500 with; "" when it loaded
}

// step is one function of a request's chain: a middleware or the route handler.
type step struct {
	fn   goja.Callable
	file string
}

// Load installs the web globals and host modules on gen, evaluates the bundle and records the
// default export of every route. routes[i] describes the bundle's i-th route.
func Load(gen *engine.Generation, bundle string, routes []Route, middleware []string, opts Options) (*App, error) {
	a := &App{gen: gen, log: gen.Logger(), opts: opts, peers: make(map[*peer]struct{}), streams: make(map[*sse.Stream]struct{}),
		listeners: make(map[*subscription]struct{})}
	if a.opts.MaxBodyBytes <= 0 {
		a.opts.MaxBodyBytes = 16 << 20
	}
	if a.opts.HandlerTimeout <= 0 {
		a.opts.HandlerTimeout = engine.DefaultHandlerTimeout
	}
	if err := Precompile(); err != nil { // off the loop, before the job that runs them
		return nil, err
	}
	// The bundle registers (or fails) when its modules have evaluated, which is after its
	// top-level awaits settle: at the end of Eval, or later on the loop.
	var registered goja.Value
	var failed error
	settled := make(chan struct{})
	err := gen.Sync(func(vm *goja.Runtime) error {
		if err := web.Enable(vm); err != nil {
			return fmt.Errorf("web globals: %w", err)
		}
		if err := web.EnableFetch(vm, gen, nil); err != nil {
			return fmt.Errorf("fetch: %w", err)
		}
		if err := a.installProcess(vm); err != nil {
			return fmt.Errorf("process: %w", err)
		}
		if err := a.installHost(vm); err != nil {
			return err
		}
		gen.AfterJob(a.flushCorks)
		if err := vm.Set("__azote_load_failed", func(v goja.Value) {
			failed = errors.New(engine.DescribeValue(vm, v)) // described here: v is only valid on the loop
			close(settled)
		}); err != nil {
			return err
		}
		return vm.Set("__azote_register", func(v goja.Value) {
			registered = v
			close(settled)
		})
	})
	if err != nil {
		return nil, err
	}
	if err := gen.Eval("bundle.js", bundle); err != nil {
		return nil, &LoadError{Err: err}
	}
	if err := a.awaitModules(settled); err != nil {
		return nil, err
	}
	if failed != nil {
		return nil, &LoadError{Err: failed}
	}
	err = gen.Sync(func(vm *goja.Runtime) error {
		reg := registered.ToObject(vm)
		list := reg.Get("routes").ToObject(vm)
		thrown := reg.Get("errors").ToObject(vm)
		for i, r := range routes {
			if r.Broken != "" {
				first, _, _ := strings.Cut(r.Broken, "\n")
				a.routes = append(a.routes, a.brokenRoute(r.File, first, r.Broken))
				continue
			}
			if e := thrown.Get(fmt.Sprint(i)); e != nil {
				a.routes = append(a.routes, a.thrownAtLoad(vm, r.File, e))
				continue
			}
			rt, err := a.classify(vm, r.File, list.Get(fmt.Sprint(i)))
			if err != nil {
				return err
			}
			a.routes = append(a.routes, rt)
		}
		mws := reg.Get("middleware").ToObject(vm)
		for i, file := range middleware {
			fn, err := handlerOf(file, mws.Get(fmt.Sprint(i)))
			if err != nil {
				return err
			}
			a.middleware = append(a.middleware, step{fn: fn, file: file})
		}
		return a.registerRoutes(vm, routes, list, mws)
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// LoadError is an exception thrown while the bundle's modules evaluate.
type LoadError struct{ Err error }

func (e *LoadError) Error() string { return "load app: " + engine.Describe(e.Err) }
func (e *LoadError) Unwrap() error { return e.Err }

// awaitModules waits for the bundle's modules to finish evaluating (settled is closed on the
// loop by the register or load-failed call). A top-level await that has not settled within
// the handler timeout fails the load, as a handler that never answers does.
func (a *App) awaitModules(settled <-chan struct{}) error {
	timer := time.NewTimer(a.opts.HandlerTimeout)
	defer timer.Stop()
	select {
	case <-settled:
		return nil
	case <-timer.C:
		return fmt.Errorf("load app: a top-level await did not settle within %s", a.opts.HandlerTimeout)
	case <-a.gen.Context().Done():
		return fmt.Errorf("load app: the runtime stopped while the modules were evaluating")
	}
}

func (a *App) installHost(vm *goja.Runtime) error {
	jsonObj := vm.Get("JSON").ToObject(vm)
	a.stringify, _ = goja.AssertFunction(jsonObj.Get("stringify"))
	a.parse, _ = goja.AssertFunction(jsonObj.Get("parse"))
	a.then, _ = goja.AssertFunction(vm.Get("Promise").ToObject(vm).Get("prototype").ToObject(vm).Get("then"))
	a.setCtor = vm.Get("Set")
	a.mapCtor = vm.Get("Map")

	h3, err := jsdeps.H3.Load(vm)
	if err != nil {
		return fmt.Errorf("h3: %w", err)
	}
	factory, err := vm.RunProgram(nitroProgram)
	if err != nil {
		return fmt.Errorf("host modules: %w", err)
	}
	native := vm.NewObject()
	native.Set("publish", a.publish)
	native.Set("peers", a.peersOf)
	native.Set("createEventStream", a.createEventStream)
	native.Set("eventStreamBody", a.eventStreamBody)
	native.Set("subscribe", a.subscribe)
	native.Set("dev", a.opts.Dev)
	native.Set("onError", a.onHandlerError)
	rc, err := json.Marshal(a.opts.RuntimeConfig)
	if err != nil || a.opts.RuntimeConfig == nil {
		rc = []byte("{}")
	}
	runtimeConfig, err := a.parse(goja.Undefined(), vm.ToValue(string(rc)))
	if err != nil {
		return fmt.Errorf("runtimeConfig: %w", err)
	}
	native.Set("runtimeConfig", runtimeConfig)
	mk, _ := goja.AssertFunction(factory)
	made, err := mk(goja.Undefined(), h3, native)
	if err != nil {
		return fmt.Errorf("host modules: %w", err)
	}
	glue := made.ToObject(vm)
	if err := vm.Set("__azote_host", glue.Get("host")); err != nil {
		return err
	}
	a.upgradeRequired, _ = goja.AssertFunction(native.Get("upgradeRequired"))
	a.httpError = glue.Get("HTTPError").ToObject(vm)
	a.makeEvent, _ = goja.AssertFunction(glue.Get("newEvent"))
	a.dispatchRoute, _ = goja.AssertFunction(glue.Get("dispatch"))
	a.answerWith, _ = goja.AssertFunction(glue.Get("answer"))
	a.setRoutes, _ = goja.AssertFunction(glue.Get("setRoutes"))

	a.pass, _ = goja.AssertFunction(vm.ToValue(func(goja.FunctionCall) goja.Value { return goja.Undefined() }))
	batch, err := vm.RunString("(function batch(run) { run(); })")
	if err != nil {
		return err
	}
	a.batch, _ = goja.AssertFunction(batch)
	a.runBatch = vm.ToValue(a.runBatchItems)
	a.peerProto = a.newPeerPrototype(vm)
	a.messageProto = a.newMessagePrototype(vm)
	return nil
}

func (a *App) classify(vm *goja.Runtime, file string, v goja.Value) (*route, error) {
	rt := &route{file: file}
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, fmt.Errorf("%s: no default export handler (export default defineHandler(...) or defineWebSocketHandler(...))", file)
	}
	// A function, or the object form { handler, middleware } / { websocket }. The WebSocket
	// hooks ride on the function defineWebSocketHandler returned, wherever it sits.
	holder := obj
	if fn, ok := goja.AssertFunction(obj); ok {
		rt.handler = fn
	} else if fetch, ok := goja.AssertFunction(obj.Get("fetch")); ok && obj.Get("handler") == nil {
		rt.handler = fetch // a { fetch } object (an app of another framework); h3 calls it
	} else if h, ok := obj.Get("handler").(*goja.Object); ok {
		rt.handler, _ = goja.AssertFunction(h)
		holder = h
		if list, ok := obj.Get("middleware").(*goja.Object); ok {
			for _, k := range list.Keys() {
				mw, err := handlerOf(file, list.Get(k))
				if err != nil {
					return nil, err
				}
				rt.middleware = append(rt.middleware, step{fn: mw, file: file})
			}
		}
	}
	if w, ok := holder.Get("__azoteWebSocket").(*goja.Object); ok {
		rt.websocket = w.Get("hooks")
	} else if ws, ok := obj.Get("websocket").(*goja.Object); ok && rt.handler == nil {
		rt.websocket = ws
	}
	if rt.handler == nil && rt.websocket == nil {
		return nil, fmt.Errorf("%s: the default export is neither a handler function nor { handler } nor a WebSocket handler", file)
	}
	if h, ok := rt.websocket.(*goja.Object); ok {
		if _, isFn := goja.AssertFunction(h); !isFn {
			rt.hooks = h
			rt.hasUpgrade = hook(h, "upgrade") != nil
		}
	}
	return rt, nil
}

// registerRoutes gives the h3 app its route table: the default export of each route, with its
// pattern and file, and the middleware/ exports. Loop only.
func (a *App) registerRoutes(vm *goja.Runtime, routes []Route, exports, middleware *goja.Object) error {
	list := make([]any, len(routes))
	for i, r := range routes {
		o := vm.NewObject()
		o.Set("handler", exports.Get(fmt.Sprint(i)))
		o.Set("route", r.Pattern)
		o.Set("file", r.File)
		list[i] = o
	}
	mws := make([]any, len(a.middleware))
	for i := range a.middleware {
		mws[i] = middleware.Get(fmt.Sprint(i))
	}
	if _, err := a.setRoutes(goja.Undefined(), vm.NewArray(list...), vm.NewArray(mws...)); err != nil {
		return fmt.Errorf("route table: %w", err)
	}
	return nil
}

// onHandlerError is the h3 app's onError. An unhandled error (or any 5xx) is logged with the
// route it happened on. What it returns replaces the error in the answer: JSON nested past
// azote's limit is the client's fault (400, as h3's readBody answers unparsable JSON), and in
// dev an unhandled error shows its message and source-mapped stack, as Nitro's dev handler
// does; otherwise the answer is h3's.
func (a *App) onHandlerError(call goja.FunctionCall) goja.Value {
	vm := a.gen.Runtime()
	err, _ := call.Argument(0).(*goja.Object)
	if err == nil {
		return goja.Undefined()
	}
	unhandled := truthy(err.Get("unhandled"))
	e := goja.Value(err)
	if cause := err.Get("cause"); unhandled && cause != nil && !goja.IsUndefined(cause) {
		e = cause // h3 wraps what was thrown; the log shows that, with its stack
	}
	if unhandled && engine.IsJSONTooDeep(e) {
		return a.newHTTPError(vm, map[string]any{"status": http.StatusBadRequest, "statusText": "Bad Request",
			"message": fmt.Sprintf("Invalid JSON body: nested deeper than %d levels", engine.MaxJSONDepth)})
	}
	if status := err.Get("status"); !unhandled && status != nil && status.ToInteger() < 500 {
		return goja.Undefined()
	}
	file := ""
	if m, ok := call.Argument(1).(*goja.Object); ok {
		file = m.Get("file").String()
	}
	desc := engine.DescribeValue(vm, e)
	a.log.Error("handler threw", "route", file, "error", desc)
	if !a.opts.Dev || !unhandled {
		return goja.Undefined()
	}
	resp := a.devError(vm, desc, e)
	res, rerr := vm.New(vm.Get("Response"), vm.ToValue(string(resp.Body)), vm.ToValue(map[string]any{
		"status": resp.Status, "headers": map[string]any{"content-type": resp.Header.Get("Content-Type")}}))
	if rerr != nil {
		panic(rerr)
	}
	return res
}

// newHTTPError is new HTTPError(details) of h3. Loop only.
func (a *App) newHTTPError(vm *goja.Runtime, details map[string]any) goja.Value {
	d := vm.NewObject()
	for k, v := range details {
		d.Set(k, v)
	}
	e, err := vm.New(a.httpError, d)
	if err != nil {
		panic(err)
	}
	return e
}

func truthy(v goja.Value) bool { return v != nil && v.ToBoolean() }

// handlerOf reads a middleware export: a function or { handler }.
func handlerOf(file string, v goja.Value) (goja.Callable, error) {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil, fmt.Errorf("%s: the default export is not a handler function", file)
	}
	if fn, ok := goja.AssertFunction(obj); ok {
		return fn, nil
	}
	if fn, ok := goja.AssertFunction(obj.Get("handler")); ok {
		return fn, nil
	}
	return nil, fmt.Errorf("%s: the default export is neither a function nor { handler }", file)
}

// IsWebSocket reports whether route i accepts WebSocket upgrades.
func (a *App) IsWebSocket(i int) bool { return a.routes[i].websocket != nil }

// Close ends the generation's connections: every live peer is closed with code and reason
// (1012 on reload, 1001 on shutdown; their close hooks still run), every event stream ends
// (EventSource clients reconnect), and azote.subscribe listeners stop.
func (a *App) Close(code int, reason string) {
	a.mu.Lock()
	if a.closing == nil {
		a.closing = &closeCode{code, reason}
	}
	peers := make([]*peer, 0, len(a.peers))
	for p := range a.peers {
		peers = append(peers, p)
	}
	streams := make([]*sse.Stream, 0, len(a.streams))
	for s := range a.streams {
		streams = append(streams, s)
	}
	listeners := make([]*subscription, 0, len(a.listeners))
	for sub := range a.listeners {
		listeners = append(listeners, sub)
	}
	clear(a.listeners)
	a.mu.Unlock()
	for _, p := range peers {
		p.conn.Close(code, reason)
	}
	for _, s := range streams {
		s.Close()
	}
	for _, sub := range listeners {
		sub.stop()
	}
}

// PeerCount is the number of live peers of this generation.
func (a *App) PeerCount() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.peers)
}

// closeCode is the close frame every peer of a closed App gets.
type closeCode struct {
	code   int
	reason string
}

// track adds a peer that just opened. It returns the App's close code when Close came first: a
// handshake that finished before Close but whose open job ran after it must not be missed,
// or the peer would be cut off (1006) when the generation is released.
func (a *App) track(p *peer) *closeCode {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.peers[p] = struct{}{}
	return a.closing
}

func (a *App) untrack(p *peer) {
	a.mu.Lock()
	delete(a.peers, p)
	a.mu.Unlock()
}

// settle calls ok with v, or with what v resolves to when it is a promise; fail gets a rejection.
// Loop only.
func (a *App) settle(vm *goja.Runtime, v goja.Value, ok func(goja.Value), fail func(goja.Value)) {
	p, isPromise := asPromise(v)
	if !isPromise {
		ok(v)
		return
	}
	switch p.State() {
	case goja.PromiseStateFulfilled:
		ok(p.Result())
	case goja.PromiseStateRejected:
		// Attach a handler so the engine does not report it as unhandled.
		a.then(v, goja.Undefined(), vm.ToValue(func(goja.Value) {}))
		fail(p.Result())
	default:
		a.then(v,
			vm.ToValue(func(r goja.Value) { ok(r) }),
			vm.ToValue(func(e goja.Value) { fail(e) }))
	}
}

// thrown is the JavaScript value an error from a call carries (the exception value, a
// RangeError for a stack overflow, or a Go error turned into a JS Error).
func thrown(vm *goja.Runtime, err error) goja.Value {
	if ex, ok := err.(*goja.Exception); ok {
		return ex.Value()
	}
	if engine.IsStackOverflow(err) {
		return engine.StackOverflowValue(vm, err)
	}
	return vm.NewGoError(err)
}

var promiseType = reflect.TypeOf((*goja.Promise)(nil))

// asPromise avoids Export on ordinary objects, which would copy them into Go maps.
func asPromise(v goja.Value) (*goja.Promise, bool) {
	obj, ok := v.(*goja.Object)
	if !ok || obj.ExportType() != promiseType {
		return nil, false
	}
	p, ok := obj.Export().(*goja.Promise)
	return p, ok
}
