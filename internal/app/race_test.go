//go:build race

package app_test

// raceDetector is set when the tests run with -race, whose
// instrumentation allocates beside the code it watches.
const raceDetector = true
