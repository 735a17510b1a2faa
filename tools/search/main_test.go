package search

import (
	"testing"

	"go.uber.org/goleak"
)

// TestMain checks that no search (merged, cancelled or retried) leaves a
// goroutine behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }
