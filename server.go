// Package azote serves a Nitro app folder (routes/, api/, middleware/) from Go: its JavaScript
// and TypeScript handlers run on goja, its WebSockets on gorilla/websocket.
//
// A Server is an http.Handler, so azote embeds in any Go program:
//
//	srv, err := azote.New(azote.Options{Dir: "./app"})
//	if err != nil { ... }
//	defer srv.Close()
//	http.ListenAndServe(":3000", srv)
//
// The azote command is a thin wrapper around this package.
package azote

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"

	"github.com/azote-dev/azote/bindings"
	"github.com/azote-dev/azote/engine"
	loader "github.com/azote-dev/azote/routes-loader"
	"github.com/azote-dev/azote/static"
	"github.com/azote-dev/azote/ws"
)

// Version is azote's version, printed by `azote --version`.
const Version = "0.1.0"

// Options configures a Server. Zero values mean the documented defaults.
type Options struct {
	// Dir is the app folder (required).
	Dir string
	// Dev shows error messages and stacks in HTTP 500 answers.
	Dev bool
	// HandlerTimeout bounds one JavaScript call (default 5 s).
	HandlerTimeout time.Duration
	// MaxMessageSize is the largest WebSocket message accepted (default 16 MiB; over it: 1009).
	MaxMessageSize int64
	// MaxQueueBytes bounds each peer's outgoing queue (default 16 MiB; over it: 1013).
	MaxQueueBytes int
	// PingInterval is how often idle peers are pinged (default 30 s).
	PingInterval time.Duration
	// WriteTimeout bounds one socket write to a WebSocket peer: a peer that takes nothing for
	// that long is dropped (1006). Default 10 s.
	WriteTimeout time.Duration
	// AllowedOrigins, when not empty, lists the origins (scheme://host[:port]) whose pages may
	// open a WebSocket: an upgrade with another Origin header gets 403 (logged) before any hook
	// runs. Guards cookie-authenticated apps against cross-site WebSocket hijacking. Requests
	// without Origin (not from a browser) pass. Empty (default) allows every origin, like Node.
	AllowedOrigins []string
	// MaxBodyBytes bounds a request body (default 16 MiB; over it: 413).
	MaxBodyBytes int64
	// SSEKeepAlive is how often an idle event stream gets a keep-alive comment (default 15 s).
	SSEKeepAlive time.Duration
	// ReadTimeout bounds how long a request's headers and body may take to arrive (default
	// 60 s; the headers alone get at most 10 s). Used by HTTPServer.
	ReadTimeout time.Duration
	// IdleTimeout closes a keep-alive connection idle this long (default 2 min). Used by
	// HTTPServer.
	IdleTimeout time.Duration
	// MaxHeaderBytes bounds a request's line and header fields (default 16 KiB, like Node;
	// over it: 431). ServeHTTP enforces it whatever http.Server serves it, so the headers a
	// WebSocket peer keeps (peer.request) stay within it.
	MaxHeaderBytes int
	// MaxMemory is how much memory the process may hold (bytes the Go runtime holds, where all
	// JavaScript values live) before the running JavaScript is interrupted (HTTP 500,
	// WebSocket 1011) and its memory released; Go's soft limit is set to it. Zero:
	// half of the container's or the machine's memory (engine.DefaultMaxMemory); negative:
	// no limit.
	MaxMemory int64
	// TrustForwardedFor takes peer.remoteAddress and getRequestIP from the X-Forwarded-For
	// header; set it only behind a proxy that sets that header.
	TrustForwardedFor bool
	// Watch reloads the app when its files change (azote dev): each change builds a new
	// generation that takes over new requests at once, while the old one drains.
	Watch bool
	// Logger receives the server's and the app's logs (default slog.Default()).
	Logger *slog.Logger
	// ErrorOutput receives the readable blocks (file:line:col, code frame, message) of a
	// reload that failed (default os.Stderr).
	ErrorOutput io.Writer
}

// Server serves one app. It is safe for concurrent use.
type Server struct {
	opts Options
	log  *slog.Logger
	ws   *ws.Server
	cur  atomic.Pointer[generation]

	errOut    io.Writer
	reload    *reloader // nil unless Watch
	stopWatch func()
	closeOnce sync.Once

	swapMu sync.Mutex // serializes changes of cur (reload, replacement) with Shutdown
	closed bool       // under swapMu: Shutdown began, no generation is installed any more
}

// generation is one loaded version of the app: its routes, its runtime and its bindings.
type generation struct {
	app    *loader.App
	config *appConfig
	bundle *loader.Bundle // kept to start a fresh generation of the same code (see renew)
	table  *loader.Table
	engine *engine.Generation
	poller *ws.Poller // the loop's idle wait, reading the generation's WebSocket conns; may be nil
	js     *bindings.App
	public *static.Files // nil when the app has no public/ folder

	inflight atomic.Int64 // HTTP requests being served; the old generation waits for them
}

