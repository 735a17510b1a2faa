// Package search queries web search engines (DuckDuckGo HTML, SearXNG, Brave,
// Serper) as one chain with fallback, normalises their results and caches them.
package search

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	gocache "github.com/patrickmn/go-cache"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/flight"
)

// Request is one search.
type Request struct {
	Query      string
	MaxResults int // 1..20; 0 means 10
	// Page is the results page wanted, 1-based (0 means 1): page 2 is the
	// results after the first page's, for a caller whose page 1 lacked
	// what it looked for. Each page costs the engine one request, except
	// on DuckDuckGo, where page n costs n: a later page is reached only
	// through the form of the page before it.
	Page           int
	IncludeDomains []string // only these domains (and their subdomains)
	ExcludeDomains []string
	Recency        string // "", "day", "week", "month", "year"
}

// Result is one ranked hit.
type Result struct {
	Rank      int    `json:"rank"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Snippet   string `json:"snippet"`
	Published string `json:"published,omitempty"`
}

// Response is what the provider that answered returned, normalised.
type Response struct {
	Query    string   `json:"query"`
	Provider string   `json:"provider"`
	Results  []Result `json:"results"`
}

// Config selects and configures providers; names as in DESIGN.md.
type Config struct {
	Order         []string // provider names in order; empty means ["duckduckgo"]
	DuckDuckGoURL string   // default https://html.duckduckgo.com
	SearXNGURL    string
	BraveKey      string
	BraveURL      string // API base, default https://api.search.brave.com (tests point it at a fixture)
	SerperKey     string
	SerperURL     string // API base, default https://google.serper.dev

	// Region is a DuckDuckGo-style region, country-language ("us-en",
	// "de-de"); empty or "wt-wt" means worldwide. Each engine gets its own
	// spelling of it (kl, language, country, gl/hl).
	Region string
	// CacheTTL is how long a non-empty answer is reused; 0 means 10 minutes,
	// negative disables the cache.
	CacheTTL time.Duration
	// MaxRetryWait bounds how long a 429's Retry-After is waited out before
	// the same provider is tried once more; longer waits hand over to the
	// next provider. 0 means 2 seconds.
	MaxRetryWait time.Duration
	// Timeout bounds one provider attempt so a hanging engine hands over;
	// 0 means 15 seconds.
	Timeout time.Duration
	// Rates overrides the requests per second allowed to a provider (by
	// name); defaults: brave 1, duckduckgo 1 (burst 3), searxng 10, serper 10.
	Rates map[string]float64
}

// Provider names, as DEEPRESEARCH_SEARCH spells them.
const (
	DuckDuckGo = "duckduckgo"
	SearXNG    = "searxng"
	Brave      = "brave"
	Serper     = "serper"
)

// How long a provider is left alone after it blocked us or asked us to slow
// down, so parallel searches do not keep hammering it.
const (
	blockedCooldown     = 2 * time.Minute
	rateLimitCooldown   = 30 * time.Second // 429 without Retry-After
	maxRateLimitBackoff = 10 * time.Minute
)

// provider is one engine's protocol. search returns raw results (cleaned
// and filtered by the engine) or a *ProviderError (or ctx's error).
type provider interface {
	name() string
	search(ctx context.Context, q *query) ([]Result, error)
}

// slot is a provider with its own rate limit and cooldown.
type slot struct {
	p       provider
	limiter *limiter
	mu      sync.Mutex
	until   time.Time      // cooling down until then
	why     *ProviderError // the failure that started the cooldown
}

// Engine is the provider chain. It is safe for concurrent use.
type Engine struct {
	client       *http.Client
	log          *slog.Logger
	slots        []*slot
	skipped      []string // "brave: BRAVE_API_KEY is not set"
	region       region
	cache        *gocache.Cache // nil when disabled
	ttl          time.Duration
	maxRetryWait time.Duration
	timeout      time.Duration
	flights      flight.Group[*Response]

	purgeMu   sync.Mutex
	lastPurge time.Time
}

// New builds the chain. client carries the egress guard. Providers that lack
// a key or URL are skipped with a warning on log; New fails only when no
// provider is usable.
func New(cfg Config, client *http.Client, log *slog.Logger) (*Engine, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	e := &Engine{
		client:       client,
		log:          log,
		ttl:          cfg.CacheTTL,
		maxRetryWait: cfg.MaxRetryWait,
		timeout:      cfg.Timeout,
		lastPurge:    time.Now(),
	}
	if e.ttl == 0 {
		e.ttl = 10 * time.Minute
	}
	if e.ttl > 0 {
		// No janitor goroutine (it would outlive tests and engines);
		// expired entries are purged as new ones are stored.
		e.cache = gocache.New(e.ttl, 0)
	}
	if e.maxRetryWait == 0 {
		e.maxRetryWait = 2 * time.Second
	}
	if e.timeout <= 0 {
		e.timeout = 15 * time.Second
	}
	if reg, ok := parseRegion(cfg.Region); ok {
		e.region = reg
	} else {
		log.Warn("web search: ignoring region; expected country-language like us-en", "region", cfg.Region)
	}

	order := cfg.Order
	if len(order) == 0 {
		order = []string{DuckDuckGo}
	}
	seen := map[string]bool{}
	var skipped []string
	for _, raw := range order {
		name := strings.ToLower(strings.TrimSpace(raw))
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		p, why := e.build(name, cfg)
		if p == nil {
			log.Warn("web search: provider skipped", "provider", name, "reason", why)
			skipped = append(skipped, name+" ("+why+")")
			e.skipped = append(e.skipped, name+": "+why)
			continue
		}
		e.slots = append(e.slots, &slot{p: p, limiter: newLimiter(name, cfg.Rates[name])})
	}
	if len(e.slots) == 0 {
		return nil, fmt.Errorf("%w: %s; set DEEPRESEARCH_SEARCH to duckduckgo (no key needed) or give the missing key/URL",
			ErrNoProvider, strings.Join(skipped, ", "))
	}
	return e, nil
}

// build returns the provider, or nil and why it cannot be used.
func (e *Engine) build(name string, cfg Config) (provider, string) {
	switch name {
	case DuckDuckGo:
		base, err := baseURL(cfg.DuckDuckGoURL, DefaultDuckDuckGoURL)
		if err != nil {
			return nil, "DUCKDUCKGO_URL " + err.Error()
		}
		// Accept a base given with the endpoint path too.
		base = strings.TrimSuffix(base, "/html")
		return &duckDuckGo{client: e.client, base: base}, ""
	case SearXNG:
		if strings.TrimSpace(cfg.SearXNGURL) == "" {
			return nil, "SEARXNG_URL is not set"
		}
		base, err := baseURL(cfg.SearXNGURL, "")
		if err != nil {
			return nil, "SEARXNG_URL " + err.Error()
		}
		return &searXNG{client: e.client, base: strings.TrimSuffix(base, "/search")}, ""
	case Brave:
		if strings.TrimSpace(cfg.BraveKey) == "" {
			return nil, "BRAVE_API_KEY is not set"
		}
		base, err := baseURL(cfg.BraveURL, DefaultBraveURL)
		if err != nil {
			return nil, "Brave API URL " + err.Error()
		}
		return &brave{client: e.client, base: base, key: strings.TrimSpace(cfg.BraveKey)}, ""
	case Serper:
		if strings.TrimSpace(cfg.SerperKey) == "" {
			return nil, "SERPER_API_KEY is not set"
		}
		base, err := baseURL(cfg.SerperURL, DefaultSerperURL)
		if err != nil {
			return nil, "Serper API URL " + err.Error()
		}
		return &serper{client: e.client, base: base, key: strings.TrimSpace(cfg.SerperKey)}, ""
	default:
		return nil, "unknown provider; known: duckduckgo, searxng, brave, serper"
	}
}

func baseURL(raw, def string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		raw = def
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("%q is not an http(s) URL", raw)
	}
	u.RawQuery, u.Fragment = "", ""
	return strings.TrimRight(u.String(), "/"), nil
}

// Providers lists the usable providers in chain order.
func (e *Engine) Providers() []string {
	out := make([]string, len(e.slots))
	for i, s := range e.slots {
		out[i] = s.p.name()
	}
	return out
}

// Search runs the request on the first provider that answers. A provider
// that is blocked, rate limited, failing or answers nothing hands over to
// the next; when every provider fails the error is a *ChainError listing
// each failure. Invalid requests fail with ErrInvalidRequest.
func (e *Engine) Search(ctx context.Context, req Request) (*Response, error) {
	q, err := newQuery(req, e.region)
	if err != nil {
		return nil, err
	}
	key := q.key()
	for _, s := range e.slots {
		if resp, ok := e.cached(s.p.name(), key); ok {
			return withQuery(resp, q.text), nil
		}
	}
	resp, _, err := e.flights.Do(ctx, key, func(ctx context.Context) (*Response, error) {
		return e.runChain(ctx, q, key)
	})
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("web search %q: %w", q.text, ctx.Err())
		}
		return nil, err
	}
	return withQuery(resp, q.text), nil
}

// withQuery copies resp, so callers may change what they get, and names
// this caller's spelling of the query.
func withQuery(resp *Response, text string) *Response {
	out := *resp
	out.Query = text
	out.Results = append([]Result{}, resp.Results...)
	return &out
}

func (e *Engine) runChain(ctx context.Context, q *query, key string) (*Response, error) {
	var failures []*ProviderError
	var empty *Response
	for _, s := range e.slots {
		name := s.p.name()
		raw, err := e.attempt(ctx, s, q)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if err != nil {
			var pe *ProviderError
			if !errors.As(err, &pe) {
				pe = &ProviderError{Provider: name, Kind: ErrUnavailable, Message: err.Error(), Err: err}
			}
			level := slog.LevelWarn
			if pe.cooling {
				level = slog.LevelDebug // already warned when the cooldown began
			}
			e.log.Log(ctx, level, "web search: provider failed, trying the next", "provider", name, "error", pe.Error())
			failures = append(failures, pe)
			continue
		}
		resp := &Response{Query: q.text, Provider: name, Results: normalizeResults(raw, q)}
		if len(resp.Results) == 0 {
			// An engine's empty page is sometimes a soft failure; ask the
			// next one before saying there is nothing.
			e.log.Info("web search: provider found nothing, trying the next", "provider", name, "query", q.text)
			if empty == nil {
				empty = resp
			}
			continue
		}
		e.store(name, key, resp)
		return resp, nil
	}
	if empty != nil {
		return empty, nil
	}
	return nil, &ChainError{Failures: failures, Skipped: e.skipped}
}

// attempt asks one provider, honouring its rate limit, its cooldown and a
// short Retry-After.
func (e *Engine) attempt(ctx context.Context, s *slot, q *query) ([]Result, error) {
	if pe := s.cooling(); pe != nil {
		return nil, pe
	}
	for try := 0; ; try++ {
		if err := s.limiter.wait(ctx); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, &ProviderError{Provider: s.p.name(), Kind: ErrRateLimited,
				Message: "our own rate limit for this provider has no free slot before the deadline", Err: err}
		}
		actx, cancel := context.WithTimeout(ctx, e.timeout)
		res, err := s.p.search(actx, q)
		cancel()
		if err == nil {
			return res, nil
		}
		var pe *ProviderError
		if !errors.As(err, &pe) {
			return nil, err
		}
		if errors.Is(pe.Kind, ErrRateLimited) && pe.Status == http.StatusTooManyRequests &&
			try == 0 && pe.RetryAfter > 0 && pe.RetryAfter <= e.maxRetryWait {
			e.log.Info("web search: provider asked to wait, retrying once", "provider", s.p.name(), "retry_after", pe.RetryAfter)
			if err := sleep(ctx, pe.RetryAfter); err != nil {
				return nil, err
			}
			continue
		}
		s.coolAfter(pe)
		return nil, pe
	}
}

// cooling returns the failure that put the provider on hold, if it still is.
func (s *slot) cooling() *ProviderError {
	s.mu.Lock()
	defer s.mu.Unlock()
	left := time.Until(s.until)
	if left <= 0 {
		return nil
	}
	pe := *s.why
	pe.Message = fmt.Sprintf("%s; not asked again for %s", s.why.Message, left.Round(time.Second))
	pe.cooling = true
	return &pe
}

func (s *slot) coolAfter(pe *ProviderError) {
	var d time.Duration
	switch {
	case errors.Is(pe.Kind, ErrBlocked):
		d = blockedCooldown
	case errors.Is(pe.Kind, ErrRateLimited) && pe.Status == http.StatusTooManyRequests:
		d = rateLimitCooldown
		if pe.RetryAfter > 0 {
			d = min(pe.RetryAfter, maxRateLimitBackoff)
		}
	default:
		return
	}
	s.mu.Lock()
	s.until = time.Now().Add(d)
	s.why = pe
	s.mu.Unlock()
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
