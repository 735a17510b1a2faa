package browse

import (
	"context"
	"strings"
	"testing"
	"time"
)

// The note of a partial page names whose limit cut it.
func TestPartialNote(t *testing.T) {
	e := &Engine{cfg: Config{LoadTimeout: DefaultLoadTimeout}}
	expired, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	for _, tc := range []struct {
		name   string
		ctx    context.Context
		caller bool
		want   string
	}{
		{"the fetcher's own timeout", context.Background(), true, "the fetch timeout of this server cut the read short"},
		{"a named caller deadline", WithDeadlineOwner(expired, "the research time budget (time_budget_s=5)"), true, "the research time budget (time_budget_s=5) cut the read short"},
		{"an unnamed caller deadline", expired, true, "the caller's deadline cut the read short"},
		{"the load limit", expired, false, "page load limit (1m0s) cut the read short"},
	} {
		got := e.partialNote(tc.ctx, tc.caller)
		if !strings.Contains(got, tc.want) || !strings.Contains(got, "not cached") || strings.Contains(got, "server stopped") {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
