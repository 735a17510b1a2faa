package search

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Sentinel errors; a *ProviderError wraps one of them, so callers can test
// with errors.Is on a single provider's error or on the whole chain's.
var (
	// ErrBlocked: the engine served a bot challenge (DuckDuckGo anomaly page,
	// Cloudflare interstitial) instead of results.
	ErrBlocked = errors.New("blocked by a bot challenge")
	// ErrRateLimited: the engine answered 429, or our own limiter could not
	// give a slot before the deadline, or the provider is cooling down.
	ErrRateLimited = errors.New("rate limited")
	// ErrUnavailable: 5xx, network failure or timeout.
	ErrUnavailable = errors.New("unavailable")
	// ErrMalformed: the answer could not be parsed (bad JSON, unknown page layout).
	ErrMalformed = errors.New("malformed response")
	// ErrRejected: the engine refused the request (4xx other than 429):
	// bad key, JSON format disabled, bad parameters.
	ErrRejected = errors.New("request rejected")
	// ErrNoProvider: no provider in the configuration is usable.
	ErrNoProvider = errors.New("no usable search provider")
	// ErrInvalidRequest: the request itself is wrong (empty query,
	// max_results out of range, bad domain); the message says what to fix.
	ErrInvalidRequest = errors.New("invalid search request")
)

// ProviderError is one provider's failure. Message is written for a model.
type ProviderError struct {
	Provider   string
	Kind       error         // one of the sentinels above
	Message    string        // e.g. "HTTP 503 Service Unavailable"
	Status     int           // HTTP status when there was one
	RetryAfter time.Duration // from Retry-After, when given
	Err        error         // underlying cause, may be nil

	cooling bool // the provider was not asked: it is still cooling down
}

func (e *ProviderError) Error() string {
	msg := e.Message
	if msg == "" {
		msg = e.Kind.Error()
	}
	return e.Provider + ": " + msg
}

// Unwrap exposes both the kind and the cause to errors.Is/As.
func (e *ProviderError) Unwrap() []error {
	errs := []error{e.Kind}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	return errs
}

// ChainError is returned when every provider failed; it lists each failure.
type ChainError struct {
	Failures []*ProviderError
	Skipped  []string // providers left out of the chain at start, with why
}

func (e *ChainError) Error() string {
	parts := make([]string, len(e.Failures))
	for i, f := range e.Failures {
		parts[i] = f.Error()
	}
	skipped := ""
	if len(e.Skipped) > 0 {
		skipped = " (not configured: " + strings.Join(e.Skipped, ", ") + ")"
	}
	return "web search failed on every provider: " + strings.Join(parts, "; ") + skipped +
		"; try again later or configure another provider with DEEPRESEARCH_SEARCH " +
		"(duckduckgo, searxng with SEARXNG_URL, brave with BRAVE_API_KEY, serper with SERPER_API_KEY)"
}

// Unwrap lets errors.Is(err, ErrBlocked) find any provider's kind.
func (e *ChainError) Unwrap() []error {
	errs := make([]error, len(e.Failures))
	for i, f := range e.Failures {
		errs[i] = f
	}
	return errs
}

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalidRequest, fmt.Sprintf(format, args...))
}
