package main

import (
	"bytes"
	"net/http"

	"github.com/gorilla/websocket"
)

var (
	pubPrefix = []byte("pub:")
	subPrefix = []byte("sub:")
)

// endpoint upgrades each request and then runs that connection's read loop inside the handler,
// so a connection costs one goroutine plus gorilla's default buffers for its whole life.
type endpoint struct {
	hub      *hub
	upgrader websocket.Upgrader
}

func (e *endpoint) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	conn, err := e.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // Upgrade has already answered the client.
	}
	c := &client{conn: conn}
	defer func() {
		e.hub.leave(c)
		conn.Close()
	}()
	for {
		kind, data, err := conn.ReadMessage()
		if err != nil {
			return
		}
		e.handle(c, kind, data)
	}
}

// handle is the bench protocol, the same as the JavaScript hooks in bench/app/routes/ws.ts.
func (e *endpoint) handle(c *client, kind int, data []byte) {
	switch {
	case kind == websocket.TextMessage && bytes.HasPrefix(data, pubPrefix):
		rest := data[len(pubPrefix):]
		topic, payload, _ := bytes.Cut(rest, []byte(":"))
		e.hub.publish(c, string(topic), payload)
	case kind == websocket.TextMessage && bytes.HasPrefix(data, subPrefix):
		topic := string(data[len(subPrefix):])
		e.hub.subscribe(c, topic)
		c.write(websocket.TextMessage, []byte("subscribed:"+topic))
	default:
		c.write(kind, data)
	}
}
