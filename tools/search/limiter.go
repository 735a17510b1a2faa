package search

import (
	"context"

	"golang.org/x/time/rate"
)

// limiter paces requests to one provider.
type limiter struct{ l *rate.Limiter }

// newLimiter picks each provider's pace: Brave's free tier allows 1
// request/second; DuckDuckGo blocks clients that search fast, so it gets a
// gentle pace with a small burst; SearXNG (usually self-hosted, and a 429
// from a public instance is honoured anyway) and Serper are generous.
// perSecond > 0 overrides the default (Config.Rates).
func newLimiter(provider string, perSecond float64) *limiter {
	r, burst := 10.0, 10
	switch provider {
	case Brave:
		r, burst = 1, 1
	case DuckDuckGo:
		r, burst = 1, 3
	case SearXNG:
		r, burst = 10, 20
	}
	if perSecond > 0 {
		r, burst = perSecond, max(1, int(perSecond))
	}
	return &limiter{rate.NewLimiter(rate.Limit(r), burst)}
}

// wait blocks until a request may go, or fails at once when ctx's deadline
// would pass first.
func (l *limiter) wait(ctx context.Context) error { return l.l.Wait(ctx) }
