package search

import (
	"context"
	"net/http"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

func BenchmarkParseDuckDuckGoHTML(b *testing.B) {
	page, err := fixtures.Files.ReadFile("testdata/search/ddg_html.html")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(page)))
	for b.Loop() {
		if _, err := parseDuckDuckGo(page); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchCached is the cost of a repeated search (deep_research
// repeats queries across hops): validation, key and cache copy.
func BenchmarkSearchCached(b *testing.B) {
	w := fixtures.Start()
	defer w.Close()
	client := &http.Client{}
	defer client.CloseIdleConnections()
	e, err := New(Config{Order: []string{"searxng"}, SearXNGURL: w.URL + "/searxng"}, client, nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	req := Request{Query: "benchmark query"}
	if _, err := e.Search(ctx, req); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := e.Search(ctx, req); err != nil {
			b.Fatal(err)
		}
	}
	if w.Hits("/searxng/search") != 1 {
		b.Fatalf("cache missed: %d requests", w.Hits("/searxng/search"))
	}
}

// BenchmarkSearchFixtureSearXNG is one uncached search end to end against
// the loopback fixture (HTTP, JSON, normalisation).
func BenchmarkSearchFixtureSearXNG(b *testing.B) {
	w := fixtures.Start()
	defer w.Close()
	client := &http.Client{}
	defer client.CloseIdleConnections()
	// Lift the provider's pace so the benchmark measures our work, not the limiter.
	e, err := New(Config{Order: []string{"searxng"}, SearXNGURL: w.URL + "/searxng", CacheTTL: -1,
		Rates: map[string]float64{"searxng": 1e9}}, client, nil)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for b.Loop() {
		if _, err := e.Search(ctx, Request{Query: "benchmark query"}); err != nil {
			b.Fatal(err)
		}
	}
}
