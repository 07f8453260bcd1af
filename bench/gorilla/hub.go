package main

import (
	"sync"

	"github.com/gorilla/websocket"
)

// hub maps topics to their subscribers. It is safe for concurrent use: membership changes take
// the write lock; publish copies the members under the read lock and writes outside it, so one
// slow subscriber never blocks a subscribe.
type hub struct {
	mu     sync.RWMutex
	topics map[string]map[*client]struct{}
	joined map[*client][]string // topics per client, so leave is cheap
}

func newHub() *hub {
	return &hub{topics: map[string]map[*client]struct{}{}, joined: map[*client][]string{}}
}

func (h *hub) subscribe(c *client, topic string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	members := h.topics[topic]
	if members == nil {
		members = map[*client]struct{}{}
		h.topics[topic] = members
	}
	if _, ok := members[c]; ok {
		return
	}
	members[c] = struct{}{}
	h.joined[c] = append(h.joined[c], topic)
}

func (h *hub) leave(c *client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, topic := range h.joined[c] {
		delete(h.topics[topic], c)
		if len(h.topics[topic]) == 0 {
			delete(h.topics, topic)
		}
	}
	delete(h.joined, c)
}

// publish writes data as a text message to every subscriber of topic except from.
func (h *hub) publish(from *client, topic string, data []byte) {
	h.mu.RLock()
	members := make([]*client, 0, len(h.topics[topic]))
	for c := range h.topics[topic] {
		if c != from {
			members = append(members, c)
		}
	}
	h.mu.RUnlock()
	for _, c := range members {
		c.write(websocket.TextMessage, data)
	}
}
