package ws

// A listener is Go code subscribed to a topic, such as an SSE stream forwarding it: it gets
// every publish on the topic that a peer subscribed in the same namespace would get.
type listener struct {
	namespace string // "" = every namespace
	fn        func(binary bool, data []byte)
}

// Listen calls fn for every publish on topic in namespace ("" for every namespace), with the
// payload (owned by the hub: copy it to keep it). fn is called on the publisher's goroutine
// while the hub is read-locked: it must not block nor call back into the hub. Publishing
// peers never skip a listener. The returned function stops it (idempotent).
func (h *Hub) Listen(namespace, topic string, fn func(binary bool, data []byte)) (stop func()) {
	l := &listener{namespace: namespace, fn: fn}
	h.mu.Lock()
	if h.listeners == nil {
		h.listeners = make(map[string]map[*listener]struct{})
	}
	set := h.listeners[topic]
	if set == nil {
		set = make(map[*listener]struct{})
		h.listeners[topic] = set
	}
	set[l] = struct{}{}
	h.mu.Unlock()
	return func() {
		h.mu.Lock()
		defer h.mu.Unlock()
		if set := h.listeners[topic]; set != nil {
			delete(set, l)
			if len(set) == 0 {
				delete(h.listeners, topic)
			}
		}
	}
}

// notify calls the listeners of topic that match a publish to namespace. The caller holds h.mu
// (read or write).
func (h *Hub) notify(namespace, topic string, binary bool, data []byte) int {
	n := 0
	for l := range h.listeners[topic] {
		if l.namespace == "" || namespace == "" || l.namespace == namespace {
			l.fn(binary, data)
			n++
		}
	}
	return n
}
