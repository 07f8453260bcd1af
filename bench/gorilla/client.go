package main

import (
	"sync"

	"github.com/gorilla/websocket"
)

// client is one connection. Reads happen only on its handler goroutine; write may be called
// from any goroutine (its own echo, or another connection's publish) and serialises on mu, so
// a publisher writes straight into each subscriber's socket, one frame per syscall.
type client struct {
	conn *websocket.Conn
	mu   sync.Mutex
}

// write sends one message; a failed write closes the connection, which ends its read loop.
func (c *client) write(kind int, data []byte) {
	c.mu.Lock()
	err := c.conn.WriteMessage(kind, data)
	c.mu.Unlock()
	if err != nil {
		c.conn.Close()
	}
}
