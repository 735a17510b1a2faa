// Package search queries web search engines (DuckDuckGo HTML, SearXNG, Brave,
// Serper) as one chain with fallback, normalises their results and caches them.
package search

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
)

// Request is one search.
type Request struct {
	Query          string
	MaxResults     int      // 1..20; 0 means 10
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
}

// ErrNotImplemented marks a part not built yet (skeleton).
var ErrNotImplemented = errors.New("web search is not implemented yet")

// Engine is the provider chain.
type Engine struct {
	client *http.Client
	log    *slog.Logger
}

// New builds the chain. client carries the egress guard. Providers that lack
// a key or URL are skipped with a warning on log.
func New(cfg Config, client *http.Client, log *slog.Logger) (*Engine, error) {
	return &Engine{client: client, log: log}, nil
}

// Search runs the request on the first provider that answers.
func (e *Engine) Search(ctx context.Context, req Request) (*Response, error) {
	return nil, ErrNotImplemented
}
