package ws

import (
	"log/slog"
	"time"
)

// Options tune a Server. Zero values mean the defaults documented on each field.
type Options struct {
	// MaxMessageSize bounds one incoming message (all its fragments); over it the peer is closed
	// with 1009. Default 16 MiB.
	MaxMessageSize int64
	// MaxQueueBytes bounds the bytes queued for one connection and not yet written; a peer that
	// passes it is closed with 1013 as a slow consumer. A single frame larger than the bound is
	// still accepted into an empty queue. Default 16 MiB.
	MaxQueueBytes int
	// PingInterval is the period of the ping sweeper: every interval each live connection gets a
	// ping, and one that sent nothing at all (no pong, no frame) since the previous sweep is
	// terminated (1006). Default 30 s; negative disables the sweeper.
	PingInterval time.Duration
	// WriteTimeout bounds one socket write; a write that stalls longer terminates the
	// connection (1006). It also bounds the handshake response. Default 10 s.
	WriteTimeout time.Duration
	// AllowedOrigins, when not empty, lists the origins (scheme://host[:port]) whose pages may
	// open a WebSocket; see AllowOrigin. Empty allows every origin, like Node. NewServer panics
	// on an entry NormalizeOrigin refuses: check them with it first.
	AllowedOrigins []string
	// Logger receives slow-consumer, write-failure and ping-timeout events. Default slog.Default().
	Logger *slog.Logger
}

const (
	defaultMaxMessageSize = 16 << 20
	defaultMaxQueueBytes  = 16 << 20
	defaultPingInterval   = 30 * time.Second
	defaultWriteTimeout   = 10 * time.Second

	// readBufferSize is the buffer a read goes into, taken from a pool for the moment: a burst
	// of small frames arrives in one system call.
	readBufferSize = 4 << 10

	// closeGrace bounds a close handshake: once a close frame was sent or received, or the
	// conn failed, the TCP connection is dropped after at most this long.
	closeGrace = 2 * time.Second

	// slowConsumerWait is how long a slow consumer's socket gets to take the 1013 close frame.
	slowConsumerWait = 200 * time.Millisecond
)

func (o Options) withDefaults() Options {
	if o.MaxMessageSize <= 0 {
		o.MaxMessageSize = defaultMaxMessageSize
	}
	if o.MaxQueueBytes <= 0 {
		o.MaxQueueBytes = defaultMaxQueueBytes
	}
	if o.PingInterval == 0 {
		o.PingInterval = defaultPingInterval
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = defaultWriteTimeout
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}
