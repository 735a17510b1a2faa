// Package research answers a question with cited evidence: it plans queries,
// searches, sends a pool of reader sub-agents over the result pages and the
// links they propose, and keeps the verbatim passages that bear on the question.
package research

import (
	"context"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// Request is one research task. Zero values mean the defaults.
type Request struct {
	Question          string
	Queries           []string // extra queries from the caller
	MaxPages          int
	MaxDepth          int // hops beyond the search results; 0 means DefaultMaxDepth, negative means none
	TimeBudget        time.Duration
	MaxEvidenceTokens int
	IncludeDomains    []string
	ExcludeDomains    []string
}

// Evidence is one verbatim passage; Source is the 1-based index into Sources.
type Evidence struct {
	Source int     `json:"source"`
	URL    string  `json:"url"`
	Title  string  `json:"title"`
	Quote  string  `json:"quote"`
	Score  float64 `json:"score"`
}

// Source is one page that was tried.
type Source struct {
	N        int    `json:"n"`
	URL      string `json:"url"`
	Title    string `json:"title"`
	Status   string `json:"status"`           // ok, failed, skipped
	Reason   string `json:"reason,omitempty"` // why it failed or was skipped
	Rendered bool   `json:"rendered"`
}

// Stats counts the work done.
type Stats struct {
	Searches    int   `json:"searches"`
	PagesRead   int   `json:"pages_read"`
	PagesFailed int   `json:"pages_failed"`
	CacheHits   int   `json:"cache_hits"`
	ElapsedMS   int64 `json:"elapsed_ms"`
}

// Result is the answer to a Request.
type Result struct {
	Question string     `json:"question"`
	Queries  []string   `json:"queries"`
	Evidence []Evidence `json:"evidence"`
	Sources  []Source   `json:"sources"`
	Stats    Stats      `json:"stats"`
	Complete bool       `json:"complete"`
}

// Progress receives stage and page updates; total may be 0 when unknown.
type Progress func(progress, total float64, message string)

// Searcher is the search layer (search.Engine).
type Searcher interface {
	Search(ctx context.Context, req search.Request) (*search.Response, error)
}

// Loader is the page reader (browse.Engine).
type Loader interface {
	Load(ctx context.Context, rawURL, render string) (page *browse.Page, cached bool, err error)
}

// Engine runs research tasks.
type Engine struct {
	searcher Searcher
	loader   Loader
	maxTabs  int
	perHost  int
	reader   Reader
	params   Params
}

// New returns an engine reading with at most maxTabs pages at once
// (DefaultMaxTabs when maxTabs <= 0) with the heuristic reader.
func New(s Searcher, l Loader, maxTabs int) *Engine {
	if maxTabs <= 0 {
		maxTabs = DefaultMaxTabs
	}
	return &Engine{searcher: s, loader: l, maxTabs: maxTabs, perHost: min(DefaultPerHost, maxTabs), reader: HeuristicReader{}, params: DefaultParams()}
}

// WithReader replaces the reader (e.g. a model-backed one); it returns e.
func (e *Engine) WithReader(r Reader) *Engine {
	if r != nil {
		e.reader = r
	}
	return e
}

// WithPerHost sets how many pages of one remote host are read at once
// (loopback hosts are bounded by max tabs only); it returns e.
func (e *Engine) WithPerHost(n int) *Engine {
	if n > 0 {
		e.perHost = n
	}
	return e
}

// Run researches req.Question. Running out of time is not an error: the
// result says Complete=false and carries what was gathered. When ctx is
// cancelled, every sub-agent stops; Run returns what it had with ctx's error.
func (e *Engine) Run(ctx context.Context, req Request, progress Progress) (*Result, error) {
	return e.run(ctx, req, progress)
}
