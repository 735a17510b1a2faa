// Package browse reads one page: HTTP first, Chromium when the page needs
// JavaScript, extraction to Markdown, and a cache so paging never refetches.
package browse

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
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
}

// ErrNotImplemented marks a part not built yet (skeleton).
var ErrNotImplemented = errors.New("browse is not implemented yet")

// Engine loads pages.
type Engine struct{ cfg Config }

// New returns an engine.
func New(cfg Config) *Engine { return &Engine{cfg: cfg} }

// Load returns the page at rawURL; cached reports whether it came from the cache.
func (e *Engine) Load(ctx context.Context, rawURL, render string) (page *Page, cached bool, err error) {
	return nil, false, ErrNotImplemented
}

// Read serves browse_page: Load, then the window [Offset, Offset+MaxChars)
// cut on paragraph boundaries.
func (e *Engine) Read(ctx context.Context, req ReadRequest) (*ReadResult, error) {
	return nil, ErrNotImplemented
}
