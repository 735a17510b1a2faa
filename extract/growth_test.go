package extract

import (
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/growth"
)

// growsLinearly is growth.Linear (internal/growth: the rule and its
// retries, shared with the research tests), under the name this
// package's tests call it by.
func growsLinearly(small, large func() time.Duration, slack time.Duration) (ts, tl time.Duration, ok bool) {
	return growth.Linear(small, large, slack)
}
