package bindings

import (
	"github.com/dop251/goja"
)

// webSocketView is peer.websocket: a live view of the connection shaped like the WebSocket the
// peer would have on Node ({ readyState, protocol, extensions, url, binaryType, bufferedAmount }).
type webSocketView struct {
	p *peer
}

var webSocketFields = []string{"readyState", "protocol", "extensions", "url", "binaryType", "bufferedAmount"}

func (a *App) newWebSocketView(p *peer) *goja.Object {
	return a.gen.Runtime().NewDynamicObject(&webSocketView{p: p})
}

func (w *webSocketView) Get(key string) goja.Value {
	vm := w.p.app.gen.Runtime()
	c := w.p.conn
	switch key {
	case "readyState":
		if c.Closed() {
			return vm.ToValue(3)
		}
		return vm.ToValue(1)
	case "protocol":
		if p := c.Subprotocol(); p != "" {
			return vm.ToValue(p)
		}
		return vm.ToValue(w.p.requestHeader("sec-websocket-protocol"))
	case "extensions":
		return vm.ToValue(w.p.requestHeader("sec-websocket-extensions"))
	case "url":
		return vm.ToValue(w.p.wsURL)
	case "binaryType":
		return vm.ToValue("nodebuffer")
	case "bufferedAmount":
		return vm.ToValue(c.BufferedAmount())
	}
	return nil
}

func (w *webSocketView) Set(string, goja.Value) bool { return false }
func (w *webSocketView) Has(key string) bool         { return w.Get(key) != nil }
func (w *webSocketView) Delete(string) bool          { return false }
func (w *webSocketView) Keys() []string              { return webSocketFields }
