package main

import "time"

// Result is one run of one scenario against one server, as `load run` writes it.
type Result struct {
	Scenario string    `json:"scenario"`
	Server   string    `json:"server"`
	Run      int       `json:"run"`
	Started  time.Time `json:"started"`

	// The measured window: wall seconds, server CPU seconds (user+system, all threads) and the
	// events counted in it (the scenario's unit).
	Seconds float64 `json:"seconds"`
	CPU     float64 `json:"cpu_seconds"`
	Count   int64   `json:"count"`

	Conns     int   `json:"conns,omitempty"`
	RSSBefore int64 `json:"rss_before,omitempty"` // bytes, before the connections opened
	RSSAfter  int64 `json:"rss_after,omitempty"`  // bytes, with all connections open and settled (overload: the peak)

	// Dropped counts the connections the server closed on its own (overload: slow consumers).
	Dropped int64 `json:"dropped,omitempty"`

	// Loss counts messages sent and never answered or delivered (after a drain at the end).
	Loss int64 `json:"loss"`
	// Errors counts failed connections, unexpected closes and malformed or out-of-order messages.
	Errors int64    `json:"errors"`
	Notes  []string `json:"notes,omitempty"`

	// LoadAverage is the machine's 1-minute load average when the run ended (server and load
	// generator included): a shared machine's other work shows here.
	LoadAverage float64 `json:"load_average"`

	// Failed is why the run produced no figures (the server died, a dial failed...); empty if it ran.
	Failed string `json:"failed,omitempty"`
}
