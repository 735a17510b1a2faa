// Package browse reads one page: HTTP first, Chromium when the page needs
// JavaScript, extraction to Markdown, and a cache so paging never refetches.
package browse

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/internal/flight"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
)

// Render modes.
const (
	RenderAuto   = "auto"
	RenderAlways = "always"
	RenderNever  = "never"
)

// Page is a loaded, extracted page (what the cache holds).
type Page struct {
	URL         string
	FinalURL    string
	Status      int
	ContentType string
	Rendered    bool
	Doc         *extract.Document
	// Note explains a fallback the reader should know about, e.g. that
	// rendering failed and the HTTP version is shown. Empty normally.
	Note string
	// TotalChars is the length of Doc.Markdown in characters (runes).
	TotalChars int
	// Partial: a time limit cut the read short (see partial.go); never cached.
	Partial bool
}

// Renderer renders a page in a browser (browser.Pool).
type Renderer interface {
	Render(ctx context.Context, rawURL string) (*browser.Rendered, error)
}

// Config wires the engine. Renderer may be nil (no browser: render=always fails clearly).
type Config struct {
	Fetcher      *fetch.Fetcher
	Renderer     Renderer
	CacheTTL     time.Duration // 0 means 15 minutes
	CacheEntries int           // 0 means 256 pages
	Log          *slog.Logger
	// Guard, when set, pre-checks URLs sent to the Renderer, so a refused
	// address fails with the policy's reason before a tab is opened.
	Guard *egress.Guard
	// Proxy, when set, is asked whether it refused a rendered page's main
	// document, so the error says "refused by policy" rather than a 403.
	Proxy *egress.Proxy
	// LoadTimeout caps one load (fetch, render, extraction); 0 means 60s.
	// A shorter deadline on the caller's context wins.
	LoadTimeout time.Duration
}

// ReadRequest is one browse_page call.
type ReadRequest struct {
	URL      string
	Render   string // auto (default), always, never
	Query    string // optional: most relevant passages first (in page order)
	MaxChars int    // 0 means 20000
	Offset   int
}

// ReadResult is one window of a page's content.
type ReadResult struct {
	URL         string
	FinalURL    string
	Title       string
	Byline      string
	Published   string
	Content     string
	ContentType string
	Offset      int
	NextOffset  *int // nil at the end
	TotalChars  int
	Links       []extract.Link // numbered 1.. in this order
	Rendered    bool
	Cached      bool
	// Note carries a fallback notice (see Page.Note), or for a query read
	// that nothing on the page matched the query.
	Note string
	// Passages: Content is the passages about the query, not a window in
	// page order (NextOffset is then nil).
	Passages bool
}

// Defaults.
const (
	DefaultCacheTTL     = 15 * time.Minute
	DefaultCacheEntries = 256
	DefaultLoadTimeout  = 60 * time.Second
)

// Engine loads pages.
type Engine struct {
	cfg   Config
	log   *slog.Logger
	cache *pageCache

	flights flight.Group[*Page]
}

