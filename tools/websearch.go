package tools

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// webSearchTimeout bounds one call; the provider chain has its own per-request limits.
const webSearchTimeout = 45 * time.Second

// WebSearchArgs are web_search's arguments.
type WebSearchArgs struct {
	Query          string   `json:"query" jsonschema:"What to search for, worded as you would type it into a search engine. Example: \"go-rod incognito browser context\""`
	MaxResults     int      `json:"max_results,omitempty" jsonschema:"How many results to return."`
	IncludeDomains []string `json:"include_domains,omitempty" jsonschema:"Only return results from these domains (and their subdomains). Example: [\"go.dev\", \"github.com\"]"`
	ExcludeDomains []string `json:"exclude_domains,omitempty" jsonschema:"Never return results from these domains (and their subdomains). Example: [\"pinterest.com\"]"`
	Recency        string   `json:"recency,omitempty" jsonschema:"Only results published within the last day, week, month or year, where the search engine supports it. Leave out for any time."`

	argsGiven
}

// WebSearchResult is one hit.
type WebSearchResult struct {
	Rank      int    `json:"rank" jsonschema:"1-based position in the ranking."`
	Title     string `json:"title" jsonschema:"Title of the page."`
	URL       string `json:"url" jsonschema:"Address of the page (tracking parameters removed)."`
	Snippet   string `json:"snippet" jsonschema:"Short text from the page, as plain text."`
	Published string `json:"published,omitempty" jsonschema:"Publication date where the search engine gives one."`
}

// WebSearchOutput is web_search's structured content.
type WebSearchOutput struct {
	Query    string            `json:"query" jsonschema:"The query that was run."`
	Provider string            `json:"provider" jsonschema:"The search engine that answered (duckduckgo, searxng, brave or serper)."`
	Results  []WebSearchResult `json:"results" jsonschema:"The results, best first."`
}

func webSearchTool() mcp.Tool {
	return mcp.NewTool("web_search",
		mcp.WithToolTitle("Web search"),
		mcp.WithDescription(fmt.Sprintf(`Search the web and get ranked results: title, URL and a short snippet for each.
Use it to find pages, then read the promising ones with browse_page. For a question that needs several pages read and cross-checked, deep_research does the searching and reading for you.
Returns at most %d results (%d by default). Snippets are short and can be stale: read the page before relying on it.
Example: {"query": "SQLite WAL mode concurrent readers", "max_results": 5}`, MaxSearchResults, DefaultSearchResults)),
		inputSchema[WebSearchArgs](map[string]prop{
			"query":       {"minLength": 1, "maxLength": MaxQueryChars},
			"max_results": intRange("How many results to return", MinSearchResults, MaxSearchResults, DefaultSearchResults, ""),
			"recency":     {"enum": []string{"day", "week", "month", "year"}},
		}),
		outputSchema[WebSearchOutput](),
		readOnlyWeb("Web search", true),
	)
}

func (a *WebSearchArgs) validate() error {
	a.Query = strings.TrimSpace(a.Query)
	if a.Query == "" {
		return errors.New(`"query" is required: say what to search for, e.g. {"query": "rust async runtime comparison"}`)
	}
	if err := checkLength(`"query"`, a.Query, MaxQueryChars, queryInstead); err != nil {
		return err
	}
	if err := checkRange("max_results", &a.MaxResults, a.has("max_results", a.MaxResults), MinSearchResults, MaxSearchResults, DefaultSearchResults); err != nil {
		return err
	}
	switch a.Recency = strings.ToLower(strings.TrimSpace(a.Recency)); a.Recency {
	case "", "day", "week", "month", "year":
	default:
		return fmt.Errorf(`recency must be one of "day", "week", "month", "year" (got %q); leave it out for any time`, a.Recency)
	}
	a.IncludeDomains, a.ExcludeDomains = cleanList(a.IncludeDomains), cleanList(a.ExcludeDomains)
	return nil
}

func (h *Handlers) webSearch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	var args WebSearchArgs
	if err := bind(req, &args); err != nil {
		return invalid("web_search", err), nil
	}
	if err := args.validate(); err != nil {
		return invalid("web_search", err), nil
	}
	if h.Search == nil {
		return unavailable("web_search"), nil
	}
	p := startProgress(ctx, req)
	defer p.finish()
	p.report(0, 0, "searching: "+args.Query)

	ctx, cancel := context.WithTimeout(ctx, webSearchTimeout)
	defer cancel()
	resp, err := h.Search.Search(ctx, search.Request{
		Query:          args.Query,
		MaxResults:     args.MaxResults,
		IncludeDomains: args.IncludeDomains,
		ExcludeDomains: args.ExcludeDomains,
		Recency:        args.Recency,
	})
	if err != nil {
		return nil, err
	}
	out := WebSearchOutput{Query: resp.Query, Provider: resp.Provider, Results: []WebSearchResult{}}
	if out.Query == "" {
		out.Query = args.Query
	}
	for i, r := range resp.Results {
		rank := r.Rank
		if rank == 0 {
			rank = i + 1
		}
		out.Results = append(out.Results, WebSearchResult{Rank: rank, Title: r.Title, URL: r.URL, Snippet: r.Snippet, Published: r.Published})
	}
	return mcp.NewToolResultStructured(out, webSearchText(out)), nil
}
