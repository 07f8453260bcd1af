package bindings

import (
	"bufio"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"

	"github.com/dop251/goja"

	"github.com/azote-dev/azote/bindings/web"
	"github.com/azote-dev/azote/engine"
)

var (
	errUpgradeTimeout = errors.New("upgrade did not settle within the handler timeout")
	errGenerationGone = errors.New("the generation was released")
)

// pendingUpgrade carries an accepted upgrade from the loop to the handshake and back.
type pendingUpgrade struct {
	route   *route
	hooks   *goja.Object
	context *goja.Object // peer.context from upgrade's result; nil when it gave none
	request *goja.Object
	// For an upgrade without an event: the route params, and request.context as made for them.
	params       map[string]string
	plainContext *goja.Object
	header       http.Header // the request's own map: net/http does not reuse it after a hijack
	host         string
	url          string // http://host/path?query, for peer.request
	wsURL        string
	remoteIP     string
	namespace    string
	response     http.Header // headers for the 101 answer
	reject       *web.ResponseParts
}

// Upgrade answers a WebSocket upgrade request for route i (SPEC 3): it resolves the hooks, awaits
// upgrade(request), then either rejects with the hook's Response or completes the handshake and
// calls open(peer). It returns once the handshake is done; the connection lives on.
func (a *App) Upgrade(w http.ResponseWriter, r *http.Request, i int, params map[string]string) {
	rt := a.routes[i]
	if rt.websocket == nil {
		http.Error(w, "Not Found", http.StatusNotFound)
		return
	}
	up := &pendingUpgrade{route: rt, header: r.Header, host: r.Host, namespace: r.URL.Path, remoteIP: a.remoteIP(r)}
	up.url = "http://" + r.Host + r.URL.RequestURI()
	up.wsURL = "ws://" + r.Host + r.URL.RequestURI()
	if r.TLS != nil {
		up.url = "https://" + r.Host + r.URL.RequestURI()
		up.wsURL = "wss://" + r.Host + r.URL.RequestURI()
	}
	// Fast path: static hooks without upgrade() and no middleware need no JavaScript before
	// the handshake; the peer's request and context are made when first read.
	if rt.hooks != nil && !rt.hasUpgrade && len(a.middleware) == 0 && len(rt.middleware) == 0 {
		up.hooks = rt.hooks
		a.accept(w, r, up)
		return
	}
	decided := make(chan error, 1)
	answered := false // loop only: a decision went to decided, or nobody waits for one
	var stopTimer func()
	ok := a.gen.Run(func(vm *goja.Runtime) {
		decide := func(err error) {
			if answered {
				if up.reject != nil && up.reject.Stream != nil {
					web.CancelStream(vm, up.reject.Stream, "upgrade already answered")
				}
				return
			}
			answered = true
			if stopTimer != nil {
				stopTimer()
			}
			decided <- err
		}
		a.gen.Serving(rt.file)
		defer a.lastResort(rt.file, func() { decide(errAnswerPanicked) })
		a.resolveUpgrade(vm, r, params, up, decide)
		if answered {
			return
		}
		stopTimer = a.afterHandlerTimeout(func(*goja.Runtime) {
			if answered {
				return
			}
			a.log.Error("websocket upgrade timed out: its promise did not settle within the handler timeout",
				"route", rt.file, "timeout", a.opts.HandlerTimeout)
			decide(errUpgradeTimeout)
		}, func() {
			select {
			case decided <- errGenerationGone:
			default:
			}
		})
	})
	if !ok {
		http.Error(w, "Service Restarting", http.StatusServiceUnavailable)
		return
	}
	var err error
	select {
	case err = <-decided:
	case <-a.gen.Context().Done():
		http.Error(w, "Service Restarting", http.StatusServiceUnavailable)
		return
	case <-r.Context().Done():
		a.gen.Run(func(*goja.Runtime) {
			answered = true
			if stopTimer != nil {
				stopTimer()
			}
		})
		return
	}
	if err == errGenerationGone {
		http.Error(w, "Service Restarting", http.StatusServiceUnavailable)
		return
	}
	if err != nil {
		http.Error(w, "Internal Server Error", http.StatusInternalServerError)
		return
	}
	if up.reject != nil {
		if up.reject.Stream != nil {
			// A rejection is answered whole; its streamed body is not read.
			stream := up.reject.Stream
			a.gen.Run(func(vm *goja.Runtime) { web.CancelStream(vm, stream, "upgrade rejected") })
		}
		writeResponse(w, up.reject)
		return
	}
	a.accept(w, r, up)
}

