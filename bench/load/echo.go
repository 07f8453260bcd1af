package main

import (
	"bytes"
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// echoSize is the size of every echoed message, and of every fan-out payload.
const echoSize = 64

// runEcho keeps `inflight` 64-byte text messages outstanding on each of `conns` connections:
// every echo that comes back is counted and answered with the next message. Count is echoes
// received in the window; Loss is messages never echoed once the load stops.
func runEcho(ctx context.Context, e *env, conns, inflight int) (Result, error) {
	cs, err := e.dialer.dialMany(ctx, conns, 16, nil)
	if err != nil {
		return Result{}, err
	}
	defer closeAll(cs)

	msg := bytes.Repeat([]byte("e"), echoSize)
	var received, sent, errs atomic.Int64
	var stopping atomic.Bool
	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := make([]byte, 2*echoSize)
			outstanding := 0
			for range inflight {
				if err := c.WriteMessage(websocket.TextMessage, msg); err != nil {
					errs.Add(1)
					return
				}
				outstanding++
				sent.Add(1)
			}
			for outstanding > 0 {
				n, err := readMessage(c, buf)
				if err != nil {
					if !stopping.Load() {
						errs.Add(1)
					}
					return
				}
				outstanding--
				received.Add(1)
				if n != echoSize {
					errs.Add(1)
				}
				if stopping.Load() {
					continue
				}
				if err := c.WriteMessage(websocket.TextMessage, msg); err != nil {
					errs.Add(1)
					return
				}
				outstanding++
				sent.Add(1)
			}
		}()
	}

	w, err := e.measure(ctx, received.Load)
	stopping.Store(true)
	if !waitGroupWithin(&wg, 5*time.Second) {
		closeAll(cs) // unblocks readers still waiting for lost echoes
		wg.Wait()
	}
	if err != nil {
		return Result{}, err
	}
	return Result{
		Seconds: w.seconds, CPU: w.cpu, Count: w.count, Conns: conns,
		Loss: sent.Load() - received.Load(), Errors: errs.Load(),
	}, nil
}

// waitGroupWithin waits for wg at most d and reports whether it finished.
func waitGroupWithin(wg *sync.WaitGroup, d time.Duration) bool {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}
