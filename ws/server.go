package ws

import (
	"bufio"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
)

// Server upgrades HTTP requests to WebSocket conns and owns what they share: the options, the
// Hub and the ping sweeper. All methods are safe for concurrent use.
type Server struct {
	opts     Options
	log      *slog.Logger
	upgrader websocket.Upgrader
	hub      Hub
	seq      atomic.Uint64
	origins  originPolicy // nil: every origin

	slowConsumers atomic.Uint64 // conns closed with 1013 so far

	// closeGrace is a field so tests can shorten the close handshake bound.
	closeGrace time.Duration

	stopSweeper chan struct{}
	sweeperDone chan struct{}
	closeOnce   sync.Once
}

// NewServer starts the ping sweeper (unless opts.PingInterval is negative).
func NewServer(opts Options) *Server {
	opts = opts.withDefaults()
	origins, err := newOriginPolicy(opts.AllowedOrigins)
	if err != nil {
		panic("ws.NewServer: " + err.Error())
	}
	s := &Server{
		origins:    origins,
		opts:       opts,
		log:        opts.Logger,
		closeGrace: closeGrace,
		upgrader: websocket.Upgrader{
			// Zero: gorilla takes net/http's hijacked reader instead of allocating its own; both
			// are dropped with gorilla's Conn once the upgrade is done (Conn reads the socket).
			ReadBufferSize: 0,
			// A pool, never used since gorilla never writes a message for us, keeps gorilla from
			// allocating a write buffer per connection.
			WriteBufferPool:   &sync.Pool{},
			HandshakeTimeout:  opts.WriteTimeout,
			CheckOrigin:       func(*http.Request) bool { return true }, // AllowOrigin's job
			Error:             refuseHandshake,
			EnableCompression: false,
		},
		stopSweeper: make(chan struct{}),
		sweeperDone: make(chan struct{}),
	}
	if opts.PingInterval > 0 {
		go s.sweep(opts.PingInterval)
	} else {
		close(s.sweeperDone)
	}
	return s
}

// Hub is the server's pub/sub hub.
func (s *Server) Hub() *Hub { return &s.hub }

// Upgrade answers the handshake with 101 and responseHeader. A Sec-WebSocket-Protocol value in
// responseHeader selects the subprotocol; none is selected otherwise. Origin is not checked
// here (call AllowOrigin first, before any hook runs) and compression is not offered. w must
// implement http.Hijacker, itself or through Unwrap (see http.ResponseController), as
// middleware that wraps net/http's writer usually does. On failure gorilla has already
// answered the request (400, 403 or 500) and the error says why; a w that cannot be hijacked
// is also logged, as it is the embedder's bug, not the client's.
//
// The returned Conn reads nothing until Start, and the net/http handler should return right away
// (the conn no longer needs it). A Conn that is never started must be terminated by its owner.
func (s *Server) Upgrade(w http.ResponseWriter, r *http.Request, responseHeader http.Header, namespace string) (*Conn, error) {
	responseHeader = canonicalProtocolKey(responseHeader)
	// gorilla writes the subprotocol as given: one with a line break would add headers (an app
	// that echoes a query parameter as its protocol), so anything but a token is refused.
	if p := responseHeader.Get("Sec-Websocket-Protocol"); p != "" && !isToken(p) {
		s.log.Error("ws: the selected subprotocol is not a token (RFC 6455 section 4.1), answering 500",
			"protocol", p, "path", r.URL.Path)
		http.Error(w, "Internal Server Error", http.StatusInternalServerError)
		return nil, fmt.Errorf("websocket upgrade %s: subprotocol %q is not a token", r.URL.Path, p)
	}
	wsConn, err := s.upgrader.Upgrade(hijacker{w, s, r}, r, responseHeader)
	if err != nil {
		return nil, fmt.Errorf("websocket upgrade %s: %w", r.URL.Path, err)
	}
	// gorilla's Conn is left behind: only its handshake is used. It read nothing past the
	// request (it rejects a client that sent frames before the 101), so no bytes are lost.
	c := &Conn{
		srv:         s,
		netConn:     wsConn.NetConn(),
		namespace:   namespace,
		subprotocol: wsConn.Subprotocol(),
		remoteIP:    hostOnly(r.RemoteAddr),
		seq:         s.seq.Add(1),
	}
	c.attachInput()
	return c, nil
}

// refuseHandshake answers a handshake gorilla refused as gorilla does, and closes the
// connection after the answer, as Node does with a refused upgrade. Kept open, net/http first
// reads the body the request announced (Content-Length) so the connection can be reused, and a
// client that sent none got no answer at all until a timeout.
func refuseHandshake(w http.ResponseWriter, _ *http.Request, status int, _ error) {
	w.Header().Set("Connection", "close")
	w.Header().Set("Sec-Websocket-Version", "13")
	http.Error(w, http.StatusText(status), status)
}

// hijacker lets gorilla, which asks the ResponseWriter itself for http.Hijacker, take over the
// connection through writers that wrap net/http's and expose it with Unwrap (logging
// middleware, for instance): http.ResponseController finds it.
type hijacker struct {
	http.ResponseWriter
	srv *Server
	r   *http.Request
}

func (h hijacker) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, brw, err := http.NewResponseController(h.ResponseWriter).Hijack()
	if err != nil {
		msg := "ws: cannot take over the connection for a WebSocket, answering 500"
		if errors.Is(err, http.ErrNotSupported) {
			msg += fmt.Sprintf(": the http.ResponseWriter (%T) has no Hijack method, nor an Unwrap method reaching one", h.ResponseWriter)
		}
		h.srv.log.Error(msg, "path", h.r.URL.Path, "remote", hostOnly(h.r.RemoteAddr), "err", err)
	}
	return conn, brw, err
}

// SlowConsumers is how many conns the server has closed with 1013 because their queue passed
// MaxQueueBytes. Each is also logged, with this count.
func (s *Server) SlowConsumers() uint64 { return s.slowConsumers.Load() }

// Close stops the ping sweeper and waits for it to exit. Conns are left alone: closing them
// (for example with 1001 on shutdown) is the owner's decision.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		if s.opts.PingInterval > 0 {
			close(s.stopSweeper)
		}
	})
	<-s.sweeperDone
}

// canonicalProtocolKey returns header with any spelling of Sec-WebSocket-Protocol under its
// canonical key, the only one gorilla both reads and leaves out of the header lines it copies
// (otherwise the client would get the header twice).
func canonicalProtocolKey(header http.Header) http.Header {
	const canonical = "Sec-Websocket-Protocol"
	for key, values := range header {
		if key != canonical && strings.EqualFold(key, canonical) {
			fixed := header.Clone()
			delete(fixed, key)
			fixed[canonical] = values
			return fixed
		}
	}
	return header
}

// isToken reports whether s is an HTTP token (RFC 9110 section 5.6.2), which a subprotocol
// must be.
func isToken(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b <= ' ' || b >= 0x7f || strings.IndexByte(`"(),/:;<=>?@[\]{}`, b) >= 0 {
			return false
		}
	}
	return s != ""
}

func hostOnly(addr string) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	return host
}