// New scans, bundles and loads the app in opts.Dir.
func New(opts Options) (*Server, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.ErrorOutput == nil {
		opts.ErrorOutput = os.Stderr
	}
	s := &Server{opts: opts, log: opts.Logger, errOut: opts.ErrorOutput}
	dir, err := appDir(opts.Dir)
	if err != nil {
		return nil, err
	}
	cfg, err := loadConfig(dir)
	if err != nil {
		return nil, err
	}
	if err := cfg.applyTo(&s.opts); err != nil {
		return nil, fmt.Errorf("%s: %w", cfg.file, err)
	}
	connectionDefaults(&s.opts)
	// The bundled npm packages compile once per process; the scan and build of the app run
	// meanwhile on the other core. Their regexps keep the match timeout in force now, so it
	// is fixed first, from the handler timeout the config may have set.
	engine.BoundRegexps(s.opts.HandlerTimeout)
	go bindings.Precompile() // an error is Load's to report
	if s.opts.MaxMemory == 0 {
		s.opts.MaxMemory = engine.DefaultMaxMemory()
	}
	opts = s.opts
	for _, o := range opts.AllowedOrigins {
		if _, err := ws.NormalizeOrigin(o); err != nil {
			return nil, fmt.Errorf("allowed origins: %w", err)
		}
	}
	s.ws = ws.NewServer(ws.Options{
		AllowedOrigins: opts.AllowedOrigins,
		MaxMessageSize: opts.MaxMessageSize,
		MaxQueueBytes:  opts.MaxQueueBytes,
		PingInterval:   opts.PingInterval,
		WriteTimeout:   opts.WriteTimeout,
		Logger:         opts.Logger,
	})
	if len(cfg.ignored) > 0 && s.opts.Dev {
		s.log.Info("nitro.config keys azote ignores", "keys", strings.Join(cfg.ignored, ", "))
	}
	g, err := s.start(dir, cfg)
	if err != nil {
		s.ws.Close()
		return nil, err
	}
	s.cur.Store(g)
	if opts.Watch {
		if err := s.watch(dir); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// start builds the first generation. With Watch, the reloader keeps the incremental builder.
func (s *Server) start(dir string, cfg *appConfig) (*generation, error) {
	t0 := time.Now()
	app, err := s.scan(dir, cfg)
	if err != nil {
		return nil, err
	}
	t1 := time.Now()
	var bundle *loader.Bundle
	if s.opts.Watch {
		s.reload = &reloader{s: s, dir: dir}
		bundle, err = s.reload.bundle(app)
	} else {
		bundle, err = loader.Build(app)
	}
	if err != nil {
		return nil, err
	}
	t2 := time.Now()
	g, err := s.load(cfg, app, bundle)
	if err != nil {
		var be *loader.BuildError
		if errors.As(err, &be) {
			return nil, err
		}
		return nil, errors.New(describeError(dir, err))
	}
	s.log.Debug("first generation", "scan", t1.Sub(t0), "build", t2.Sub(t1), "load", time.Since(t2), "routes", len(app.Routes))
	return g, nil
}

// appDir is the absolute app folder with symlinks resolved.
func appDir(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("app folder %s: %w", dir, err)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", fmt.Errorf("app folder %s: %w", dir, err)
	}
	return real, nil
}

// scan finds the app's routes with the config's layout, logging what it skipped.
func (s *Server) scan(dir string, cfg *appConfig) (*loader.App, error) {
	layout := cfg.layout
	layout.Dev = s.opts.Dev
	app, err := loader.ScanLayout(dir, layout)
	if err != nil {
		return nil, err
	}
	app.HostExports = bindings.HostExports()
	for _, w := range app.Warnings {
		s.log.Warn(w)
	}
	return app, nil
}

// load starts a generation on a bundle: a runtime, the bindings, the route table and the
// public folder.
func (s *Server) load(cfg *appConfig, app *loader.App, bundle *loader.Bundle) (*generation, error) {
	g := &generation{app: app, config: cfg, bundle: bundle, table: loader.NewTable(app.Routes)}
	// The loop waits in a poller that reads the generation's WebSocket conns, so a message goes
	// from its socket to its hook on the loop goroutine. Without one (not Linux), each conn gets
	// a reader goroutine.
	var waiter engine.Waiter
	if p, err := newPoller(s.log); err == nil {
		g.poller, waiter = p, p
	} else if !errors.Is(err, ws.ErrNoPoller) {
		s.log.Warn("no WebSocket poller, a reader goroutine per connection instead", "err", err)
	}
	eng, err := engine.New(engine.Options{HandlerTimeout: s.opts.HandlerTimeout, Logger: s.log, Waiter: waiter,
		MaxMemory: s.opts.MaxMemory, OnBroken: func() { s.renew(g) }})
	if err != nil {
		g.release(context.Background())
		return nil, err
	}
	g.engine = eng
	routes := make([]bindings.Route, len(app.Routes))
	for i, r := range app.Routes {
		routes[i] = bindings.Route{File: r.File, Pattern: r.Path}
		if be := bundle.Broken[r.File]; be != nil {
			routes[i].Broken = be.Error()
		}
	}
	js, err := bindings.Load(eng, bundle.Code, routes, app.Middleware, bindings.Options{
		WS:             s.ws,
		Poller:         g.poller,
		Dev:            s.opts.Dev,
		Dir:            app.Dir,
		MaxBodyBytes:   s.opts.MaxBodyBytes,
		HandlerTimeout: s.opts.HandlerTimeout,
		RuntimeConfig:  cfg.runtimeConfig,
		SSEKeepAlive:   s.opts.SSEKeepAlive,

		TrustForwardedFor: s.opts.TrustForwardedFor,
	})
	if err != nil {
		g.release(context.Background())
		return nil, err
	}
	g.js = js
	if app.PublicDir != "" {
		if g.public, err = static.New(app.PublicDir); err != nil {
			g.release(context.Background())
			return nil, err
		}
	}
	return g, nil
}

// newPoller is ws.NewPoller; tests replace it to run conns on reader goroutines (the path of
// platforms without epoll) on Linux too.
var newPoller = ws.NewPoller

// release stops the generation's runtime within ctx (see engine.Generation.Stop), then its
// poller, which drops any conn still in it; the poller waits for a loop that is still busy.
func (g *generation) release(ctx context.Context) error {
	var err error
	if g.engine != nil {
		err = g.engine.Stop(ctx)
	}
	if g.poller != nil {
		if err == nil || g.engine == nil {
			g.poller.Close()
		} else {
			go func() {
				<-g.engine.Done()
				g.poller.Close()
			}()
		}
	}
	return err
}

// Routes is the current route table, in scan order.
func (s *Server) Routes() []loader.Route {
	return s.cur.Load().app.Routes
}

// PublicDir is the folder served as static files, "" when the app has none.
func (s *Server) PublicDir() string {
	return s.cur.Load().app.PublicDir
}

// RouteKind says what a route serves: "websocket" (upgrades; plain requests get its HTTP
// side or 426) or "http".
func (s *Server) RouteKind(i int) string {
	g := s.cur.Load()
	if g.js.IsWebSocket(i) {
		return "websocket"
	}
	return "http"
}

// ServeHTTP dispatches a request: a WebSocket upgrade to its route's hooks; a GET or HEAD to
// a file of public/ when one matches (static files come first, like Nitro); anything else to
// the route's handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if headerBytes(r) > s.opts.MaxHeaderBytes {
		headersTooLarge(w)
		return
	}
	g := s.acquire()
	defer g.inflight.Add(-1)
	upgrade := g.config.websocket && websocket.IsWebSocketUpgrade(r)
	if !upgrade && g.public != nil && g.public.Serve(w, r) {
		return
	}
	i, params, ok := g.table.Match(r.Method, r.URL.EscapedPath())
	if upgrade && !(ok && g.js.Broken(i)) { // a broken route answers an upgrade 500 too
		if !ok || !g.js.IsWebSocket(i) {
			notFound(w, r)
			return
		}
		if !s.ws.AllowOrigin(w, r) {
			return
		}
		g.js.Upgrade(w, r, i, params)
		return
	}
	if !ok {
		notFound(w, r)
		return
	}
	g.js.ServeHTTP(w, r, i, params)
}

