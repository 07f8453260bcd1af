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
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
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
	// MaxBodyBytes bounds a request body (default 16 MiB; over it: 413).
	MaxBodyBytes int64
	// SSEKeepAlive is how often an idle event stream gets a keep-alive comment (default 15 s).
	SSEKeepAlive time.Duration
	// Logger receives the server's and the app's logs (default slog.Default()).
	Logger *slog.Logger
}

// Server serves one app. It is safe for concurrent use.
type Server struct {
	opts Options
	log  *slog.Logger
	ws   *ws.Server
	cur  atomic.Pointer[generation]

	closeOnce sync.Once
}

// generation is one loaded version of the app: its routes, its runtime and its bindings.
type generation struct {
	app    *loader.App
	config *appConfig
	table  *loader.Table
	engine *engine.Generation
	js     *bindings.App
	public *static.Files // nil when the app has no public/ folder
}

// New scans, bundles and loads the app in opts.Dir.
func New(opts Options) (*Server, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	s := &Server{opts: opts, log: opts.Logger}
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
	opts = s.opts
	s.ws = ws.NewServer(ws.Options{
		MaxMessageSize: opts.MaxMessageSize,
		MaxQueueBytes:  opts.MaxQueueBytes,
		PingInterval:   opts.PingInterval,
		Logger:         opts.Logger,
	})
	g, err := s.load(dir, cfg)
	if err != nil {
		s.ws.Close()
		return nil, err
	}
	s.cur.Store(g)
	return s, nil
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

// load builds a new generation from the app folder and its evaluated config.
func (s *Server) load(dir string, cfg *appConfig) (*generation, error) {
	if len(cfg.ignored) > 0 && s.opts.Dev {
		s.log.Info("nitro.config keys azote ignores", "keys", strings.Join(cfg.ignored, ", "))
	}
	app, err := loader.ScanLayout(dir, cfg.layout)
	if err != nil {
		return nil, err
	}
	for _, w := range app.Warnings {
		s.log.Warn(w)
	}
	bundle, err := loader.Build(app)
	if err != nil {
		return nil, err
	}
	eng, err := engine.New(engine.Options{HandlerTimeout: s.opts.HandlerTimeout, Logger: s.log})
	if err != nil {
		return nil, err
	}
	routes := make([]bindings.Route, len(app.Routes))
	for i, r := range app.Routes {
		routes[i] = bindings.Route{File: r.File}
	}
	js, err := bindings.Load(eng, bundle.Code, routes, app.Middleware, bindings.Options{
		WS:            s.ws,
		Dev:           s.opts.Dev,
		MaxBodyBytes:  s.opts.MaxBodyBytes,
		RuntimeConfig: cfg.runtimeConfig,
		SSEKeepAlive:  s.opts.SSEKeepAlive,
	})
	if err != nil {
		eng.Release()
		return nil, fmt.Errorf("load %s: %w", app.Dir, err)
	}
	g := &generation{app: app, config: cfg, table: loader.NewTable(app.Routes), engine: eng, js: js}
	if app.PublicDir != "" {
		if g.public, err = static.New(app.PublicDir); err != nil {
			eng.Release()
			return nil, err
		}
	}
	return g, nil
}

// Routes is the current route table, in scan order.
func (s *Server) Routes() []loader.Route {
	return s.cur.Load().app.Routes
}

// RouteKind says what a route serves: "websocket", "http" or "websocket+http".
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
	g := s.cur.Load()
	upgrade := g.config.websocket && websocket.IsWebSocketUpgrade(r)
	if !upgrade && g.public != nil && g.public.Serve(w, r) {
		return
	}
	i, params, ok := g.table.Match(r.Method, r.URL.Path)
	if upgrade {
		if !ok || !g.js.IsWebSocket(i) {
			notFound(w, r)
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

func notFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(http.StatusNotFound)
	fmt.Fprintf(w, `{"status":404,"message":%q}`, fmt.Sprintf("Cannot find any route matching [%s] %s", r.Method, r.URL.Path))
}

// CloseClients closes every WebSocket peer with 1001 "Going Away" (shutdown), so their close
// hooks run while the runtime is still alive.
func (s *Server) CloseClients() {
	s.cur.Load().js.Close(1001, "Going Away")
}

// Close closes every peer with 1001, then stops the runtime. In-flight HTTP requests belong to
// the http.Server: call its Shutdown first.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		g := s.cur.Load()
		g.js.Close(1001, "Going Away")
		deadline := time.Now().Add(2 * time.Second)
		for g.js.PeerCount() > 0 && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		// Let the close hooks queued by the last peers run before the loop stops.
		g.engine.Sync(func(*goja.Runtime) error { return nil })
		g.engine.Release()
		s.ws.Close()
	})
	return nil
}