// accept completes the handshake and opens the peer on the loop.
func (a *App) accept(w http.ResponseWriter, r *http.Request, up *pendingUpgrade) {
	rt := up.route
	ticket := a.opening.take()
	conn, err := a.opts.WS.Upgrade(w, r, up.response, up.namespace)
	if err != nil {
		a.opening.done(a, ticket, nil)
		a.log.Debug("websocket handshake failed", "route", rt.file, "error", err)
		return
	}
	started := a.opening.done(a, ticket, func(vm *goja.Runtime) {
		p := a.newPeer(vm, up, conn)
		conn.SetValue(p)
		closing := a.track(p)
		conn.StartOn(a.opts.Poller, a)
		if p.onOpen != nil {
			a.callHook(vm, p, "open", p.onOpen, p.object())
		}
		if closing != nil {
			conn.Close(closing.code, closing.reason)
		}
	})
	if !started {
		conn.Close(1012, "Service Restart")
	}
}

// resolveUpgrade runs on the loop: hooks, then upgrade(request), then done(nil) with up filled
// in, or done(err) for a 500.
func (a *App) resolveUpgrade(vm *goja.Runtime, r *http.Request, params map[string]string, up *pendingUpgrade, done func(error)) {
	req, err := newRequest(vm, r.Method, r.Host, up.url, r.Header, nil)
	if err != nil {
		done(err)
		return
	}
	// Middleware sees upgrades too; what it puts in event.context, upgrade(request) reads as
	// request.context. Without middleware or a hooks resolver nothing else sees the event, so
	// only its context is made (an event costs a good part of a handshake's JavaScript).
	mws := append(append([]step(nil), a.middleware...), up.route.middleware...)
	_, resolver := goja.AssertFunction(up.route.websocket)
	var event *goja.Object
	if len(mws) > 0 || resolver {
		event, err = a.newEvent(vm, req, params, up.remoteIP)
		if err != nil {
			done(err)
			return
		}
		req.Set("context", event.Get("context"))
	} else {
		up.params = params
		up.plainContext = eventContext(vm, params, up.remoteIP)
		req.Set("context", up.plainContext)
	}
	up.request = req

	// What the hooks return or throw is read under engine.Guard: a value whose reading throws
	// (a getter, a Proxy trap) is a logged 500, not a panic that leaves the upgrade waiting.
	// These run later for a promise, so each has its own last resort.
	fail := func(what string, v goja.Value) {
		defer a.lastResort(up.route.file, func() { done(errAnswerPanicked) })
		var resp *web.ResponseParts
		ok := false
		if err := engine.Guard(vm, func() error { resp, ok = rejection(vm, v); return nil }); err == nil && ok {
			up.reject = resp
			done(nil)
			return
		}
		a.log.Error("websocket "+what+" failed", "route", up.route.file, "error", engine.DescribeValue(vm, v))
		done(fmt.Errorf("%s failed", what))
	}
	callErr := func(what string, err error) {
		if reason, interrupted := engine.Interruption(err); interrupted {
			a.log.Error("websocket "+what+" interrupted ("+reason+")", "route", up.route.file, "error", engine.DescribeError(vm, err))
			done(err)
			return
		}
		fail(what, thrown(vm, err))
	}

	withHooks := func(h goja.Value) {
		defer a.lastResort(up.route.file, func() { done(errAnswerPanicked) })
		hooks, ok := h.(*goja.Object)
		if !ok {
			a.log.Error("websocket handler resolved to no hooks object", "route", up.route.file)
			done(fmt.Errorf("no hooks"))
			return
		}
		up.hooks = hooks
		var upgrade goja.Callable
		if err := engine.Guard(vm, func() error { upgrade = hook(hooks, "upgrade"); return nil }); err != nil {
			fail("hooks resolver", thrown(vm, err))
			return
		}
		if upgrade == nil {
			done(nil)
			return
		}
		res, err := upgrade(hooks, req)
		if err != nil {
			callErr("upgrade hook", err)
			return
		}
		a.settle(vm, res, func(v goja.Value) {
			defer a.lastResort(up.route.file, func() { done(errAnswerPanicked) })
			err := engine.Guard(vm, func() error {
				if resp, ok := web.AsResponse(vm, v); ok {
					up.reject = resp
					return nil
				}
				return a.applyUpgradeResult(vm, v, up)
			})
			if ex, ok := err.(*goja.Exception); ok {
				err = fmt.Errorf("reading it threw: %s", engine.DescribeValue(vm, ex.Value()))
			}
			if err != nil {
				a.log.Error("websocket upgrade hook returned a bad value", "route", up.route.file, "error", err)
				done(err)
				return
			}
			done(nil)
		}, func(e goja.Value) { fail("upgrade hook", e) })
	}

	resolveHooks := func() {
		if resolve, ok := goja.AssertFunction(up.route.websocket); ok {
			h, err := resolve(goja.Undefined(), event)
			if err != nil {
				callErr("hooks resolver", err)
				return
			}
			a.settle(vm, h, withHooks, func(e goja.Value) { fail("hooks resolver", e) })
			return
		}
		withHooks(up.route.websocket)
	}

	if len(mws) == 0 {
		resolveHooks()
		return
	}
	mws = append(mws, step{fn: a.pass, file: up.route.file})
	a.runChain(vm, mws, event, 0, func(v goja.Value, file string) {
		defer a.lastResort(file, func() { done(errAnswerPanicked) })
		if goja.IsUndefined(v) {
			resolveHooks()
			return
		}
		// A middleware answered: no upgrade.
		ans, _ := a.readAnswer(vm, file, func() answer { return answer{resp: a.fromReturn(vm, file, event, v)} })
		up.reject = ans.resp
		done(nil)
	}, func(e goja.Value, file string, err error) {
		defer a.lastResort(file, func() { done(errAnswerPanicked) })
		if _, interrupted := engine.Interruption(err); interrupted {
			callErr("middleware", err)
			return
		}
		ans, _ := a.readAnswer(vm, file, func() answer { return answer{resp: a.fromThrown(vm, file, event, e)} })
		up.reject = ans.resp
		done(nil)
	})
}

