//go:build race

package e2e

// raceEnabled: the binary under test is built with -race when the tests are.
const raceEnabled = true
