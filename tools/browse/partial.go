package browse

import (
	"context"
	"fmt"
)

// A page whose read was cut short by a time limit is shown for what arrived
// but not cached: a later read must fetch it again rather than be served
// the part as if it were the page. The limit is always one of ours — the
// fetcher's timeout, the caller's deadline (browse_page's limit, a research
// time budget) or LoadTimeout — and the note names it.

type deadlineOwnerKey struct{}

// WithDeadlineOwner names, for notes, whose limit ctx's deadline is, e.g.
// "the research time budget (time_budget_s=60)".
func WithDeadlineOwner(ctx context.Context, owner string) context.Context {
	return context.WithValue(ctx, deadlineOwnerKey{}, owner)
}

// partialNote says whose limit cut a partial page. ctx is the load's own
// context; callerDeadline reports whether its deadline was the caller's
// (rather than LoadTimeout).
func (e *Engine) partialNote(ctx context.Context, callerDeadline bool) string {
	who := "the fetch timeout of this server"
	if ctx.Err() != nil {
		switch owner, _ := ctx.Value(deadlineOwnerKey{}).(string); {
		case !callerDeadline:
			who = fmt.Sprintf("this server's page load limit (%s)", e.cfg.LoadTimeout)
		case owner != "":
			who = owner
		default:
			who = "the caller's deadline"
		}
	}
	return fmt.Sprintf("the page was still arriving when %s cut the read short; this is the part that arrived in time (not cached: reading it again fetches it anew)", who)
}