// New returns an engine.
func New(cfg Config) *Engine {
	if cfg.CacheTTL <= 0 {
		cfg.CacheTTL = DefaultCacheTTL
	}
	if cfg.CacheEntries <= 0 {
		cfg.CacheEntries = DefaultCacheEntries
	}
	if cfg.LoadTimeout <= 0 {
		cfg.LoadTimeout = DefaultLoadTimeout
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Engine{
		cfg:   cfg,
		log:   log,
		cache: newPageCache(cfg.CacheTTL, cfg.CacheEntries),
	}
}

// Load returns the page at rawURL; cached reports whether it came from the cache.
func (e *Engine) Load(ctx context.Context, rawURL, render string) (page *Page, cached bool, err error) {
	mode, err := parseMode(render)
	if err != nil {
		return nil, false, err
	}
	norm, err := Normalize(rawURL)
	if err != nil {
		return nil, false, err
	}
	for _, k := range lookupKeys(norm, mode) {
		if p, ok := e.cache.get(k); ok {
			return p, true, nil
		}
	}
	// The shared load keeps the first caller's deadline (or LoadTimeout)
	// but not its cancellation: it stops when every caller has gone.
	deadline, hasDeadline := ctx.Deadline()
	p, _, err := e.flights.Do(ctx, norm+"\x00"+mode, func(ctx context.Context) (*Page, error) {
		var cancel context.CancelFunc
		if hasDeadline {
			ctx, cancel = context.WithDeadline(ctx, deadline)
		} else {
			ctx, cancel = context.WithTimeout(ctx, e.cfg.LoadTimeout)
		}
		defer cancel()
		// Another flight may have filled the cache while we queued.
		for _, k := range lookupKeys(norm, mode) {
			if p, ok := e.cache.get(k); ok {
				return p, nil
			}
		}
		p, err := e.load(ctx, rawURL, norm, mode)
		if err != nil {
			return nil, err
		}
		if p.Partial {
			p.Note = joinNote(p.Note, e.partialNote(ctx, hasDeadline))
			return p, nil
		}
		for _, k := range storeKeys(norm, mode, p.Rendered) {
			e.cache.set(k, p)
		}
		return p, nil
	})
	if pe := (*flight.PanicError)(nil); errors.As(err, &pe) {
		e.log.Error("browse: page load panicked", "url", norm, "panic", pe.Value, "stack", string(pe.Stack))
		return nil, false, fmt.Errorf("loading the page failed unexpectedly (%w); try again, or try another page", err)
	}
	if err != nil {
		return nil, false, err
	}
	return p, false, nil
}

func parseMode(render string) (string, error) {
	switch m := strings.ToLower(strings.TrimSpace(render)); m {
	case "", RenderAuto:
		return RenderAuto, nil
	case RenderAlways, RenderNever:
		return m, nil
	default:
		return "", fmt.Errorf(`render must be "auto", "always" or "never" (got %q)`, render)
	}
}

// Cache keys name what a page is, not how it was asked for: "http" (the
// HTTP version), "rendered" (Chromium) and "auto" (what auto decided). An
// auto request takes an earlier rendered copy too: it is never worse.
func lookupKeys(norm, mode string) []string {
	switch mode {
	case RenderNever:
		return []string{norm + " http"}
	case RenderAlways:
		return []string{norm + " rendered"}
	}
	return []string{norm + " auto", norm + " rendered"}
}

func storeKeys(norm, mode string, rendered bool) []string {
	kind := norm + " http"
	if rendered {
		kind = norm + " rendered"
	}
	if mode == RenderAuto {
		return []string{norm + " auto", kind}
	}
	return []string{kind}
}

// Normalize returns the cache identity of rawURL: scheme and host lower
// case, default port and fragment dropped, an empty path as "/". It is
// stricter than the de-duplication key (weburl.Key) on purpose: a cache
// must never answer for one URL with another's bytes, so http and https,
// "www." and the bare host, and every parameter stay distinct here.
func Normalize(rawURL string) (string, error) {
	u, err := egress.ValidateURL(rawURL)
	if err != nil {
		return "", err
	}
	c := *u
	c.Scheme = strings.ToLower(c.Scheme)
	host := strings.ToLower(c.Hostname())
	port := c.Port()
	if (c.Scheme == "http" && port == "80") || (c.Scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	c.Host = host
	if port != "" {
		c.Host += ":" + port
	}
	c.Fragment, c.RawFragment = "", ""
	if c.Path == "" && c.RawPath == "" {
		c.Path = "/"
	}
	return c.String(), nil
}

func mustParse(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		return &url.URL{}
	}
	return u
}

// CacheLen is the number of cache keys held (a page may hold two); for tests.
func (e *Engine) CacheLen() int { return e.cache.len() }
