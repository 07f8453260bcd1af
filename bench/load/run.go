package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"
)

// env is what a scenario needs to know about the server under test.
type env struct {
	dialer *dialer
	pid    int
	warmup time.Duration // load runs before the window opens
	window time.Duration // the measured window
	settle time.Duration // idle: quiet time before RSS is read
	stall  time.Duration // fan-out drain: give up once deliveries stop moving for this long
}

func runCommand(args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	name := fs.String("scenario", "", "scenario to run (see `load list`)")
	server := fs.String("server", "", "label of the server under test, for the report")
	url := fs.String("url", "", "WebSocket URL of the server's bench endpoint")
	pid := fs.Int("pid", 0, "server process id, for /proc/PID/stat and /proc/PID/status")
	run := fs.Int("run", 1, "run number, for the report")
	warmup := fs.Duration("warmup", time.Second, "load before the measured window")
	window := fs.Duration("window", 3*time.Second, "measured window")
	settle := fs.Duration("settle", 2*time.Second, "idle scenarios: wait before reading RSS")
	out := fs.String("out", "", "write the JSON result here (default stdout)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	sc, ok := findScenario(*name)
	if !ok {
		return fmt.Errorf("unknown scenario %q (see `load list`)", *name)
	}
	if *url == "" || *pid <= 0 || *server == "" {
		return fmt.Errorf("-url, -pid and -server are required")
	}
	if _, err := cpuSeconds(*pid); err != nil {
		return err
	}

	e := &env{dialer: newDialer(*url), pid: *pid, warmup: *warmup, window: *window, settle: *settle, stall: 3 * time.Second}
	started := time.Now()
	res, runErr := runOnce(sc, e, *server, *url)
	res.Scenario, res.Server, res.Run, res.Started = sc.name, *server, *run, started
	res.LoadAverage = loadAverage()
	if runErr != nil {
		// A failed run is still written, so the report can say which run failed and why.
		res = Result{Scenario: sc.name, Server: *server, Run: *run, Started: started, Failed: runErr.Error()}
	}

	b, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		return err
	}
	if *out == "" {
		_, err = os.Stdout.Write(append(b, '\n'))
	} else {
		err = os.WriteFile(*out, append(b, '\n'), 0o644)
	}
	if err != nil {
		return fmt.Errorf("write result: %w", err)
	}
	if runErr != nil {
		return runErr
	}
	fmt.Fprintln(os.Stderr, summary(sc, res))
	return nil
}

// runOnce waits for the server to answer, then runs the scenario within a bounded time.
func runOnce(sc scenario, e *env, server, url string) (Result, error) {
	ready, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	err := waitForServer(ready, e.dialer)
	cancel()
	if err != nil {
		return Result{}, fmt.Errorf("%s at %s: %w", server, url, err)
	}
	// Every scenario is bounded: its own windows plus at most this much setup and drain.
	ctx, cancel := context.WithTimeout(context.Background(), e.warmup+e.window+e.settle+90*time.Second)
	defer cancel()
	res, err := sc.run(ctx, e)
	if err != nil {
		return Result{}, fmt.Errorf("%s on %s: %w", sc.name, server, err)
	}
	return res, nil
}

// summary is the one progress line bench/run prints per run.
func summary(sc scenario, r Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  %-14s %-8s run %d: ", sc.name, r.Server, r.Run)
	switch sc.kind {
	case throughput:
		fmt.Fprintf(&b, "%s %s/s, %s per CPU second (server CPU %.2f cores)",
			human(float64(r.Count)/r.Seconds), sc.unit, human(float64(r.Count)/r.CPU), r.CPU/r.Seconds)
	case idleMemory:
		fmt.Fprintf(&b, "%.1f KB per connection (RSS %.0f -> %.0f MB, %d connections)",
			float64(r.RSSAfter-r.RSSBefore)/float64(r.Conns)/1024, float64(r.RSSBefore)/(1<<20), float64(r.RSSAfter)/(1<<20), r.Conns)
	case connectCost:
		fmt.Fprintf(&b, "%.0f connections/s, %.0f us server CPU per connection",
			float64(r.Count)/r.Seconds, r.CPU/float64(r.Count)*1e6)
	case overloadMemory:
		fmt.Fprintf(&b, "peak RSS +%.0f MB (%.0f -> %.0f MB), %d of %d stalled subscribers dropped, %d messages in %.2f s",
			float64(r.RSSAfter-r.RSSBefore)/(1<<20), float64(r.RSSBefore)/(1<<20), float64(r.RSSAfter)/(1<<20),
			r.Dropped, r.Conns, r.Count, r.Seconds)
	}
	if r.Loss != 0 || r.Errors != 0 {
		fmt.Fprintf(&b, " [loss %d, errors %d]", r.Loss, r.Errors)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, " [%s]", n)
	}
	return b.String()
}
