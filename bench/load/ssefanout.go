package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// runSSEFanout opens `subs` event streams (GET /sse, the bench app's routes/sse.ts) and has one
// WebSocket connection publish 64-byte messages to all of them ("sse:PAYLOAD", which
// routes/ws.ts pushes to every open stream), with the same window and exact counting as the
// WebSocket fan-out.
func runSSEFanout(ctx context.Context, e *env, subs int) (Result, error) {
	streamURL, err := sseURL(e.dialer.url)
	if err != nil {
		return Result{}, err
	}
	streams, err := openStreams(ctx, e.dialer, streamURL, subs, 32)
	if err != nil {
		return Result{}, err
	}
	closeStreams := func() { closeAll(streams) }
	defer closeStreams()
	pubConn, err := e.dialer.dial(ctx)
	if err != nil {
		return Result{}, err
	}
	defer pubConn.Close()

	publishers := []*publisher{newPublisher(0, pubConn, subs, "sse:")}
	readers := make([]func(*delivery) error, len(streams))
	for i, s := range streams {
		readers[i] = s.read
	}
	return driveFanout(ctx, e, publishers, readers, closeStreams)
}

// sseURL is the bench app's event stream URL on the server of the WebSocket URL wsURL.
func sseURL(wsURL string) (*url.URL, error) {
	u, err := url.Parse(wsURL)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", wsURL, err)
	}
	u.Scheme = strings.Replace(u.Scheme, "ws", "http", 1)
	u.Path = "/sse"
	return u, nil
}

// eventStream is one open GET /sse response.
type eventStream struct {
	conn net.Conn
	body *bufio.Reader
}

func (s *eventStream) Close() error { return s.conn.Close() }

// openStreams opens n event streams, `parallel` at a time. A stream counts as open once its
// first event ("ready") arrived: the route's handler has then registered it. (h3 on Node and Bun
// sends the response head only with the first event.)
func openStreams(ctx context.Context, d *dialer, u *url.URL, n, parallel int) ([]*eventStream, error) {
	return openMany(ctx, n, parallel, func(ctx context.Context) (*eventStream, error) {
		return openStream(ctx, d, u)
	})
}

func openStream(ctx context.Context, d *dialer, u *url.URL) (*eventStream, error) {
	conn, err := d.netDial(ctx, "tcp", u.Host)
	if err != nil {
		return nil, fmt.Errorf("dial %s: %w", u.Host, err)
	}
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	request := "GET " + u.RequestURI() + " HTTP/1.1\r\nHost: " + u.Host +
		"\r\nAccept: text/event-stream\r\nCache-Control: no-cache\r\n\r\n"
	if _, err := conn.Write([]byte(request)); err != nil {
		conn.Close()
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	resp, err := http.ReadResponse(bufio.NewReaderSize(conn, 4096), nil)
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("GET %s: %w", u, err)
	}
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/event-stream") {
		conn.Close()
		return nil, fmt.Errorf("GET %s: %s, content-type %q", u, resp.Status, resp.Header.Get("Content-Type"))
	}
	s := &eventStream{conn: conn, body: bufio.NewReaderSize(resp.Body, 4096)}
	for {
		data, err := s.nextData()
		if err != nil {
			conn.Close()
			return nil, fmt.Errorf("GET %s: waiting for the ready event: %w", u, err)
		}
		if string(data) == "ready" {
			break
		}
	}
	conn.SetDeadline(time.Time{})
	return s, nil
}

// nextData returns the next data line's value. Comments, ids and event names are skipped.
func (s *eventStream) nextData() ([]byte, error) {
	for {
		line, err := s.body.ReadSlice('\n')
		if err != nil {
			return nil, err
		}
		if data, ok := bytes.CutPrefix(line, []byte("data:")); ok {
			data = bytes.TrimPrefix(data, []byte(" "))
			return bytes.TrimRight(data, "\r\n"), nil
		}
	}
}

// read reports every event's data until the stream ends; each data line is one delivery (the
// bench sends single-line payloads).
func (s *eventStream) read(d *delivery) error {
	next := make([]int64, len(d.publishers))
	for {
		data, err := s.nextData()
		if err != nil {
			return err
		}
		d.received(data, next)
	}
}