// pristineContext reports whether ctx is the request context made for an upgrade without an
// event and still exactly as made ({ params, clientAddress }, same values): it can then be made
// again on first use instead of kept.
func (up *pendingUpgrade) pristineContext(ctx goja.Value) bool {
	c, ok := ctx.(*goja.Object)
	if !ok || c != up.plainContext {
		return false
	}
	if keys := c.Keys(); len(keys) != 2 || keys[0] != "params" || keys[1] != "clientAddress" {
		return false
	}
	if ip := c.Get("clientAddress"); ip == nil || ip.String() != up.remoteIP {
		return false
	}
	params, ok := c.Get("params").(*goja.Object)
	if !ok {
		return false
	}
	keys := params.Keys()
	if len(keys) != len(up.params) {
		return false
	}
	for _, k := range keys {
		v, ok := up.params[k]
		if got := params.Get(k); !ok || got == nil || got.String() != v {
			return false
		}
	}
	return true
}

// applyUpgradeResult reads { headers, namespace, context, protocol } (SPEC 3).
func (a *App) applyUpgradeResult(vm *goja.Runtime, v goja.Value, up *pendingUpgrade) error {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil // nothing, or a primitive: accept with defaults
	}
	if h := obj.Get("headers"); h != nil && !goja.IsUndefined(h) {
		hdr, err := web.Header(vm, h)
		if err != nil {
			return fmt.Errorf("headers: %w", err)
		}
		up.response = hdr
	}
	if ns := obj.Get("namespace"); ns != nil && !goja.IsUndefined(ns) && !goja.IsNull(ns) {
		up.namespace = ns.String()
	}
	if c, ok := obj.Get("context").(*goja.Object); ok {
		if up.context == nil {
			up.context = vm.NewObject()
		}
		for _, k := range c.Keys() {
			up.context.Set(k, c.Get(k))
		}
	}
	if p := obj.Get("protocol"); p != nil && !goja.IsUndefined(p) && !goja.IsNull(p) {
		if up.response == nil {
			up.response = http.Header{}
		}
		up.response.Set("Sec-WebSocket-Protocol", p.String())
	}
	// gorilla refuses to pass extension headers through; azote negotiates none.
	if up.response != nil {
		up.response.Del("Sec-WebSocket-Extensions")
	}
	return nil
}

