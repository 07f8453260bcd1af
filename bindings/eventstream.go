package bindings

import (
	"math"

	"github.com/dop251/goja"

	"github.com/azote-dev/azote/bindings/web"
	"github.com/azote-dev/azote/engine"
	"github.com/azote-dev/azote/sse"
)

// eventStream is h3's EventStream (createEventStream(event)): push, pushComment, close,
// onClosed and send over an sse.Stream. Loop only, except the sse.Stream itself.
type eventStream struct {
	stream   *sse.Stream
	obj      *goja.Object
	body     *goja.Object // what send() resolves to: a ReadableStream that stands for stream
	onClosed []goja.Callable
}

// createEventStream builds the stream object for an event (nitro.js adds h3's send(), which
// resolves to eventStreamBody). A Response with that body is served by ServeHTTP on the
// request's goroutine, straight from the sse.Stream.
func (a *App) createEventStream(call goja.FunctionCall) goja.Value {
	vm := a.gen.Runtime()
	event, ok := call.Argument(0).(*goja.Object)
	if !ok {
		panic(vm.NewTypeError("createEventStream(event): event is required"))
	}
	es := &eventStream{stream: sse.NewStream(sse.Options{KeepAlive: a.opts.SSEKeepAlive, Logger: a.log})}
	es.obj = vm.NewObject()
	// h3's push, pushComment and close are async; their promises carry nothing, so one settled
	// promise serves them all (a promise per push was a fifth of a fan-out's CPU).
	if a.settled == nil {
		p, resolve, _ := vm.NewPromise()
		resolve(goja.Undefined())
		a.settled = vm.ToValue(p)
	}
	resolved := func() goja.Value { return a.settled }
	es.obj.Set("push", func(call goja.FunctionCall) goja.Value {
		msg := call.Argument(0)
		if arr, ok := msg.(*goja.Object); ok && arr.ClassName() == "Array" {
			for _, k := range arr.Keys() {
				es.push(vm, &a.sseCork, arr.Get(k))
			}
		} else {
			es.push(vm, &a.sseCork, msg)
		}
		return resolved()
	})
	es.obj.Set("pushComment", func(call goja.FunctionCall) goja.Value {
		a.sseCork.Comment(es.stream, call.Argument(0).String())
		return resolved()
	})
	es.obj.Set("close", func(goja.FunctionCall) goja.Value {
		es.stream.Close()
		return resolved()
	})
	es.obj.Set("onClosed", func(call goja.FunctionCall) goja.Value {
		if fn, ok := goja.AssertFunction(call.Argument(0)); ok {
			es.onClosed = append(es.onClosed, fn)
		}
		return goja.Undefined()
	})
	es.obj.DefineDataProperty("__azoteEventStream", vm.ToValue(es), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	event.DefineDataProperty("__azoteEventStream", vm.ToValue(es), goja.FLAG_FALSE, goja.FLAG_TRUE, goja.FLAG_FALSE)

	a.trackStream(es.stream)
	es.stream.OnClosed(func() {
		a.untrackStream(es.stream)
		a.gen.Run(func(vm *goja.Runtime) {
			for _, fn := range es.onClosed {
				if _, err := fn(goja.Undefined()); err != nil {
					a.log.Error("event stream onClosed callback threw", "error", engine.DescribeError(vm, err))
				}
			}
			es.onClosed = nil
		})
	})
	return es.obj
}

// push sends one message: a string is the data; an object has id, event, data and retry
// (id and event lose CR/LF, retry only when an integer).
func (es *eventStream) push(vm *goja.Runtime, k *sse.Cork, v goja.Value) {
	obj, ok := v.(*goja.Object)
	if !ok {
		k.PushData(es.stream, v.String())
		return
	}
	var e sse.Event
	str := func(key string) string {
		if x := obj.Get(key); x != nil && !goja.IsUndefined(x) && !goja.IsNull(x) {
			return x.String()
		}
		return ""
	}
	e.ID, e.Event, e.Data = str("id"), str("event"), str("data")
	if r := obj.Get("retry"); r != nil && !goja.IsUndefined(r) {
		if f := r.ToFloat(); f == math.Trunc(f) && !math.IsInf(f, 0) {
			e.Retry, e.HasRetry = int(f), true
		}
	}
	k.Push(es.stream, e)
}

// eventStreamBody is the ReadableStream send() of stream resolves to: an empty one that Go
// recognises as the stream when the Response carrying it comes back from h3.
func (a *App) eventStreamBody(call goja.FunctionCall) goja.Value {
	vm := a.gen.Runtime()
	es := eventStreamOf(call.Argument(0).ToObject(vm))
	if es == nil {
		panic(vm.NewTypeError("not an event stream"))
	}
	if es.body == nil {
		body, err := vm.New(vm.Get("ReadableStream"))
		if err != nil {
			panic(err)
		}
		body.DefineDataProperty("__azoteEventStream", vm.ToValue(es), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
		es.body = body
	}
	return es.body
}

// eventStreamOf reports the event stream whose send() gave body (a Response's stream), if any.
func eventStreamOf(body *goja.Object) *eventStream {
	if body == nil {
		return nil
	}
	h := body.Get("__azoteEventStream")
	if h == nil {
		return nil
	}
	es, _ := h.Export().(*eventStream)
	return es
}

// createdStream is the stream a handler created for event, if any.
func createdStream(event *goja.Object) *eventStream {
	if h := event.Get("__azoteEventStream"); h != nil {
		es, _ := h.Export().(*eventStream)
		return es
	}
	return nil
}

func (a *App) trackStream(s *sse.Stream) {
	a.mu.Lock()
	a.streams[s] = struct{}{}
	a.mu.Unlock()
}

func (a *App) untrackStream(s *sse.Stream) {
	a.mu.Lock()
	delete(a.streams, s)
	a.mu.Unlock()
}

// subscribe is the azote module's subscribe(topic, callback, { namespace }): callback(data) for
// every publish on topic (server-side or from peers), on the loop. It returns the unsubscribe
// function. A generation's subscriptions end with it.
func (a *App) subscribe(call goja.FunctionCall) goja.Value {
	vm := a.gen.Runtime()
	topic := call.Argument(0).String()
	fn, ok := goja.AssertFunction(call.Argument(1))
	if !ok {
		panic(vm.NewTypeError("subscribe(topic, callback): callback must be a function"))
	}
	namespace := ""
	if o, ok := call.Argument(2).(*goja.Object); ok {
		if ns := o.Get("namespace"); ns != nil && !goja.IsUndefined(ns) && !goja.IsNull(ns) {
			namespace = ns.String()
		}
	}
	stop := a.opts.WS.Hub().Listen(namespace, topic, func(binary bool, data []byte) {
		payload := append([]byte(nil), data...)
		a.gen.Run(func(vm *goja.Runtime) {
			var v goja.Value
			if binary {
				v = web.NewUint8Array(vm, payload)
			} else {
				v = vm.ToValue(string(payload))
			}
			if _, err := fn(goja.Undefined(), v); err != nil {
				a.log.Error("azote subscribe callback threw", "topic", topic, "error", engine.DescribeError(vm, err))
			}
		})
	})
	sub := &subscription{stop: stop}
	a.mu.Lock()
	a.listeners[sub] = struct{}{}
	a.mu.Unlock()
	return vm.ToValue(func(goja.FunctionCall) goja.Value {
		a.unsubscribe(sub)
		return goja.Undefined()
	})
}

// subscription is one azote.subscribe registration, kept until its unsubscribe function or
// the generation's Close ends it.
type subscription struct{ stop func() }

// unsubscribe ends sub: the hub stops calling it and the generation forgets it (with the
// callback it holds), so subscribing and unsubscribing in a loop keeps nothing.
func (a *App) unsubscribe(sub *subscription) {
	a.mu.Lock()
	delete(a.listeners, sub)
	a.mu.Unlock()
	sub.stop()
}

// SubscriptionCount is the number of live azote.subscribe registrations of this generation.
func (a *App) SubscriptionCount() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.listeners)
}
