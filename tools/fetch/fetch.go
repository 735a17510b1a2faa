// Package fetch reads a URL over HTTP the way a browser would ask for it and
// returns the body decoded to UTF-8 (PDF turned into text).
package fetch

import (
	"context"
	"errors"
	"net/http"
)

// Response is a fetched resource.
type Response struct {
	URL         string // as requested
	FinalURL    string // after redirects
	Status      int
	ContentType string // media type without parameters, e.g. text/html, application/pdf
	Body        string // UTF-8 text (HTML, plain text, JSON, text extracted from a PDF)
	Header      http.Header
}

// ErrNotImplemented marks a part not built yet (skeleton).
var ErrNotImplemented = errors.New("fetch is not implemented yet")

// Fetcher fetches through the given client (which carries the egress guard).
type Fetcher struct{ client *http.Client }

// New returns a Fetcher.
func New(client *http.Client, maxBytes int64, userAgent string) *Fetcher {
	return &Fetcher{client: client}
}

// Fetch GETs rawURL.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Response, error) {
	return nil, ErrNotImplemented
}
