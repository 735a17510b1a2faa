package research

import (
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/growth"
)

// wantLinear fails t unless run, timed at size n and at an eighth of it,
// grows no faster than linearly (growth.Linear with slack); what names
// the units n counts, for the message.
func wantLinear(t *testing.T, what string, n int, slack time.Duration, run func(n int) time.Duration) {
	t.Helper()
	if eighth, whole, ok := growth.Linear(func() time.Duration { return run(n / 8) }, func() time.Duration { return run(n) }, slack); !ok {
		t.Errorf("%d %s took %v, an eighth of them %v: growth %.0f×, want linear (8×; allowed %d× and %v)",
			n, what, whole, eighth, float64(whole)/float64(eighth), growth.Factor, slack)
	}
}
