package main

import (
	"context"
	"fmt"
	"time"
)

// window is what happened between two samples: wall time, server CPU and the scenario's counter.
type window struct {
	seconds float64
	cpu     float64
	count   int64
}

// measure lets the load run for e.warmup, then samples the server's CPU and count() across
// e.window. The load keeps running throughout; the caller stops it afterwards.
func (e *env) measure(ctx context.Context, count func() int64) (window, error) {
	if err := sleep(ctx, e.warmup); err != nil {
		return window{}, err
	}
	cpu0, err := cpuSeconds(e.pid)
	if err != nil {
		return window{}, err
	}
	t0, n0 := time.Now(), count()
	if err := sleep(ctx, e.window); err != nil {
		return window{}, err
	}
	cpu1, err := cpuSeconds(e.pid)
	if err != nil {
		return window{}, err
	}
	n1 := count()
	w := window{seconds: time.Since(t0).Seconds(), cpu: cpu1 - cpu0, count: n1 - n0}
	if w.cpu <= 0 {
		return w, fmt.Errorf("server used no measurable CPU in %.1fs (count %d)", w.seconds, w.count)
	}
	return w, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
