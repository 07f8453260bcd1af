package bindings

import (
	"unicode/utf8"
	"unsafe"

	"github.com/dop251/goja"

	"github.com/azote-dev/azote/bindings/web"
)

// message is the crossws Message a message hook receives: a dynamic object over the frame's
// bytes, with its methods on a shared prototype. Loop only.
type message struct {
	app    *App
	peer   *peer
	binary bool
	data   []byte
	raw    goja.Value // rawData, made on first use
	str    goja.Value // text(), made on first use and shared with rawData of a text frame
	id     goja.Value
	props  map[string]goja.Value
}

func (a *App) newMessage(vm *goja.Runtime, p *peer, binary bool, data []byte) *goja.Object {
	m := &message{app: a, peer: p, binary: binary, data: data}
	obj := vm.NewDynamicObject(m)
	obj.SetPrototype(a.messageProto)
	return obj
}

var messageFields = map[string]bool{"rawData": true, "data": true, "id": true, "peer": true}

func (m *message) Get(key string) goja.Value {
	switch key {
	case "rawData", "data":
		if m.raw == nil {
			vm := m.app.gen.Runtime()
			if m.binary {
				m.raw = web.NewUint8Array(vm, m.data)
			} else {
				m.raw = m.textValue()
			}
		}
		return m.raw
	case "id":
		if m.id == nil {
			m.id = m.app.gen.Runtime().ToValue(newUUID())
		}
		return m.id
	case "peer":
		return m.peer.object()
	}
	return m.props[key]
}

func (m *message) Set(key string, val goja.Value) bool {
	if messageFields[key] {
		return false
	}
	if m.props == nil {
		m.props = make(map[string]goja.Value)
	}
	m.props[key] = val
	return true
}

func (m *message) Has(key string) bool {
	_, ok := m.props[key]
	return ok || messageFields[key]
}

func (m *message) Delete(key string) bool {
	if messageFields[key] {
		return false
	}
	delete(m.props, key)
	return true
}

func (m *message) Keys() []string {
	keys := []string{"id", "rawData"}
	for k := range m.props {
		keys = append(keys, k)
	}
	return keys
}

// textValue is text() as a JS string, converted once per message.
func (m *message) textValue() goja.Value {
	if m.str == nil {
		m.str = m.app.gen.Runtime().ToValue(m.text())
	}
	return m.str
}

// text decodes the payload as UTF-8, each invalid byte becoming U+FFFD like TextDecoder.
func (m *message) text() string {
	if m.binary && !utf8.Valid(m.data) {
		out := make([]rune, 0, len(m.data))
		for b := m.data; len(b) > 0; {
			r, size := utf8.DecodeRune(b)
			out = append(out, r)
			b = b[size:]
		}
		return string(out)
	}
	if !m.binary {
		// A text frame's bytes are never handed to JavaScript (rawData is this string and the
		// byte views copy), so the string can share them instead of copying each message.
		return unsafe.String(unsafe.SliceData(m.data), len(m.data))
	}
	return string(m.data)
}

func (a *App) thisMessage(vm *goja.Runtime, call goja.FunctionCall) *message {
	if obj, ok := call.This.(*goja.Object); ok {
		if m, ok := obj.Export().(*message); ok {
			return m
		}
	}
	panic(vm.NewTypeError("Message method called on something that is not a message"))
}

func (a *App) newMessagePrototype(vm *goja.Runtime) *goja.Object {
	proto := vm.NewObject()
	method := func(name string, fn func(m *message) goja.Value) {
		proto.Set(name, func(call goja.FunctionCall) goja.Value { return fn(a.thisMessage(vm, call)) })
	}
	text := func(m *message) goja.Value { return m.textValue() }
	method("text", text)
	method("toString", text)
	method("json", func(m *message) goja.Value {
		v, err := a.parse(goja.Undefined(), m.textValue())
		if err != nil {
			panic(err)
		}
		return v
	})
	method("uint8Array", func(m *message) goja.Value {
		return web.NewUint8Array(vm, append([]byte(nil), m.data...))
	})
	method("arrayBuffer", func(m *message) goja.Value {
		return vm.ToValue(vm.NewArrayBuffer(append([]byte(nil), m.data...)))
	})
	method("blob", func(m *message) goja.Value {
		return web.NewBlob(vm, append([]byte(nil), m.data...), "")
	})
	return proto
}
