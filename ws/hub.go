package ws

import (
	"slices"
	"sync"
)

// Hub maps namespaces to their live conns and topics to their members. Joining, leaving,
// subscribing and unsubscribing are O(1) map and list operations; a publish encodes its frame
// once and appends the same bytes to every member's queue. All methods are safe for concurrent
// use; one RWMutex guards the hub, held shared by publishes (which never block on the network).
type Hub struct {
	mu        sync.RWMutex
	spaces    map[string]*space
	listeners map[string]map[*listener]struct{} // topic -> Go listeners (see Listen)
}

// space is one namespace: its started conns in Seq order and its topics.
type space struct {
	head, tail *Conn
	size       int
	topics     map[string]map[*Conn]struct{}
}

// Publish sends one frame to every subscriber of topic in namespace ("" means every
// namespace) and returns the deliveries. The frame is encoded once, only if someone listens.
func (h *Hub) Publish(namespace, topic string, binary bool, data []byte) int {
	return h.publish(namespace, topic, binary, data, nil, nil)
}

// PublishFrame is Publish with a pre-encoded frame, skipping exclude (nil for nobody).
func (h *Hub) PublishFrame(namespace, topic string, f *Frame, exclude *Conn) int {
	h.mu.RLock()
	defer h.mu.RUnlock()
	delivered := 0
	h.eachSpace(namespace, func(sp *space) {
		delivered += deliver(sp.topics[topic], f.wire, exclude, nil)
	})
	return delivered
}

func (h *Hub) publish(namespace, topic string, binary bool, data []byte, exclude *Conn, k *Cork) int {
	h.mu.RLock()
	defer h.mu.RUnlock()
	var wire []byte
	delivered := 0
	h.eachSpace(namespace, func(sp *space) {
		members := sp.topics[topic]
		if len(members) == 0 || (len(members) == 1 && hasMember(members, exclude)) {
			return
		}
		if wire == nil {
			wire = encodeFrame(dataOpcode(binary), data)
		}
		delivered += deliver(members, wire, exclude, k)
	})
	if len(h.listeners) > 0 {
		delivered += h.notify(namespace, topic, binary, data)
	}
	return delivered
}

func hasMember(members map[*Conn]struct{}, c *Conn) bool {
	_, ok := members[c]
	return ok
}

func deliver(members map[*Conn]struct{}, wire []byte, exclude *Conn, k *Cork) int {
	delivered := 0
	for c := range members {
		if c != exclude && c.enqueueVia(wire, k) > 0 {
			delivered++
		}
	}
	return delivered
}

// eachSpace calls fn for namespace's space, or for every space when namespace is "". The
// caller holds h.mu.
func (h *Hub) eachSpace(namespace string, fn func(*space)) {
	if namespace != "" {
		if sp := h.spaces[namespace]; sp != nil {
			fn(sp)
		}
		return
	}
	for _, sp := range h.spaces {
		fn(sp)
	}
}

// Peers returns the live (started, not closed) conns of namespace in connect order.
func (h *Hub) Peers(namespace string) []*Conn {
	h.mu.RLock()
	defer h.mu.RUnlock()
	sp := h.spaces[namespace]
	if sp == nil {
		return nil
	}
	peers := make([]*Conn, 0, sp.size)
	for c := sp.head; c != nil; c = c.next {
		if !c.Closed() {
			peers = append(peers, c)
		}
	}
	return peers
}

// Namespaces returns the namespaces that have live conns, sorted.
func (h *Hub) Namespaces() []string {
	h.mu.RLock()
	defer h.mu.RUnlock()
	var names []string
	for name, sp := range h.spaces {
		for c := sp.head; c != nil; c = c.next {
			if !c.Closed() {
				names = append(names, name)
				break
			}
		}
	}
	slices.Sort(names)
	return names
}

// appendLive appends every live conn of every namespace to conns.
func (h *Hub) appendLive(conns []*Conn) []*Conn {
	h.mu.RLock()
	defer h.mu.RUnlock()
	for _, sp := range h.spaces {
		for c := sp.head; c != nil; c = c.next {
			if !c.Closed() {
				conns = append(conns, c)
			}
		}
	}
	return conns
}

// join links c into its namespace, in Seq order (it is almost always the newest), and into the
// topics it subscribed before starting.
func (h *Hub) join(c *Conn) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if c.joined {
		return
	}
	if h.spaces == nil {
		h.spaces = make(map[string]*space)
	}
	sp := h.spaces[c.namespace]
	if sp == nil {
		sp = &space{topics: make(map[string]map[*Conn]struct{})}
		h.spaces[c.namespace] = sp
	}
	after := sp.tail
	for after != nil && after.seq > c.seq {
		after = after.prev
	}
	c.prev = after
	if after == nil {
		c.next = sp.head
		sp.head = c
	} else {
		c.next = after.next
		after.next = c
	}
	if c.next == nil {
		sp.tail = c
	} else {
		c.next.prev = c
	}
	sp.size++
	c.joined = true
	for _, topic := range c.topics {
		sp.add(topic, c)
	}
}

// leave unlinks c from its namespace and all its topics; c keeps its list of topics.
func (h *Hub) leave(c *Conn) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !c.joined {
		return
	}
	sp := h.spaces[c.namespace]
	if c.prev == nil {
		sp.head = c.next
	} else {
		c.prev.next = c.next
	}
	if c.next == nil {
		sp.tail = c.prev
	} else {
		c.next.prev = c.prev
	}
	c.prev, c.next = nil, nil
	sp.size--
	c.joined = false
	for _, topic := range c.topics {
		sp.remove(topic, c)
	}
	if sp.size == 0 {
		delete(h.spaces, c.namespace)
	}
}

func (h *Hub) subscribe(c *Conn, topic string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if slices.Contains(c.topics, topic) {
		return
	}
	c.topics = append(c.topics, topic)
	if c.joined {
		h.spaces[c.namespace].add(topic, c)
	}
}

func (h *Hub) unsubscribe(c *Conn, topic string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	i := slices.Index(c.topics, topic)
	if i < 0 {
		return
	}
	c.topics = slices.Delete(c.topics, i, i+1)
	if c.joined {
		h.spaces[c.namespace].remove(topic, c)
	}
}

func (h *Hub) topicsOf(c *Conn) []string {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return slices.Clone(c.topics)
}

func (sp *space) add(topic string, c *Conn) {
	members := sp.topics[topic]
	if members == nil {
		members = make(map[*Conn]struct{})
		sp.topics[topic] = members
	}
	members[c] = struct{}{}
}

func (sp *space) remove(topic string, c *Conn) {
	members := sp.topics[topic]
	delete(members, c)
	if len(members) == 0 {
		delete(sp.topics, topic)
	}
}
