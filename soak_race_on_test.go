//go:build race

package azote

// raceDetector: the race detector multiplies the soak's CPU time several times over.
const raceDetector = true
