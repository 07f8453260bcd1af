package sse

import (
	"bufio"
	"context"
	"net/http"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestNoGoroutineLeft opens 1,000 streams, reads the first event of each and drops the client,
// then checks every stream ended with one OnClosed and no goroutine stayed behind.
func TestNoGoroutineLeft(t *testing.T) {
	const streams, workers = 1000, 8
	h := newHarness(t, Options{KeepAlive: 20 * time.Millisecond}, nil, func(s *Stream) {
		s.PushData("hello")
	})
	transport := &http.Transport{}
	defer transport.CloseIdleConnections()
	httpClient := &http.Client{Transport: transport}

	runtime.GC()
	baseline := runtime.NumGoroutine()
	start := time.Now()

	var failures atomic.Int32
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < streams; i += workers {
				if !openAndDrop(httpClient, h.web.URL+"/leak") {
					failures.Add(1)
				}
			}
		})
	}
	wg.Wait()
	if n := failures.Load(); n > 0 {
		t.Fatalf("%d of %d clients did not get their first event", n, streams)
	}

	for range streams {
		sv := recv(t, h.served)
		recv(t, sv.result)
		recv(t, sv.closed)
		if n := sv.closes.Load(); n != 1 {
			t.Fatalf("OnClosed ran %d times", n)
		}
	}
	transport.CloseIdleConnections()

	deadline := time.Now().Add(waitLimit)
	for runtime.NumGoroutine() > baseline {
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines, baseline %d:\n%s", runtime.NumGoroutine(), baseline, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Logf("%d streams opened and dropped in %v", streams, time.Since(start))
}

// openAndDrop reads the first event of one stream and then cancels the request, like a browser
// tab being closed.
func openAndDrop(c *http.Client, url string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return false
	}
	resp, err := c.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	br := bufio.NewReader(resp.Body)
	line, err := br.ReadString('\n')
	return err == nil && line == "data: hello\n"
}
