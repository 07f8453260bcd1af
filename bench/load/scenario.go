package main

import "context"

// kind says how a scenario's Results become figures in the report.
type kind int

const (
	// throughput: Count events in Seconds of wall time and CPU seconds of server CPU; higher is better.
	throughput kind = iota
	// idleMemory: server RSS growth per open connection; lower is better.
	idleMemory
	// connectCost: server CPU per completed connection; lower is better.
	connectCost
	// overloadMemory: the server's peak RSS growth under a backlog it cannot deliver, and how
	// many stalled connections it dropped; lower growth is better.
	overloadMemory
)

// scenario is one measured workload. Its run function owns every connection it opens and
// closes them all before it returns.
type scenario struct {
	name  string
	about string
	unit  string // what Count counts, plural
	kind  kind
	run   func(ctx context.Context, e *env) (Result, error)
}

// scenarios in report order.
var scenarios = []scenario{
	{name: "echo", unit: "round trips", kind: throughput,
		about: "50 connections, 64-byte text, one message in flight per connection",
		run:   func(ctx context.Context, e *env) (Result, error) { return runEcho(ctx, e, 50, 1) }},
	{name: "pipelined", unit: "messages", kind: throughput,
		about: "50 connections x 16 messages in flight, 64-byte text",
		run:   func(ctx context.Context, e *env) (Result, error) { return runEcho(ctx, e, 50, 16) }},
	{name: "fanout-1000x1", unit: "deliveries", kind: throughput,
		about: "1,000 subscribers of one topic, 1 publisher, at most 64 undelivered messages per publisher",
		run:   func(ctx context.Context, e *env) (Result, error) { return runFanout(ctx, e, 1000, 1) }},
	{name: "fanout-100x10", unit: "deliveries", kind: throughput,
		about: "100 subscribers of one topic, 10 publishers, at most 64 undelivered messages per publisher",
		run:   func(ctx context.Context, e *env) (Result, error) { return runFanout(ctx, e, 100, 10) }},
	{name: "sse-fanout", unit: "deliveries", kind: throughput,
		about: "1,000 event streams (GET /sse), 1 publisher, at most 64 undelivered messages",
		run:   func(ctx context.Context, e *env) (Result, error) { return runSSEFanout(ctx, e, 1000) }},
	{name: "idle-10k", unit: "connections", kind: idleMemory,
		about: "10,000 open idle connections: server RSS growth per connection",
		run:   func(ctx context.Context, e *env) (Result, error) { return runIdle(ctx, e, 10000) }},
	{name: "idle-19k", unit: "connections", kind: idleMemory,
		about: "19,000 open idle connections: server RSS growth per connection",
		run:   func(ctx context.Context, e *env) (Result, error) { return runIdle(ctx, e, 19000) }},
	{name: "overload", unit: "messages", kind: overloadMemory,
		about: "50 subscribers that stop reading, 1 publisher sending 1,536 messages of 16 KB (24 MB) as fast as the server takes them: peak server RSS growth, and the stalled subscribers the server dropped",
		run:   func(ctx context.Context, e *env) (Result, error) { return runOverload(ctx, e, 50, 1536, 16<<10) }},
	{name: "handshake", unit: "connections", kind: connectCost,
		about: "8 clients opening 5,000 connections (TCP connect and upgrade; closed after the window) after 500 warm-up ones: server CPU per connection",
		run:   func(ctx context.Context, e *env) (Result, error) { return runHandshake(ctx, e, 500, 5000) }},
}

func findScenario(name string) (scenario, bool) {
	for _, s := range scenarios {
		if s.name == name {
			return s, true
		}
	}
	return scenario{}, false
}
