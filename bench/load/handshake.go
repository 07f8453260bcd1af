package main

import (
	"context"
	"fmt"
	"time"
)

// handshakeClients is how many clients connect at once.
const handshakeClients = 8

// runHandshake measures what accepting a connection costs the server: handshakeClients clients
// open n connections (TCP connect, HTTP upgrade, 101) as fast as the server takes them, after
// `warmup` connections opened and closed so JITs and pools are warm. The n connections stay open
// until the window ends, so it holds handshakes only, not the teardown of earlier connections.
// Count is n; the report divides the server's CPU by it.
func runHandshake(ctx context.Context, e *env, warmup, n int) (Result, error) {
	warm, err := e.dialer.dialMany(ctx, warmup, handshakeClients, nil)
	if err != nil {
		return Result{}, fmt.Errorf("warm-up: %w", err)
	}
	closeAll(warm)
	if err := sleep(ctx, e.warmup); err != nil { // let the server finish tearing them down
		return Result{}, err
	}

	cpu0, err := cpuSeconds(e.pid)
	if err != nil {
		return Result{}, err
	}
	t0 := time.Now()
	conns, err := e.dialer.dialMany(ctx, n, handshakeClients, nil)
	if err != nil {
		return Result{}, err
	}
	seconds := time.Since(t0).Seconds()
	cpu1, err := cpuSeconds(e.pid)
	closeAll(conns)
	if err != nil {
		return Result{}, err
	}
	return Result{Seconds: seconds, CPU: cpu1 - cpu0, Count: int64(n), Conns: n}, nil
}
