package azote

import (
	"context"
	"time"

	"github.com/dop251/goja"
)

// drainGrace is how long a generation replaced by a reload keeps serving what it started:
// in-flight requests, close handshakes, the close hooks.
const drainGrace = 10 * time.Second

// brokenGrace is the same for a generation whose runtime broke: its awaiting requests will
// never be answered, so they get 503 soon instead.
const brokenGrace = time.Second

// install makes g the current generation and returns the one it replaced, unless the server
// is shut down, or expect is not nil and no longer current (another change came first).
func (s *Server) install(g, expect *generation) (*generation, bool) {
	s.swapMu.Lock()
	defer s.swapMu.Unlock()
	old := s.cur.Load()
	if s.closed || (expect != nil && old != expect) {
		return nil, false
	}
	s.cur.Store(g)
	return old, true
}

// renew replaces a generation whose runtime can no longer run promise jobs (see
// engine.Options.OnBroken) with a fresh one of the same code, as a reload does: its peers get
// 1012 and reconnect to the new one. Module state starts over, as on a reload.
func (s *Server) renew(broken *generation) {
	if s.cur.Load() != broken {
		return // not installed yet (it broke while loading) or already replaced
	}
	g, err := s.load(broken.config, broken.app, broken.bundle)
	if err != nil {
		s.log.Error("could not start a fresh generation to replace the broken one", "error", err)
		return
	}
	if _, ok := s.install(g, broken); !ok {
		g.release(context.Background())
		return
	}
	s.log.Warn("replaced the JavaScript runtime with a fresh one of the same code: the old one could no longer run promise jobs; its WebSocket peers get 1012")
	s.retireWithin(brokenGrace, broken, 1012, "Service Restart")
}

// retireWithin is retire with a deadline grace from now.
func (s *Server) retireWithin(grace time.Duration, g *generation, code int, reason string) {
	ctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if err := s.retire(ctx, g, code, reason); err != nil {
		s.log.Error("retired generation", "error", err)
	}
}

// retire ends a generation that no longer takes requests, all before ctx is done: its peers get
// code (1012 on reload, 1001 on shutdown) and its event streams end; in-flight HTTP requests
// finish on it; then its runtime, timers and goroutines are released.
func (s *Server) retire(ctx context.Context, g *generation, code int, reason string) error {
	noop := func(*goja.Runtime) error { return nil }
	g.js.Close(code, reason) // a peer whose open hook runs after this is closed with code too
	waitUntil(ctx, func() bool { return g.inflight.Load() == 0 })
	// The handshakes that finished have queued their open jobs: once those ran, every peer is
	// tracked and has its close frame.
	g.engine.SyncContext(ctx, noop)
	waitUntil(ctx, func() bool { return g.js.PeerCount() == 0 })
	// Let the close hooks and onClosed callbacks queued by the last connections run.
	g.engine.SyncContext(ctx, noop)
	return g.release(ctx)
}

// waitUntil polls cond until it holds or ctx is done.
func waitUntil(ctx context.Context, cond func() bool) {
	t := time.NewTicker(5 * time.Millisecond)
	defer t.Stop()
	for !cond() {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
