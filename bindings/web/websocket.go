package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
	"github.com/gorilla/websocket"
)

// The WebSocket client global: websocket.js is the WHATWG class, as undici (Node's) has it,
// and this file its I/O on gorilla/websocket. A socket dials, reads and writes on goroutines of
// its own; everything JavaScript sees comes back as loop jobs, in order, through one events
// callback per socket.

var compiledWebSocket = sync.OnceValues(func() (*goja.Program, error) { return compileScript("websocket.js") })

// wsDialer is undici's handshake budget; no compression is offered, as undici offers none
// that a server must accept.
var wsDialer = &websocket.Dialer{
	Proxy:            nil, // like undici's WebSocket, no HTTP_PROXY
	HandshakeTimeout: 30 * time.Second,
}

// wsCloseWait bounds how long a closing socket waits for the server's close frame before it
// drops the connection (the closing handshake of RFC 6455 section 7.1.1).
const wsCloseWait = 5 * time.Second

// wsClient is the Go side of one runtime's WebSocket sockets.
type wsClient struct {
	st     *runtimeState
	loop   Loop
	parent context.Context
}

// enableWebSocket installs the WebSocket, MessageEvent and CloseEvent globals. Called by
// EnableFetch, which has the loop.
func (st *runtimeState) enableWebSocket(loop Loop, parent context.Context) error {
	prog, err := compiledWebSocket()
	if err != nil {
		return err
	}
	c := &wsClient{st: st, loop: loop, parent: parent}
	if _, err := st.defineMethod(st.internal, "webSocketDial", 3, c.dial); err != nil {
		return fmt.Errorf("web: native webSocketDial: %w", err)
	}
	v, err := st.vm.RunProgram(prog)
	if err != nil {
		return fmt.Errorf("web: run websocket.js: %w", err)
	}
	install, ok := goja.AssertFunction(v)
	if !ok {
		return errors.New("web: websocket.js does not evaluate to a function")
	}
	if _, err := install(goja.Undefined(), st.vm.GlobalObject(), st.internal); err != nil {
		return fmt.Errorf("web: install websocket.js: %w", err)
	}
	return nil
}

// wsOutgoing is one send or the close, in the order JavaScript asked for them.
type wsOutgoing struct {
	kind int // websocket.TextMessage, BinaryMessage or CloseMessage
	data []byte
}

// wsSocket is one client socket. out is written by the loop only; the writer goroutine drains it.
type wsSocket struct {
	c      *wsClient
	events goja.Callable // loop only: events(kind, ...)
	ctx    context.Context
	cancel context.CancelFunc

	mu      sync.Mutex
	out     []wsOutgoing
	wake    chan struct{}
	closing bool // a close was queued: later sends are dropped, as the spec says
}

// dial is webSocketDial(url, protocols, events) for websocket.js: it dials from a goroutine
// and returns the socket's { send(data, binary), close(code, reason) } handle. events is
// called from later loop jobs: ("open", protocol, extensions), ("message", data, binary),
// ("sent", bytes), ("error", message), ("close", code, reason, wasClean).
func (c *wsClient) dial(call goja.FunctionCall) goja.Value {
	vm := c.st.vm
	target := call.Argument(0).String()
	var protocols []string
	for _, p := range c.st.sequence(call.Argument(1)) {
		protocols = append(protocols, p.String())
	}
	events, ok := goja.AssertFunction(call.Argument(2))
	if !ok {
		panic(vm.NewTypeError("webSocketDial: events is not a function"))
	}
	ctx, cancel := context.WithCancel(c.parent)
	s := &wsSocket{c: c, events: events, ctx: ctx, cancel: cancel, wake: make(chan struct{}, 1)}
	handle := vm.NewObject()
	handle.Set("send", func(call goja.FunctionCall) goja.Value {
		kind := websocket.TextMessage
		if call.Argument(1).ToBoolean() {
			kind = websocket.BinaryMessage
		}
		var data []byte
		if kind == websocket.TextMessage {
			data = []byte(c.st.toUSV(call.Argument(0)))
		} else if b, ok := c.st.view(call.Argument(0)); ok {
			data = append([]byte{}, b...) // the writer goroutine must not see later changes
		}
		s.queue(wsOutgoing{kind: kind, data: data})
		return vm.ToValue(len(data))
	})
	handle.Set("close", func(call goja.FunctionCall) goja.Value {
		code := websocket.CloseNoStatusReceived
		if v := call.Argument(0); !goja.IsUndefined(v) {
			code = int(v.ToInteger())
		}
		s.queue(wsOutgoing{kind: websocket.CloseMessage, data: closePayload(code, call.Argument(1).String())})
		return goja.Undefined()
	})
	go s.run(target, protocols)
	return handle
}

