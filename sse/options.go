package sse

import (
	"log/slog"
	"time"
)

// Options tune a Stream. Zero values mean the defaults documented on each field.
type Options struct {
	// KeepAlive is how long a stream may stay silent before a comment line is sent, so proxies
	// and browsers keep the connection open. Default 15 s; negative disables it.
	KeepAlive time.Duration
	// WriteTimeout bounds one write of at most 1 MiB, and each flush; a write that stalls longer
	// ends the stream. Default 10 s.
	WriteTimeout time.Duration
	// MaxQueueBytes bounds the encoded events queued (or being written) and not yet taken by the
	// socket; a push past it ends the stream as a slow client. A single event larger than the
	// bound is still accepted into an empty queue. Default 16 MiB.
	MaxQueueBytes int
	// Logger receives slow-client, write-stall and write-failure events. Default slog.Default().
	Logger *slog.Logger
}

const (
	defaultKeepAlive     = 15 * time.Second
	defaultWriteTimeout  = 10 * time.Second
	defaultMaxQueueBytes = 16 << 20

	// maxWriteSize bounds one write to the ResponseWriter: a bigger batch is written in pieces,
	// each with a fresh deadline, so WriteTimeout catches a stalled client and not a slow one
	// that keeps taking bytes.
	maxWriteSize = 1 << 20

	// maxSpareCap bounds the queue buffer a stream keeps for its next burst; a bigger one (left
	// by a large event) is dropped so an idle stream stays small.
	maxSpareCap = 64 << 10
)

func (o Options) withDefaults() Options {
	if o.KeepAlive == 0 {
		o.KeepAlive = defaultKeepAlive
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = defaultWriteTimeout
	}
	if o.MaxQueueBytes <= 0 {
		o.MaxQueueBytes = defaultMaxQueueBytes
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}
