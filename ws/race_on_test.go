//go:build race

package ws

// raceEnabled: the race detector's instrumentation makes frames, and so stacks, bigger.
const raceEnabled = true
