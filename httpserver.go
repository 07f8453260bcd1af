package azote

import (
	"log/slog"
	"net/http"
	"time"
)

// Defaults of the connection limits (Options.ReadTimeout, IdleTimeout, MaxHeaderBytes).
const (
	// DefaultReadTimeout bounds how long a request (headers and body) may take to arrive. Node
	// allows 300 s; a minute still fits a 16 MiB body on a slow mobile link.
	DefaultReadTimeout = 60 * time.Second
	// DefaultIdleTimeout is how long a keep-alive connection may wait for its next request.
	DefaultIdleTimeout = 2 * time.Minute
	// DefaultMaxHeaderBytes bounds a request's line and header fields, as Node's 16 KiB.
	DefaultMaxHeaderBytes = 16 << 10
	// maxReadHeaderTimeout bounds the headers alone: a client that has not sent them in this
	// time is not going to (slowloris); the rest of ReadTimeout is left for the body.
	maxReadHeaderTimeout = 10 * time.Second
)

// HTTPServer is an http.Server that serves s with the timeouts and limits a server facing
// the internet needs, which a zero http.Server lacks (it waits for ever on a client that
// trickles its request and allows 1 MB of headers per request): the request must arrive
// within ReadTimeout (its headers within 10 s at most), a keep-alive connection closes after
// IdleTimeout, and headers over MaxHeaderBytes get 431. Set Addr (or call Serve with a
// listener) and TLSConfig as needed. The azote command serves with it.
//
// Once a request has arrived its response may take as long as it needs (event streams,
// streamed bodies): net/http lifts the read deadline when the body has been read.
func (s *Server) HTTPServer() *http.Server {
	read := s.opts.ReadTimeout
	header := min(read, maxReadHeaderTimeout)
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: header,
		ReadTimeout:       read,
		IdleTimeout:       s.opts.IdleTimeout,
		// net/http allows 4 KiB over this before it answers 431 itself; ServeHTTP holds
		// requests to the exact figure.
		MaxHeaderBytes: s.opts.MaxHeaderBytes,
		ErrorLog:       slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// connectionDefaults fills the zero connection limits of o with their defaults.
func connectionDefaults(o *Options) {
	if o.ReadTimeout <= 0 {
		o.ReadTimeout = DefaultReadTimeout
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = DefaultIdleTimeout
	}
	if o.MaxHeaderBytes <= 0 {
		o.MaxHeaderBytes = DefaultMaxHeaderBytes
	}
}

// headerBytes is the size of r's request line and header fields as they came on the wire
// (name, ": ", value and CRLF per field), the measure MaxHeaderBytes limits.
func headerBytes(r *http.Request) int {
	n := len(r.Method) + 1 + len(r.RequestURI) + 1 + len(r.Proto) + 2
	n += len("Host: ") + len(r.Host) + 2
	for k, vs := range r.Header {
		for _, v := range vs {
			n += len(k) + 2 + len(v) + 2
		}
	}
	return n
}

// headersTooLarge answers 431 like net/http does when headers pass its own limit.
func headersTooLarge(w http.ResponseWriter) {
	w.Header().Set("Connection", "close")
	http.Error(w, "431 Request Header Fields Too Large", http.StatusRequestHeaderFieldsTooLarge)
}
