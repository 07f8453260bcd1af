package main

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/gorilla/websocket"
)

// runIdle opens n connections, each confirmed open by one echo, lets the server settle and
// reads how much its RSS grew: (RSSAfter - RSSBefore) / n is the memory one idle connection
// costs. Each connection keeps a reader so the server's pings get their pongs; a connection the
// server drops during the settle counts as an error. Count and CPU are the settle period's
// (the server's CPU while idle).
func runIdle(ctx context.Context, e *env, n int) (Result, error) {
	before, err := rssBytes(e.pid)
	if err != nil {
		return Result{}, err
	}
	msg := "idle"
	conns, err := e.dialer.dialMany(ctx, n, 64, func(c *websocket.Conn) error {
		return roundTrip(c, msg, msg)
	})
	if err != nil {
		return Result{}, err
	}
	defer closeAll(conns)

	var dropped atomic.Int64
	var firstDrop atomic.Value
	var closing atomic.Bool
	var readers sync.WaitGroup
	for _, c := range conns {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				// NextReader answers pings and discards anything else; only an error ends it.
				if _, _, err := c.NextReader(); err != nil {
					if !closing.Load() {
						dropped.Add(1)
						firstDrop.CompareAndSwap(nil, err.Error())
					}
					return
				}
			}
		}()
	}

	cpu0, err := cpuSeconds(e.pid)
	if err != nil {
		return Result{}, err
	}
	if err := sleep(ctx, e.settle); err != nil {
		return Result{}, err
	}
	cpu1, err := cpuSeconds(e.pid)
	if err != nil {
		return Result{}, err
	}
	after, err := rssBytes(e.pid)
	if err != nil {
		return Result{}, err
	}
	closing.Store(true)
	closeAll(conns)
	readers.Wait()

	res := Result{
		Seconds: e.settle.Seconds(), CPU: cpu1 - cpu0, Conns: n,
		RSSBefore: before, RSSAfter: after, Errors: dropped.Load(),
	}
	if d := dropped.Load(); d > 0 {
		first, _ := firstDrop.Load().(string)
		res.Notes = append(res.Notes, fmt.Sprintf("%d connections dropped by the server while idle, first: %s", d, first))
	}
	return res, nil
}