// closePayload is a close frame's body: the code and reason, or nothing for "no status".
func closePayload(code int, reason string) []byte {
	if code == websocket.CloseNoStatusReceived {
		return []byte{}
	}
	return websocket.FormatCloseMessage(code, reason)
}

func (s *wsSocket) queue(m wsOutgoing) {
	s.mu.Lock()
	if !s.closing {
		s.out = append(s.out, m)
		s.closing = m.kind == websocket.CloseMessage
	}
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// emit hands an event to JavaScript; it reports false when the loop is gone.
func (s *wsSocket) emit(args ...any) bool {
	return s.c.loop.Run(func(vm *goja.Runtime) {
		vals := make([]goja.Value, len(args))
		for i, a := range args {
			switch a := a.(type) {
			case []byte:
				vals[i] = s.c.st.newUint8Array(a)
			default:
				vals[i] = vm.ToValue(a)
			}
		}
		_, _ = s.events(goja.Undefined(), vals...) // websocket.js reports listener errors itself
	})
}

// run dials, then reads until the connection ends; a writer goroutine sends what JavaScript
// queues. It emits the socket's events in order and "close" last, exactly once.
func (s *wsSocket) run(target string, protocols []string) {
	defer s.cancel()
	header := http.Header{}
	if len(protocols) > 0 {
		header.Set("Sec-WebSocket-Protocol", strings.Join(protocols, ", "))
	}
	conn, resp, err := wsDialer.DialContext(s.ctx, target, header)
	if err != nil {
		msg := err.Error()
		if resp != nil {
			msg = fmt.Sprintf("Unexpected server response: %d", resp.StatusCode)
		}
		s.emit("error", msg)
		s.emit("close", websocket.CloseAbnormalClosure, "", false)
		return
	}
	if p := conn.Subprotocol(); len(protocols) > 0 && !containsString(protocols, p) || len(protocols) == 0 && p != "" {
		conn.Close() // the spec fails a connection whose server picked a protocol not offered
		s.emit("error", "the server selected a subprotocol the client did not offer: "+p)
		s.emit("close", websocket.CloseAbnormalClosure, "", false)
		return
	}
	// The server's close is echoed once, unless the client's went out first (the closing
	// handshake); nothing is sent after it.
	conn.SetCloseHandler(func(code int, _ string) error {
		s.mu.Lock()
		echo := !s.closing
		s.closing = true
		s.mu.Unlock()
		if echo {
			_ = conn.WriteControl(websocket.CloseMessage, closePayload(code, ""), time.Now().Add(time.Second))
		}
		return nil
	})
	if !s.emit("open", conn.Subprotocol(), "") {
		conn.Close()
		return
	}
	go func() { // the loop's runtime was released: drop the connection
		<-s.ctx.Done()
		conn.Close()
	}()
	writerDone := make(chan struct{})
	go s.write(conn, writerDone)
	code, reason, clean := websocket.CloseAbnormalClosure, "", false
	for {
		kind, data, err := conn.ReadMessage()
		if err != nil {
			// gorilla reports a connection that ended without a close frame as a CloseError
			// with 1006 too: only a received close frame is a clean close.
			var ce *websocket.CloseError
			if errors.As(err, &ce) && ce.Code != websocket.CloseAbnormalClosure {
				code, reason, clean = ce.Code, ce.Text, true
			}
			break
		}
		if kind == websocket.TextMessage {
			s.emit("message", string(data), false)
		} else {
			s.emit("message", data, true)
		}
	}
	s.cancel()
	<-writerDone
	conn.Close()
	s.emit("close", code, reason, clean) // no error event for a dropped connection, as in undici
}

// write sends the queued messages in order; after the close frame it waits for the server's
// close (the reader ends) up to wsCloseWait, then drops the connection.
func (s *wsSocket) write(conn *websocket.Conn, done chan<- struct{}) {
	defer close(done)
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-s.wake:
		}
		s.mu.Lock()
		batch := s.out
		s.out = nil
		s.mu.Unlock()
		for _, m := range batch {
			if m.kind == websocket.CloseMessage {
				_ = conn.WriteControl(websocket.CloseMessage, m.data, time.Now().Add(time.Second))
				select {
				case <-s.ctx.Done():
				case <-time.After(wsCloseWait):
					conn.Close()
				}
				return
			}
			if err := conn.WriteMessage(m.kind, m.data); err != nil {
				conn.Close() // the reader ends and reports the close
				return
			}
			s.emit("sent", len(m.data))
		}
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
