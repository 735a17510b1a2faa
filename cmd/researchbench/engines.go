package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/useragent"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

func init() {
	// rod registers a -rod flag at init unless told not to; we have our own flags.
	os.Setenv("DISABLE_ROD_FLAG", "1")
}

// engines are the real search, browse and research engines wired as the
// server wires them, for the in-process mode and the test.
type engines struct {
	search   *search.Engine
	browse   *browse.Engine
	research *research.Engine
	pool     *browser.Pool
	proxy    *egress.Proxy
}

func newEngines(ctx context.Context, searxURL, chromium string, maxTabs int, log *slog.Logger) (*engines, error) {
	guard := egress.New(egress.Policy{AllowPrivate: true})
	client := guard.Client()
	se, err := search.New(search.Config{Order: []string{"searxng"}, SearXNGURL: searxURL}, client, log)
	if err != nil {
		return nil, fmt.Errorf("build search engine: %w", err)
	}
	e := &engines{search: se}
	proxy, err := guard.StartProxy(ctx)
	if err != nil {
		return nil, fmt.Errorf("start egress proxy for the browser: %w", err)
	}
	e.proxy = proxy
	e.pool = browser.New(browser.Config{Bin: chromium, MaxTabs: maxTabs, ProxyURL: proxy.URL, UserAgent: useragent.Chrome, Log: log})
	e.browse = browse.New(browse.Config{Fetcher: fetch.New(client, guard.MaxBodyBytes(), useragent.Chrome), Renderer: e.pool, Log: log})
	e.research = research.New(se, e.browse, maxTabs)
	return e, nil
}

func (e *engines) Close() {
	if e.pool != nil {
		e.pool.Close()
	}
	if e.proxy != nil {
		e.proxy.Close()
	}
}
