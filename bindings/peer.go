package bindings

import (
	"crypto/rand"
	"fmt"
	"net/http"
	"strings"

	"github.com/dop251/goja"

	"github.com/azote-dev/azote/bindings/web"
	"github.com/azote-dev/azote/engine"
	"github.com/azote-dev/azote/ws"
)

// peer is the crossws Peer a hook receives. It is a goja dynamic object: its properties are
// read from the connection when asked, so a peer costs one Go struct and one JS object, and its
// methods live once on a shared prototype. Loop only, except conn which is safe anywhere.
type peer struct {
	app  *App
	conn *ws.Conn
	obj  *goja.Object // made when JavaScript first sees the peer: idle peers cost no JS object
	id   goja.Value   // made with obj
	file string

	hooks                              *goja.Object
	onOpen, onMessage, onClose, onFail goja.Callable

	context   *goja.Object      // created on first use when upgrade gave none
	request   *goja.Object      // created on first use unless the upgrade hook's had to be kept
	reqCtx    goja.Value        // the upgrade request's context, for the request made on first use
	params    map[string]string // the route params, for a request context made on first use
	websocket *goja.Object      // created on first use
	header    headerPairs       // the upgrade request's headers, compact: a peer may idle for hours
	host, url string
	wsURL     string
	remoteIP  string
	props     map[string]goja.Value
}

// peerFields are the crossws Peer properties; they are read-only like crossws' getters.
var peerFields = map[string]bool{
	"id": true, "namespace": true, "context": true, "request": true, "peers": true,
	"topics": true, "remoteAddress": true, "websocket": true, "bufferedAmount": true,
}

func (p *peer) requestHeader(name string) string { return p.header.get(name) }

// headerPairs is a request's header as name, value, name, value...: a quarter of the memory
// of the http.Header map it comes from.
type headerPairs []string

func compactHeader(h http.Header) headerPairs {
	n := 0
	for _, vs := range h {
		n += 2 * len(vs)
	}
	pairs := make(headerPairs, 0, n)
	for k, vs := range h {
		for _, v := range vs {
			pairs = append(pairs, k, v)
		}
	}
	return pairs
}

func (hp headerPairs) get(name string) string {
	name = http.CanonicalHeaderKey(name)
	var values []string
	for i := 0; i+1 < len(hp); i += 2 {
		if hp[i] == name {
			values = append(values, hp[i+1])
		}
	}
	return strings.Join(values, ", ")
}

func (hp headerPairs) httpHeader() http.Header {
	h := make(http.Header, len(hp)/2)
	for i := 0; i+1 < len(hp); i += 2 {
		h[hp[i]] = append(h[hp[i]], hp[i+1])
	}
	return h
}

func (p *peer) Get(key string) goja.Value {
	switch key {
	case "id":
		return p.idValue()
	case "namespace":
		return p.app.gen.Runtime().ToValue(p.conn.Namespace())
	case "context":
		if p.context == nil {
			p.context = p.app.gen.Runtime().NewObject()
		}
		return p.context
	case "request":
		if p.request == nil {
			req, err := newRequest(p.app.gen.Runtime(), http.MethodGet, p.host, p.url, p.header.httpHeader(), nil)
			if err != nil {
				panic(err)
			}
			if p.reqCtx == nil {
				p.reqCtx = eventContext(p.app.gen.Runtime(), p.params, p.remoteIP)
			}
			req.Set("context", p.reqCtx)
			p.reqCtx = nil
			p.request = req
		}
		return p.request
	case "peers":
		return p.app.peerSet(p.conn.Namespace())
	case "topics":
		vm := p.app.gen.Runtime()
		topics := p.conn.Topics()
		vals := make([]any, len(topics))
		for i, t := range topics {
			vals[i] = t
		}
		set, _ := vm.New(p.app.setCtor, vm.NewArray(vals...))
		return set
	case "bufferedAmount":
		return p.app.gen.Runtime().ToValue(p.conn.BufferedAmount())
	case "remoteAddress":
		return p.app.gen.Runtime().ToValue(p.remoteIP)
	case "websocket":
		if p.websocket == nil {
			p.websocket = p.app.newWebSocketView(p)
		}
		return p.websocket
	}
	return p.props[key]
}

func (p *peer) Set(key string, val goja.Value) bool {
	if peerFields[key] {
		return false
	}
	if p.props == nil {
		p.props = make(map[string]goja.Value)
	}
	p.props[key] = val
	return true
}

func (p *peer) Has(key string) bool {
	if peerFields[key] {
		return true
	}
	_, ok := p.props[key]
	return ok
}

