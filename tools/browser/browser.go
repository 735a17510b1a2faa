// Package browser renders pages in headless Chromium (go-rod): a pool of tabs
// bounded by MaxTabs, one incognito context per render, crash recovery.
package browser

import (
	"context"
	"errors"
	"log/slog"
)

// Config says which browser to use and how.
type Config struct {
	Bin        string   // Chromium binary; empty: look up the system's
	RemoteURLs []string // DevTools endpoints to connect to instead of launching
	MaxTabs    int      // pages open at once; 0 means 4
	ProxyURL   string   // all browser traffic goes through this proxy (the egress guard)
	UserAgent  string
	Log        *slog.Logger
}

// Rendered is the DOM of a page after its scripts ran.
type Rendered struct {
	URL      string
	FinalURL string
	Status   int
	Title    string
	HTML     string // serialised DOM, hidden elements removed
}

// ErrNotImplemented marks a part not built yet (skeleton).
var ErrNotImplemented = errors.New("browser rendering is not implemented yet")

// Pool renders pages.
type Pool struct{ cfg Config }

// New returns a pool; the browser starts on first use.
func New(cfg Config) *Pool { return &Pool{cfg: cfg} }

// Render loads rawURL and returns its DOM once the page is quiet (or a hard cap passed).
func (p *Pool) Render(ctx context.Context, rawURL string) (*Rendered, error) {
	return nil, ErrNotImplemented
}

// Close shuts the browser and every process it started.
func (p *Pool) Close() error { return nil }
