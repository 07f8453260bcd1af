package sse

import (
	"bufio"
	"context"
	"os/exec"
	"testing"
)

// TestCurlSeesEventsAsTheyCome runs `curl -N` (unbuffered output) against a stream and checks
// each event is printed before the next one is pushed: nothing between the stream and a real
// client holds bytes back.
func TestCurlSeesEventsAsTheyCome(t *testing.T) {
	curl, err := exec.LookPath("curl")
	if err != nil {
		t.Skip("no curl on this machine")
	}
	h := newHarness(t, Options{KeepAlive: -1}, nil, nil)
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, curl, "-N", "-s", "-S", h.web.URL+"/curl")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 64)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	sv := recv(t, h.served)

	for _, data := range []string{"one", "two", "three"} {
		sv.stream.Push(Event{Event: "count", Data: data})
		for _, want := range []string{"event: count", "data: " + data, ""} {
			if got := recv(t, lines); got != want {
				t.Fatalf("curl printed %q, want %q", got, want)
			}
		}
	}
	sv.stream.Close()
	if _, open := <-lines; open {
		t.Fatal("curl printed more after Close")
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("curl: %v", err)
	}
	if err := recv(t, sv.result); err != nil {
		t.Fatalf("Serve: %v", err)
	}
}
