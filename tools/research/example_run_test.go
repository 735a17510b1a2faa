package research_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// Run plans searches, reads the best results in parallel and returns the
// passages that bear on the question, each pointing at its numbered source.
// Here the search is the fixture web's SearXNG and the domain filter keeps
// the run on the loopback pages.
func ExampleEngine_Run() {
	web := fixtures.Start()
	defer web.Close()
	guard := egress.New(egress.Policy{Trusted: []string{web.Listener.Addr().String()}})
	client := guard.Client()
	defer client.CloseIdleConnections()
	searcher, err := search.New(search.Config{Order: []string{search.SearXNG}, SearXNGURL: web.URL + "/searxng"}, client, slog.New(slog.DiscardHandler))
	if err != nil {
		fmt.Println(err)
		return
	}
	loader := browse.New(browse.Config{Fetcher: fetch.New(client, 0, ""), Guard: guard})
	e := research.New(searcher, loader, 2)

	res, err := e.Run(context.Background(), research.Request{
		Question:       "How do lighthouses keep their lamps turning?",
		MaxPages:       3,
		MaxDepth:       -1, // the search results only
		TimeBudget:     20 * time.Second,
		IncludeDomains: []string{"127.0.0.1"},
	}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	onLoopback := len(res.Evidence) > 0
	for _, ev := range res.Evidence {
		u, err := url.Parse(ev.URL)
		onLoopback = onLoopback && err == nil && u.Hostname() == "127.0.0.1" && res.Sources[ev.Source-1].URL == ev.URL
	}
	fmt.Println("evidence, all from the allowed host:", onLoopback)
	for _, s := range res.Sources {
		u, _ := url.Parse(s.URL)
		fmt.Println(s.N, u.Path, s.Status)
	}
	// Output:
	// evidence, all from the allowed host: true
	// 1 /pages/article ok
	// 2 /pages/long ok
}
