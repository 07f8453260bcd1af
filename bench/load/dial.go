package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// sourceAddrs is how many loopback source addresses (127.0.0.1 up) connections rotate over, so
// 19,000 connections plus the TIME_WAIT left by earlier runs never exhaust ephemeral ports.
const sourceAddrs = 8

// dialer opens client connections to one URL. It is safe for concurrent use.
type dialer struct {
	url  string
	next atomic.Uint32
	ws   websocket.Dialer
}

func newDialer(url string) *dialer {
	d := &dialer{url: url}
	d.ws = websocket.Dialer{
		NetDialContext:   d.netDial,
		HandshakeTimeout: 10 * time.Second,
		ReadBufferSize:   2048,
		WriteBufferSize:  1024,
	}
	return d
}

func (d *dialer) netDial(ctx context.Context, network, addr string) (net.Conn, error) {
	n := d.next.Add(1) % sourceAddrs
	nd := net.Dialer{
		LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(1+n))},
		Control:   bindAddressNoPort,
	}
	return nd.DialContext(ctx, network, addr)
}

// dial opens one WebSocket connection.
func (d *dialer) dial(ctx context.Context) (*websocket.Conn, error) {
	c, resp, err := d.ws.DialContext(ctx, d.url, nil)
	if resp != nil && resp.Body != nil {
		resp.Body.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", d.url, err)
	}
	return c, nil
}

// dialMany opens n WebSocket connections with `parallel` dialers at a time and runs prepare (if
// not nil) on each before it counts as open. On the first failure it closes everything and fails.
func (d *dialer) dialMany(ctx context.Context, n, parallel int, prepare func(*websocket.Conn) error) ([]*websocket.Conn, error) {
	return openMany(ctx, n, parallel, func(ctx context.Context) (*websocket.Conn, error) {
		c, err := d.dial(ctx)
		if err == nil && prepare != nil {
			if err = prepare(c); err != nil {
				c.Close()
			}
		}
		return c, err
	})
}

// openMany opens n connections with open, `parallel` at a time. On the first failure it stops,
// closes what was opened and fails.
func openMany[C io.Closer](ctx context.Context, n, parallel int, open func(context.Context) (C, error)) ([]C, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	conns := make([]C, n)
	opened := make([]bool, n)
	var next atomic.Int64
	var once sync.Once
	var first error
	var wg sync.WaitGroup
	for range min(parallel, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				c, err := open(ctx)
				if err != nil {
					once.Do(func() { first = fmt.Errorf("open %d connections: connection %d: %w", n, i, err); cancel() })
					return
				}
				conns[i], opened[i] = c, true
			}
		}()
	}
	wg.Wait()
	if first == nil && ctx.Err() != nil {
		first = fmt.Errorf("open %d connections: %w", n, ctx.Err())
	}
	if first != nil {
		for i, c := range conns {
			if opened[i] {
				c.Close()
			}
		}
		return nil, first
	}
	return conns, nil
}

// closeAll drops every connection at once (no close handshake): the scenario is over.
func closeAll[C io.Closer](conns []C) {
	for _, c := range conns {
		c.Close()
	}
}

// roundTrip sends text and waits for the next message, which must equal want.
func roundTrip(c *websocket.Conn, text, want string) error {
	c.SetReadDeadline(time.Now().Add(10 * time.Second))
	defer c.SetReadDeadline(time.Time{})
	if err := c.WriteMessage(websocket.TextMessage, []byte(text)); err != nil {
		return fmt.Errorf("send %q: %w", text, err)
	}
	_, got, err := c.ReadMessage()
	if err != nil {
		return fmt.Errorf("await answer to %q: %w", text, err)
	}
	if string(got) != want {
		return fmt.Errorf("answer to %q: got %q, want %q", text, got, want)
	}
	return nil
}

var errTooLong = errors.New("message longer than expected")

// readMessage reads the next data message into buf without allocating and returns its length.
func readMessage(c *websocket.Conn, buf []byte) (int, error) {
	_, r, err := c.NextReader()
	if err != nil {
		return 0, err
	}
	n := 0
	for {
		if n == len(buf) {
			var extra [1]byte
			if m, err := r.Read(extra[:]); m > 0 {
				return n, errTooLong
			} else if err == io.EOF {
				return n, nil
			} else if err != nil {
				return n, err
			}
			continue
		}
		m, err := r.Read(buf[n:])
		n += m
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// waitForServer retries a WebSocket handshake until the server accepts one or ctx ends.
func waitForServer(ctx context.Context, d *dialer) error {
	for {
		c, err := d.dial(ctx)
		if err == nil {
			err = roundTrip(c, "ready?", "ready?")
			c.Close()
			if err == nil {
				return nil
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("server never answered: %w", err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}
