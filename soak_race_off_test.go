//go:build !race

package azote

const raceDetector = false