// rejection reads a thrown Response, or a thrown object carrying one in `response`.
func rejection(vm *goja.Runtime, v goja.Value) (*web.ResponseParts, bool) {
	if resp, ok := web.AsResponse(vm, v); ok {
		return resp, true
	}
	if obj, ok := v.(*goja.Object); ok {
		if r := obj.Get("response"); r != nil {
			return web.AsResponse(vm, r)
		}
	}
	return nil, false
}

// writeResponse writes a response with its exact status text. net/http always sends the
// standard reason phrase, so a custom one is written on the raw connection.
func writeResponse(w http.ResponseWriter, resp *web.ResponseParts) {
	status := resp.Status
	if status == 0 {
		status = http.StatusOK
	}
	h := w.Header()
	for k, v := range resp.Header {
		h[k] = v
	}
	noSniff(h)
	if resp.StatusText == "" || resp.StatusText == http.StatusText(status) {
		// A body-less answer (HEAD, null body) keeps the length its handler declared, as
		// serveStatic does for HEAD.
		if _, declared := h["Content-Length"]; !declared || resp.Body != nil {
			h.Set("Content-Length", strconv.Itoa(len(resp.Body)))
		}
		w.WriteHeader(status)
		w.Write(resp.Body)
		return
	}
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		w.WriteHeader(status)
		w.Write(resp.Body)
		return
	}
	defer conn.Close()
	writeRaw(buf.Writer, status, resp.StatusText, h, resp.Body)
}

// noSniff keeps a response without a Content-Type without one, as Node sends it: net/http
// would otherwise guess one from the body's first bytes.
func noSniff(h http.Header) {
	if _, ok := h["Content-Type"]; !ok {
		h["Content-Type"] = nil
	}
}

func writeRaw(bw *bufio.Writer, status int, text string, h http.Header, body []byte) {
	text = strings.NewReplacer("\r", "", "\n", "").Replace(text)
	fmt.Fprintf(bw, "HTTP/1.1 %03d %s\r\n", status, text)
	h.Del("Transfer-Encoding")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	h.Set("Connection", "close")
	if h.Get("Date") == "" {
		h.Set("Date", nowHTTP())
	}
	h.Write(bw)
	bw.WriteString("\r\n")
	bw.Write(body)
	bw.Flush()
}

// remoteIP is the client address without the port: the first X-Forwarded-For entry when the
// server is told to trust it (behind a proxy), else the TCP peer.
func (a *App) remoteIP(r *http.Request) string {
	if a.opts.TrustForwardedFor {
		if xff := r.Header.Get("X-Forwarded-For"); xff != "" {
			first, _, _ := strings.Cut(xff, ",")
			if ip := strings.TrimSpace(first); ip != "" {
				return ip
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// newRequest is a web Request. Go keeps Host out of the header map; JavaScript sees it.
func newRequest(vm *goja.Runtime, method, host, url string, header http.Header, body []byte) (*goja.Object, error) {
	h := make(http.Header, len(header)+1)
	h.Set("Host", host)
	for k, v := range header {
		h[k] = v
	}
	return web.NewRequest(vm, method, url, h, body)
}

// requestURL is r's absolute URL as JavaScript sees it.
func requestURL(r *http.Request) string {
	if r.TLS != nil {
		return "https://" + r.Host + r.URL.RequestURI()
	}
	return "http://" + r.Host + r.URL.RequestURI()
}
