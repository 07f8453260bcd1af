// Command azote serves a Nitro app folder: `azote dev DIR` while developing, `azote serve DIR`
// in production. It parses flags and the environment, sets up logging and signals, and hands
// everything else to package azote.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/azote-dev/azote"
)

const usage = `azote runs Nitro route handlers (routes/, api/, middleware/) on a Go server.

Usage:
  azote dev DIR [flags]     serve DIR for development (error details in answers)
  azote serve DIR [flags]   serve DIR for production
  azote --version

Flags (before or after DIR):
  --port N                  port (env NITRO_PORT, PORT; default 3000)
  --host H                  host (env NITRO_HOST, HOST; default 0.0.0.0)
  --handler-timeout D       interrupt a JavaScript call after D (default 5s)
  --max-message-size N      largest WebSocket message in bytes (default 16 MiB, over: close 1009)
  --max-queue N             per-peer outgoing queue in bytes (default 16 MiB, over: close 1013)
  --ping-interval D         ping idle peers every D, drop silent ones (default 30s)
  --max-body N              largest request body in bytes (default 16 MiB, over: 413)
  --max-memory N            interrupt JavaScript once the process holds N bytes (default half of
                            the machine's or container's memory; -1: no limit)
  --sse-keep-alive D        keep-alive comment on idle event streams every D (default 15s)
  --read-timeout D          a request (headers within 10s, body) must arrive within D (default 60s)
  --idle-timeout D          close keep-alive connections idle for D (default 2m)
  --max-header-bytes N      largest request line and headers in bytes (default 16 KiB, over: 431)
  --trust-proxy             take client addresses from X-Forwarded-For (only behind a proxy)
  --allowed-origins LIST    origins whose pages may open WebSockets, comma-separated
                            (e.g. https://app.example.com; default: every origin; others: 403)
  --pprof ADDR              serve Go's profiler on ADDR (e.g. 127.0.0.1:6060) for performance work
  --log-level L             debug, info, warn or error (default info)
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	mode, dir, host, logLevel string
	pprof                     string // address of a net/http/pprof listener, "" for none
	port                      int
	opts                      azote.Options
}

func run(args []string, stdout, stderr io.Writer) int {
	cfg, err := parse(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "azote: %v\n\n%s", err, usage)
		return 2
	}
	if cfg.mode == "version" {
		fmt.Fprintln(stdout, "azote", azote.Version)
		return 0
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.logLevel)); err != nil {
		fmt.Fprintf(stderr, "azote: --log-level: %v\n", err)
		return 2
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	cfg.opts.Logger = log
	cfg.opts.Dir = cfg.dir
	cfg.opts.Dev = cfg.mode == "dev"
	cfg.opts.Watch = cfg.mode == "dev"
	cfg.opts.ErrorOutput = stderr

	started := time.Now()
	srv, err := azote.New(cfg.opts)
	if err != nil {
		fmt.Fprintf(stderr, "azote: %v\n", err)
		return 1
	}
	defer srv.Close()

	addr := net.JoinHostPort(cfg.host, strconv.Itoa(cfg.port))
	// No TCP keep-alive probes: WebSocket peers are pinged by azote, HTTP requests have
	// timeouts, and the four setsockopt calls per accepted connection are a fifth of a
	// handshake's system time.
	ln, err := (&net.ListenConfig{KeepAlive: -1}).Listen(context.Background(), "tcp", addr)
	if err != nil {
		fmt.Fprintf(stderr, "azote: listen: %v\n", err)
		return 1
	}
	printRoutes(stdout, srv)
	shown := cfg.host
	if shown == "0.0.0.0" || shown == "" || shown == "::" {
		shown = "localhost"
	}
	fmt.Fprintf(stdout, "\n  azote %s (%s) ready in %d ms: http://%s\n\n", azote.Version, cfg.mode,
		time.Since(started).Milliseconds(), net.JoinHostPort(shown, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)))

	if cfg.pprof != "" {
		go func() {
			// net/http/pprof registers on http.DefaultServeMux; the app is served elsewhere.
			log.Info("profiler listening", "addr", cfg.pprof)
			if err := http.ListenAndServe(cfg.pprof, nil); err != nil {
				log.Error("profiler", "error", err)
			}
		}()
	}
	httpSrv := srv.HTTPServer()
	errc := make(chan error, 1)
	go func() { errc <- httpSrv.Serve(ln) }()

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "azote: %v\n", err)
		return 1
	case s := <-sig:
		log.Info("shutting down", "signal", s.String())
	}
	// Stop accepting, tell WebSocket peers 1001, let in-flight requests finish, stop the
	// runtime: all within shutdownGrace, whatever the JavaScript is doing.
	deadline := time.Now().Add(shutdownGrace)
	httpCtx, cancelHTTP := context.WithDeadline(context.Background(), deadline.Add(-runtimeGrace))
	defer cancelHTTP()
	appCtx, cancelApp := context.WithDeadline(context.Background(), deadline.Add(-exitMargin))
	defer cancelApp()
	srv.CloseClients()
	if err := httpSrv.Shutdown(httpCtx); err != nil {
		log.Warn("in-flight requests did not finish in time", "error", err)
	}
	if err := srv.Shutdown(appCtx); err != nil {
		log.Warn("the JavaScript runtime did not stop in time; exiting anyway", "error", err)
	}
	return 0
}

// shutdownGrace is how long the process takes at most to exit after SIGTERM or SIGINT. The HTTP
// requests get all of it but runtimeGrace, left for the last close hooks and for the runtime to
// stop; exitMargin is for Stop to interrupt JavaScript still running then.
const (
	shutdownGrace = 10 * time.Second
	runtimeGrace  = time.Second
	exitMargin    = 250 * time.Millisecond
)

// parse reads `MODE DIR` and flags given before or after DIR.
func parse(args []string, stderr io.Writer) (*config, error) {
	cfg := &config{host: "0.0.0.0", port: 3000, logLevel: "info"}
	if v := firstEnv("NITRO_PORT", "PORT"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil {
			return nil, fmt.Errorf("port from the environment %q: not a number", v)
		}
		cfg.port = p
	}
	if v := firstEnv("NITRO_HOST", "HOST"); v != "" {
		cfg.host = v
	}

	fs := flag.NewFlagSet("azote", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.IntVar(&cfg.port, "port", cfg.port, "")
	fs.StringVar(&cfg.host, "host", cfg.host, "")
	fs.DurationVar(&cfg.opts.HandlerTimeout, "handler-timeout", 0, "")
	fs.Int64Var(&cfg.opts.MaxMessageSize, "max-message-size", 0, "")
	fs.IntVar(&cfg.opts.MaxQueueBytes, "max-queue", 0, "")
	fs.DurationVar(&cfg.opts.PingInterval, "ping-interval", 0, "")
	fs.Int64Var(&cfg.opts.MaxBodyBytes, "max-body", 0, "")
	fs.Int64Var(&cfg.opts.MaxMemory, "max-memory", 0, "")
	fs.DurationVar(&cfg.opts.SSEKeepAlive, "sse-keep-alive", 0, "")
	fs.DurationVar(&cfg.opts.ReadTimeout, "read-timeout", 0, "")
	fs.DurationVar(&cfg.opts.IdleTimeout, "idle-timeout", 0, "")
	fs.IntVar(&cfg.opts.MaxHeaderBytes, "max-header-bytes", 0, "")
	fs.BoolVar(&cfg.opts.TrustForwardedFor, "trust-proxy", false, "")
	fs.Func("allowed-origins", "", func(v string) error {
		for _, origin := range strings.Split(v, ",") {
			if origin = strings.TrimSpace(origin); origin != "" {
				cfg.opts.AllowedOrigins = append(cfg.opts.AllowedOrigins, origin)
			}
		}
		return nil
	})
	fs.StringVar(&cfg.pprof, "pprof", "", "")
	fs.StringVar(&cfg.logLevel, "log-level", cfg.logLevel, "")
	version := fs.Bool("version", false, "")

	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if *version || (len(positional) > 0 && positional[0] == "version") {
		cfg.mode = "version"
		return cfg, nil
	}
	if len(positional) == 0 {
		return nil, errors.New("missing command: dev or serve")
	}
	switch positional[0] {
	case "dev", "serve":
		cfg.mode = positional[0]
	case "help":
		return nil, flag.ErrHelp
	default:
		return nil, fmt.Errorf("unknown command %q", positional[0])
	}
	switch len(positional) {
	case 1:
		return nil, fmt.Errorf("%s needs the app folder: azote %s DIR", cfg.mode, cfg.mode)
	case 2:
		cfg.dir = positional[1]
	default:
		return nil, fmt.Errorf("unexpected arguments: %s", strings.Join(positional[2:], " "))
	}
	if cfg.port < 0 || cfg.port > 65535 {
		return nil, fmt.Errorf("port %d out of range", cfg.port)
	}
	return cfg, nil
}

func firstEnv(names ...string) string {
	for _, n := range names {
		if v := os.Getenv(n); v != "" {
			return v
		}
	}
	return ""
}

func printRoutes(w io.Writer, srv *azote.Server) {
	routes := srv.Routes()
	fmt.Fprintf(w, "  %d route(s):\n", len(routes))
	for i, r := range routes {
		method := r.Method
		if method == "" {
			method = "*"
		}
		fmt.Fprintf(w, "    %-7s %-28s %-10s %s\n", method, r.Path, srv.RouteKind(i), r.File)
	}
	if dir := srv.PublicDir(); dir != "" {
		fmt.Fprintf(w, "  static files: %s\n", dir)
	}
}
