package main

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// overloadTopic is the topic of the overload scenario's stalled subscribers.
const overloadTopic = "overload"

// runOverload measures what a publisher far faster than its subscribers costs the server:
// `stalled` connections subscribe, then never read again, while one publisher sends `total`
// messages of `size` bytes as fast as the server takes them. RSSAfter is the highest RSS seen
// while that happens (sampled every 20 ms), so RSSAfter-RSSBefore is what the backlog cost.
// Then each stalled subscriber reads what reached it for up to `stall`: Dropped counts those the
// server closed (a 1013 close frame, or the connection's end), the rest stayed open with their
// backlog. Count is messages published, in Seconds.
func runOverload(ctx context.Context, e *env, stalled, total, size int) (Result, error) {
	subs, err := dialSubscribers(ctx, e, stalled, overloadTopic)
	if err != nil {
		return Result{}, err
	}
	defer closeAll(subs)
	pub, err := e.dialer.dial(ctx)
	if err != nil {
		return Result{}, err
	}
	defer pub.Close()

	before, err := rssBytes(e.pid)
	if err != nil {
		return Result{}, err
	}
	cpu0, err := cpuSeconds(e.pid)
	if err != nil {
		return Result{}, err
	}

	var peak atomic.Int64
	peak.Store(before)
	sampling, samplerDone := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(samplerDone)
		for {
			if rss, err := rssBytes(e.pid); err == nil && rss > peak.Load() {
				peak.Store(rss)
			}
			select {
			case <-sampling:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()

	// Publish for at most the window; a server that stops reading the publisher holds it back.
	msg := make([]byte, len("pub:"+overloadTopic+":")+size)
	copy(msg, "pub:"+overloadTopic+":")
	for i := range msg[len("pub:"+overloadTopic+":"):] {
		msg[len("pub:"+overloadTopic+":")+i] = 'o'
	}
	t0 := time.Now()
	pub.SetWriteDeadline(t0.Add(e.window))
	sent := 0
	var notes []string
	for sent < total && ctx.Err() == nil {
		if err := pub.WriteMessage(websocket.TextMessage, msg); err != nil {
			var ne net.Error
			if !errors.As(err, &ne) || !ne.Timeout() {
				notes = append(notes, "publisher: "+err.Error())
			}
			break
		}
		sent++
	}
	seconds := time.Since(t0).Seconds()
	// Give the server a moment to work through (or drop) its backlog before judging.
	if err := sleep(ctx, e.settle); err != nil {
		return Result{}, err
	}
	close(sampling)
	<-samplerDone
	cpu1, err := cpuSeconds(e.pid)
	if err != nil {
		return Result{}, err
	}

	// Each stalled subscriber now reads everything that reached it.
	var dropped, errs atomic.Int64
	var readers sync.WaitGroup
	for _, c := range subs {
		readers.Add(1)
		go func() {
			defer readers.Done()
			c.SetReadDeadline(time.Now().Add(e.stall))
			for {
				_, r, err := c.NextReader()
				if err == nil {
					_, err = io.Copy(io.Discard, r)
				}
				if err == nil {
					continue
				}
				var ne net.Error
				var ce *websocket.CloseError
				switch {
				case errors.As(err, &ne) && ne.Timeout():
					// still open: the server kept its backlog
				case errors.As(err, &ce) && ce.Code != websocket.CloseTryAgainLater &&
					ce.Code != websocket.CloseAbnormalClosure:
					errs.Add(1) // closed, but not as a slow consumer
				default:
					// 1013, or the end of the connection (1006) when the socket was too full
					// for the close frame
					dropped.Add(1)
				}
				return
			}
		}()
	}
	readers.Wait()
	return Result{
		Seconds: seconds, CPU: cpu1 - cpu0, Count: int64(sent), Conns: stalled,
		RSSBefore: before, RSSAfter: peak.Load(), Dropped: dropped.Load(),
		Errors: errs.Load(), Notes: notes,
	}, nil
}
