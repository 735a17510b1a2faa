// Package tools holds the three MCP tools deepresearch-mcp serves: one file
// per tool (typed arguments, validation, the call into its engine, the result
// as text for the model plus structured content), and small shared helpers
// for fencing web content, progress notifications and errors.
package tools

//go:generate go test -run "TestToolSnapshots|TestREADMEToolList|TestGoldenToolOutput" -update .

import (
	"log/slog"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// Argument defaults and limits. They live here, next to the schemas that
// advertise them, so the schema a model reads and the value a handler applies
// cannot drift apart. The tools always pass explicit values to the engines.
const (
	DefaultSearchResults = 10
	MinSearchResults     = 1
	MaxSearchResults     = 20

	DefaultMaxChars = 20000
	MinMaxChars     = 500
	MaxMaxChars     = 100000

	// deep_research's defaults are the research engine's, which its
	// benchmark was tuned with; the limits are the tool's.
	DefaultResearchPages = research.DefaultMaxPages
	MinResearchPages     = 1
	MaxResearchPages     = 50

	DefaultResearchDepth = research.DefaultMaxDepth
	MinResearchDepth     = 0
	MaxResearchDepth     = 4

	DefaultTimeBudgetS = int(research.DefaultTimeBudget / time.Second)
	MinTimeBudgetS     = 5
	MaxTimeBudgetS     = 300

	DefaultEvidenceTokens = research.DefaultMaxEvidenceTokens
	MinEvidenceTokens     = 200
	MaxEvidenceTokens     = 20000

	// Text arguments are bounded like the numbers: the planner reads a
	// question word by word and every extra query is a search, so an
	// argument of megabytes (or ten thousand queries) would be work no
	// call's budget pays for. A question of a paragraph, a query of a
	// long search box's length and a handful of extra queries are far
	// more than any real call sends (the benchmarks' longest question is
	// 254 bytes). browse_page's query is a search query's length too: the
	// page's passages are ranked on its words.
	MaxQuestionChars   = 2000
	MaxQueryChars      = 400
	MaxResearchQueries = 8

	// MaxURLChars bounds browse_page's url. RFC 9110 (section 4.1) asks
	// senders and recipients to support at least 8,000 octets in a URI,
	// and that is about where servers and CDNs start answering 414; a
	// longer "URL" is a pasted document, not an address, and parsing and
	// logging it (and keying the cache on it) is work no page repays.
	MaxURLChars = 8000
)

// Handlers carries what the tools drive. A nil engine makes its tool answer
// with an isError result saying it is unavailable.
type Handlers struct {
	Search   *search.Engine
	Browse   *browse.Engine
	Research *research.Engine
	Log      *slog.Logger
}

func (h *Handlers) log() *slog.Logger {
	if h.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return h.Log
}

// Tools returns the tool definitions in the order they are listed.
func Tools() []mcp.Tool {
	return []mcp.Tool{webSearchTool(), browsePageTool(), deepResearchTool()}
}

// Register adds the three tools to s.
func (h *Handlers) Register(s *server.MCPServer) {
	s.AddTool(webSearchTool(), h.guard("web_search", h.webSearch))
	s.AddTool(browsePageTool(), h.guard("browse_page", h.browsePage))
	s.AddTool(deepResearchTool(), h.guard("deep_research", h.deepResearch))
}

// readOnlyWeb is the annotation set every tool shares: it reads the open web
// and changes nothing.
func readOnlyWeb(title string, idempotent bool) mcp.ToolOption {
	return mcp.WithToolAnnotation(mcp.ToolAnnotation{
		Title:           title,
		ReadOnlyHint:    mcp.ToBoolPtr(true),
		DestructiveHint: mcp.ToBoolPtr(false),
		IdempotentHint:  mcp.ToBoolPtr(idempotent),
		OpenWorldHint:   mcp.ToBoolPtr(true),
	})
}