// acquire is the current generation, counted as in use until the caller decrements inflight.
// Re-reading after counting closes the window in which a reload could retire a generation
// that a request is about to use.
func (s *Server) acquire() *generation {
	for {
		g := s.cur.Load()
		g.inflight.Add(1)
		if s.cur.Load() == g {
			return g
		}
		g.inflight.Add(-1)
	}
}

func notFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(http.StatusNotFound)
	scheme := "http://"
	if r.TLS != nil {
		scheme = "https://"
	}
	// h3's message, which names the request's URL (event.url) in full.
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	enc.SetEscapeHTML(false) // as JSON.stringify
	enc.Encode(struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	}{404, fmt.Sprintf("Cannot find any route matching [%s] %s%s%s", r.Method, scheme, r.Host, r.URL.RequestURI())})
	w.Write(bytes.TrimSuffix(body.Bytes(), []byte("\n")))
}

// CloseClients closes every WebSocket peer with 1001 "Going Away" (shutdown), so their close
// hooks run while the runtime is still alive.
func (s *Server) CloseClients() {
	s.cur.Load().js.Close(1001, "Going Away")
}

// Close is Shutdown with ShutdownGrace.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	return s.Shutdown(ctx)
}

// ShutdownGrace is how long Close lets in-flight requests, close handshakes and the last
// JavaScript jobs take.
const ShutdownGrace = 10 * time.Second

// Shutdown closes every peer with 1001, lets in-flight requests finish and stops the runtime,
// all before ctx is done: JavaScript still running then is interrupted, and Shutdown returns
// even if it cannot be (native code), with an error saying so. In-flight HTTP requests belong
// to the http.Server: call its Shutdown first, with the same ctx.
func (s *Server) Shutdown(ctx context.Context) error {
	var err error
	s.closeOnce.Do(func() {
		if s.stopWatch != nil {
			s.stopWatch()
		}
		if s.reload != nil {
			s.reload.dispose()
		}
		s.swapMu.Lock()
		s.closed = true
		g := s.cur.Load()
		s.swapMu.Unlock()
		err = s.retire(ctx, g, 1001, "Going Away")
		s.ws.Close()
	})
	return err
}