func (p *peer) Delete(key string) bool {
	if peerFields[key] {
		return false
	}
	delete(p.props, key)
	return true
}

func (p *peer) Keys() []string {
	keys := []string{"id", "namespace"}
	for k := range p.props {
		keys = append(keys, k)
	}
	return keys
}

// thisPeer is the receiver of a Peer method.
func (a *App) thisPeer(vm *goja.Runtime, call goja.FunctionCall) *peer {
	if obj, ok := call.This.(*goja.Object); ok {
		if p, ok := obj.Export().(*peer); ok {
			return p
		}
	}
	panic(vm.NewTypeError("Peer method called on something that is not a peer"))
}

// newPeerPrototype builds the methods every peer shares.
func (a *App) newPeerPrototype(vm *goja.Runtime) *goja.Object {
	proto := vm.NewObject()
	method := func(name string, fn func(p *peer, call goja.FunctionCall) goja.Value) {
		proto.Set(name, func(call goja.FunctionCall) goja.Value { return fn(a.thisPeer(vm, call), call) })
	}
	method("send", func(p *peer, call goja.FunctionCall) goja.Value {
		if s, ok := call.Argument(0).(goja.String); ok {
			return vm.ToValue(a.cork.SendText(p.conn, s.String()))
		}
		data, binary := a.encode(vm, call.Argument(0))
		return vm.ToValue(a.cork.Send(p.conn, binary, data))
	})
	method("publish", func(p *peer, call goja.FunctionCall) goja.Value {
		data, binary := a.encode(vm, call.Argument(1))
		a.cork.Publish(p.conn, call.Argument(0).String(), binary, data)
		return goja.Undefined()
	})
	method("subscribe", func(p *peer, call goja.FunctionCall) goja.Value {
		p.conn.Subscribe(call.Argument(0).String())
		return goja.Undefined()
	})
	method("unsubscribe", func(p *peer, call goja.FunctionCall) goja.Value {
		p.conn.Unsubscribe(call.Argument(0).String())
		return goja.Undefined()
	})
	method("close", func(p *peer, call goja.FunctionCall) goja.Value {
		code := ws.CloseNoStatus // like Node's ws.close(): a close frame without a code
		if c := call.Argument(0); !goja.IsUndefined(c) && !goja.IsNull(c) {
			code = int(c.ToInteger())
		}
		reason := ""
		if r := call.Argument(1); !goja.IsUndefined(r) && !goja.IsNull(r) {
			reason = r.String()
		}
		p.conn.Close(code, reason)
		return goja.Undefined()
	})
	method("terminate", func(p *peer, call goja.FunctionCall) goja.Value {
		p.conn.Terminate()
		return goja.Undefined()
	})
	method("ping", func(p *peer, call goja.FunctionCall) goja.Value {
		data, _ := a.encode(vm, call.Argument(0))
		p.conn.Ping(data)
		return goja.Undefined()
	})
	method("waitForDrain", func(p *peer, call goja.FunctionCall) goja.Value {
		threshold := 0
		var signal *goja.Object
		if o, ok := call.Argument(0).(*goja.Object); ok {
			if t := o.Get("threshold"); t != nil && !goja.IsUndefined(t) {
				threshold = int(t.ToInteger())
			}
			signal, _ = o.Get("signal").(*goja.Object)
		}
		promise, resolve, reject := vm.NewPromise()
		settled := false // loop only
		settle := func(fn func(any) error, v goja.Value) {
			if !settled {
				settled = true
				fn(v)
			}
		}
		if signal != nil && signal.Get("aborted").ToBoolean() {
			settle(reject, signal.Get("reason"))
			return vm.ToValue(promise)
		}
		cancel := p.conn.WaitDrain(threshold, func() {
			a.gen.Run(func(*goja.Runtime) { settle(resolve, goja.Undefined()) })
		})
		if signal != nil {
			if add, ok := goja.AssertFunction(signal.Get("addEventListener")); ok {
				add(signal, vm.ToValue("abort"), vm.ToValue(func(goja.FunctionCall) goja.Value {
					cancel()
					settle(reject, signal.Get("reason"))
					return goja.Undefined()
				}))
			}
		}
		return vm.ToValue(promise)
	})
	method("toString", func(p *peer, call goja.FunctionCall) goja.Value { return p.idValue() })
	method("toJSON", func(p *peer, call goja.FunctionCall) goja.Value {
		o := vm.NewObject()
		o.Set("id", p.idValue())
		o.Set("namespace", p.conn.Namespace())
		return o
	})
	return proto
}

