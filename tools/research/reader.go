package research

import (
	"context"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
)

// Reader is one sub-agent's mind: given a loaded page and the task, it says
// what on the page bears on the question and what to read next. It does no
// I/O, so a model-backed reader (MCP sampling, an OpenAI-compatible endpoint)
// can replace the heuristic one without touching the coordinator.
type Reader interface {
	Read(ctx context.Context, task ReadTask, page *browse.Page) (*Reading, error)
}

// ReadTask is what the coordinator asks of a reader for one page.
type ReadTask struct {
	Question string
	Plan     *Plan
	URL      string
	Depth    int    // 0: a search result; n: n links or follow-up searches away
	Via      string // the anchor text or query that led here
	weights  *termWeights
}

// Reading is a reader's report on one page.
type Reading struct {
	Title string
	// Content is the page text quotes are taken from (Markdown with links
	// reduced to their text); every Finding's Quote is Content[Start:End].
	Content  string
	Findings []Finding
	// Lead is the page's first sentence (what the page is), for context.
	Lead Finding
	// Relevance of the page as a whole to the question, 0..~2.
	Relevance float64
	// TitleMatch is how well the title names an entity of the plan (0..1).
	TitleMatch float64
	Links      []LinkProposal  // best first
	Queries    []QueryProposal // follow-up searches, best first
	Segments   int             // passages on the page
	Read       int             // passages looked at before stopping
	Stopped    bool            // stopped early: the first passages were irrelevant
}

// Finding is one passage kept as evidence.
type Finding struct {
	Quote      string
	Start, End int
	Score      float64
	Lead       bool // the quote starts with the page's first sentence
}

// QueryProposal is a follow-up search and how promising it looks (0..~1).
type QueryProposal struct {
	Query  string
	Entity string // the name searched for, when the query is about one
	Score  float64
}

// LinkProposal is a link worth following and why.
type LinkProposal struct {
	URL     string
	Text    string
	Context string // the sentence the link sits in
	Score   float64
}
