// Package browse reads one page: HTTP first, Chromium when the page needs
// JavaScript, extraction to Markdown, and a cache so paging never refetches.
package browse

import (
	"context"
	"errors"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
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

// ErrNotImplemented marks a part not built yet (skeleton).
var ErrNotImplemented = errors.New("browse is not implemented yet")

// Engine loads pages.
type Engine struct{}

// Load returns the page at rawURL; cached reports whether it came from the cache.
func (e *Engine) Load(ctx context.Context, rawURL, render string) (page *Page, cached bool, err error) {
	return nil, false, ErrNotImplemented
}