// encode turns what a hook passes to send/publish into frame bytes: strings as text, bytes as
// binary, null/undefined as empty text, other primitives as their string, objects and arrays
// as JSON text (SPEC 4).
func (a *App) encode(vm *goja.Runtime, v goja.Value) ([]byte, bool) {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return nil, false
	}
	obj, isObj := v.(*goja.Object)
	if !isObj {
		return []byte(v.String()), false
	}
	if b, ok := web.Bytes(vm, obj); ok {
		return b, true
	}
	s, err := a.stringify(goja.Undefined(), obj)
	if err != nil {
		panic(err)
	}
	if goja.IsUndefined(s) {
		return nil, false
	}
	return []byte(s.String()), false
}

// peerSet is a Set of the live peers of a namespace, in connect order.
func (a *App) peerSet(namespace string) goja.Value {
	vm := a.gen.Runtime()
	conns := a.opts.WS.Hub().Peers(namespace)
	vals := make([]any, 0, len(conns))
	for _, c := range conns {
		if p, ok := c.Value().(*peer); ok {
			vals = append(vals, p.object())
		}
	}
	set, err := vm.New(a.setCtor, vm.NewArray(vals...))
	if err != nil {
		panic(err)
	}
	return set
}

// newPeer makes the JS peer for an accepted connection. Loop only.
func (a *App) newPeer(vm *goja.Runtime, up *pendingUpgrade, conn *ws.Conn) *peer {
	p := &peer{
		app: a, conn: conn, file: up.route.file,
		hooks: up.hooks, context: up.context,
		header: compactHeader(up.header), host: up.host, url: up.url, wsURL: up.wsURL, remoteIP: up.remoteIP,
		params: up.params,
	}
	if up.request != nil {
		// The Request upgrade(request) saw is a few kilobytes of JavaScript objects, kept for
		// the life of the connection. Unless the hook gave it properties of its own,
		// peer.request is made again on first use from the compact headers (with the same
		// context), which a peer that never reads it never pays for.
		if keys := up.request.Keys(); len(keys) == 1 && keys[0] == "context" {
			if ctx := up.request.Get("context"); !up.pristineContext(ctx) {
				p.reqCtx = ctx
			}
		} else {
			p.request = up.request
		}
	}
	p.onOpen = hook(up.hooks, "open")
	p.onMessage = hook(up.hooks, "message")
	p.onClose = hook(up.hooks, "close")
	p.onFail = hook(up.hooks, "error")
	return p
}

// object is the peer's JS object, made on first use. Loop only.
func (p *peer) object() *goja.Object {
	if p.obj == nil {
		p.obj = p.app.gen.Runtime().NewDynamicObject(p)
		p.obj.SetPrototype(p.app.peerProto)
	}
	return p.obj
}

// idValue is the peer's id (a random UUID v4), made on first use. Loop only.
func (p *peer) idValue() goja.Value {
	if p.id == nil {
		p.id = p.app.gen.Runtime().ToValue(newUUID())
	}
	return p.id
}

func hook(hooks *goja.Object, name string) goja.Callable {
	if hooks == nil {
		return nil
	}
	fn, _ := goja.AssertFunction(hooks.Get(name))
	return fn
}

// callHook runs one hook of a peer. An exception or a rejected promise is logged with its
// source-mapped stack and the connection stays; a call interrupted for running too long closes
// the peer with 1011 (SPEC 3, 11). Loop only.
func (a *App) callHook(vm *goja.Runtime, p *peer, name string, fn goja.Callable, args ...goja.Value) {
	a.gen.Serving(p.file)
	res, err := fn(p.hooks, args...)
	if err != nil {
		if reason, interrupted := engine.Interruption(err); interrupted {
			a.log.Error("websocket hook interrupted ("+reason+"); closing the peer with 1011",
				"hook", name, "route", p.file, "peer", p.idValue().String(), "error", engine.DescribeError(vm, err))
			p.conn.Close(1011, reason)
			return
		}
		a.log.Error("websocket hook threw", "hook", name, "route", p.file, "peer", p.idValue().String(), "error", engine.DescribeError(vm, err))
		return
	}
	if _, ok := asPromise(res); ok {
		a.settle(vm, res, func(goja.Value) {}, func(e goja.Value) {
			a.log.Error("websocket hook rejected", "hook", name, "route", p.file, "peer", p.idValue().String(),
				"error", engine.DescribeValue(vm, e))
		})
	}
}

// newUUID is a random RFC 4122 version 4 UUID.
func newUUID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
