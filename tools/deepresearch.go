package tools

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/weburl"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
)

// researchGrace is how long past its time budget a call may run before the
// tool gives up on the engine: the engine should stop itself at the budget
// and return what it gathered.
const researchGrace = 15 * time.Second

// DeepResearchArgs are deep_research's arguments.
type DeepResearchArgs struct {
	Question          string   `json:"question" jsonschema:"The question to research, as a full sentence with everything needed to understand it. Example: \"Which company acquired the maker of the game Myst, and in which year?\""`
	Queries           []string `json:"queries,omitempty" jsonschema:"Optional extra search queries to run besides the ones planned from the question. Example: [\"Cyan Worlds acquisition\"]"`
	MaxPages          int      `json:"max_pages,omitempty" jsonschema:"Most pages to read."`
	MaxDepth          *int     `json:"max_depth,omitempty" jsonschema:"How many hops to follow from the search results."`
	TimeBudgetS       int      `json:"time_budget_s,omitempty" jsonschema:"Time budget in seconds."`
	MaxEvidenceTokens int      `json:"max_evidence_tokens,omitempty" jsonschema:"Most evidence to return, in tokens."`
	IncludeDomains    []string `json:"include_domains,omitempty" jsonschema:"Only use pages from these domains and their subdomains (example.org, *.example.org and www.example.org all mean the site example.org); a page that redirects outside them supplies no evidence."`
	ExcludeDomains    []string `json:"exclude_domains,omitempty" jsonschema:"Never use pages from these domains (and their subdomains)."`

	argsGiven
}

// ResearchEvidence is one verbatim passage.
type ResearchEvidence struct {
	Source int     `json:"source" jsonschema:"1-based index into sources: the page the quote is from."`
	URL    string  `json:"url" jsonschema:"Address of that page."`
	Title  string  `json:"title" jsonschema:"Title of that page."`
	Quote  string  `json:"quote" jsonschema:"Verbatim text from the page."`
	Score  float64 `json:"score" jsonschema:"Relevance to the question; higher is more relevant."`
}

// ResearchSource is one page that was tried.
type ResearchSource struct {
	N        int    `json:"n" jsonschema:"1-based number of the source, used by evidence.source."`
	URL      string `json:"url" jsonschema:"Address of the page."`
	Title    string `json:"title" jsonschema:"Title of the page."`
	Status   string `json:"status" jsonschema:"ok (read), failed (could not be read) or skipped."`
	Reason   string `json:"reason,omitempty" jsonschema:"Why it failed or was skipped."`
	Rendered bool   `json:"rendered" jsonschema:"True when the page was rendered in headless Chromium."`
}

// ResearchStats counts the work done.
type ResearchStats struct {
	Searches    int   `json:"searches" jsonschema:"Search queries run."`
	PagesRead   int   `json:"pages_read" jsonschema:"Pages read successfully."`
	PagesFailed int   `json:"pages_failed" jsonschema:"Pages that could not be read."`
	CacheHits   int   `json:"cache_hits" jsonschema:"Pages served from the cache."`
	ElapsedMS   int64 `json:"elapsed_ms" jsonschema:"Wall time of the research in milliseconds."`
}

// DeepResearchOutput is deep_research's structured content.
type DeepResearchOutput struct {
	Question string             `json:"question" jsonschema:"The question researched."`
	Queries  []string           `json:"queries" jsonschema:"The search queries that were run."`
	Evidence []ResearchEvidence `json:"evidence" jsonschema:"Passages that bear on the question, most relevant first."`
	Sources  []ResearchSource   `json:"sources" jsonschema:"Every page tried, numbered."`
	Stats    ResearchStats      `json:"stats" jsonschema:"Work done."`
	Complete bool               `json:"complete" jsonschema:"False when the time budget ran out before the research finished."`

	include, exclude []string // the call's domain filters, for the text
}

func deepResearchTool() mcp.Tool {
	return mcp.NewTool("deep_research",
		mcp.WithToolTitle("Deep research"),
		mcp.WithDescription(fmt.Sprintf(`Research a question on the live web and get back cited evidence: it plans search queries, searches, reads the best pages in parallel (following links and follow-up searches for multi-step questions), and returns the verbatim passages that bear on the question, each with its numbered source.
Use it for questions that need facts from several pages or a chain of lookups ("who directed the film that ..."). It does not write the answer: you reason over the evidence and cite sources by number. For a single known page use browse_page; for a list of links use web_search.
Takes up to time_budget_s seconds (%d by default) and sends progress notifications while it runs; when the budget runs out it returns what it has with complete=false.
Example: {"question": "What is the maximum heart rate formula proposed by Tanaka and how does it differ from 220 minus age?", "max_pages": 8}`, DefaultTimeBudgetS)),
		inputSchema[DeepResearchArgs](map[string]prop{
			"question":            {"minLength": 1, "maxLength": MaxQuestionChars},
			"queries":             {"maxItems": MaxResearchQueries, "items": prop{"type": "string", "maxLength": MaxQueryChars}},
			"max_pages":           intRange("Most pages to read", MinResearchPages, MaxResearchPages, DefaultResearchPages, ""),
			"max_depth":           intRange("How many hops to follow from the search results (links and follow-up searches)", MinResearchDepth, MaxResearchDepth, DefaultResearchDepth, "0 reads only the search results."),
			"time_budget_s":       intRange("Time budget in seconds", MinTimeBudgetS, MaxTimeBudgetS, DefaultTimeBudgetS, "When it runs out, what was gathered so far is returned with complete=false."),
			"max_evidence_tokens": intRange("Most evidence to return, in tokens (about 4 characters each)", MinEvidenceTokens, MaxEvidenceTokens, DefaultEvidenceTokens, ""),
		}),
		outputSchema[DeepResearchOutput](),
		readOnlyWeb("Deep research", false),
	)
}

func (a *DeepResearchArgs) validate() (research.Request, error) {
	a.Question = strings.TrimSpace(a.Question)
	if a.Question == "" {
		return research.Request{}, errors.New(`"question" is required: the question to research as a full sentence, e.g. {"question": "When was the Raft consensus paper published and by whom?"}`)
	}
	if err := checkLength(`"question"`, a.Question, MaxQuestionChars, `state the question in a sentence or two; put search terms in "queries"`); err != nil {
		return research.Request{}, err
	}
	queries := cleanList(a.Queries)
	if len(queries) > MaxResearchQueries {
		return research.Request{}, fmt.Errorf(`"queries" has %d entries; at most %d are accepted: keep the searches that matter most (the question's own searches are planned anyway)`, len(queries), MaxResearchQueries)
	}
	for i, q := range queries {
		if err := checkLength(fmt.Sprintf(`"queries"[%d]`, i), q, MaxQueryChars, queryInstead); err != nil {
			return research.Request{}, err
		}
	}
	for _, c := range []struct {
		name          string
		v             *int
		lo, hi, deflt int
	}{
		{"max_pages", &a.MaxPages, MinResearchPages, MaxResearchPages, DefaultResearchPages},
		{"time_budget_s", &a.TimeBudgetS, MinTimeBudgetS, MaxTimeBudgetS, DefaultTimeBudgetS},
		{"max_evidence_tokens", &a.MaxEvidenceTokens, MinEvidenceTokens, MaxEvidenceTokens, DefaultEvidenceTokens},
	} {
		if err := checkRange(c.name, c.v, a.has(c.name, *c.v), c.lo, c.hi, c.deflt); err != nil {
			return research.Request{}, err
		}
	}
	depth := DefaultResearchDepth
	if a.MaxDepth != nil {
		depth = *a.MaxDepth
		if depth < MinResearchDepth || depth > MaxResearchDepth {
			return research.Request{}, fmt.Errorf("max_depth must be between %d and %d (got %d); leave it out for the default %d", MinResearchDepth, MaxResearchDepth, depth, DefaultResearchDepth)
		}
		if depth == 0 {
			depth = -1 // the engine reads 0 as "default"; the caller asked for no hops
		}
	}
	include, exclude := cleanList(a.IncludeDomains), cleanList(a.ExcludeDomains)
	if _, err := weburl.ParseDomains(include, exclude); err != nil {
		return research.Request{}, err
	}
	return research.Request{
		Question:          a.Question,
		Queries:           queries,
		MaxPages:          a.MaxPages,
		MaxDepth:          depth,
		TimeBudget:        time.Duration(a.TimeBudgetS) * time.Second,
		MaxEvidenceTokens: a.MaxEvidenceTokens,
		IncludeDomains:    include,
		ExcludeDomains:    exclude,
	}, nil
}

func (h *Handlers) deepResearch(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	var args DeepResearchArgs
	if err := bind(req, &args); err != nil {
		return invalid("deep_research", err), nil
	}
	rreq, err := args.validate()
	if err != nil {
		return invalid("deep_research", err), nil
	}
	if h.Research == nil {
		return unavailable("deep_research"), nil
	}
	p := startProgress(ctx, req)
	defer p.finish()
	p.report(0, 0, "planning searches")

	ctx = browse.WithDeadlineOwner(ctx, fmt.Sprintf("the research time budget (time_budget_s=%d)", args.TimeBudgetS))
	ctx, cancel := context.WithTimeout(ctx, rreq.TimeBudget+researchGrace)
	defer cancel()
	res, err := h.Research.Run(ctx, rreq, p.report)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() != nil {
			return mcp.NewToolResultError(fmt.Sprintf("deep_research ran well past its time budget of %s and was stopped with nothing to return. Try a narrower question, fewer pages (max_pages) or a larger time_budget_s.", rreq.TimeBudget)), nil
		}
		return nil, err
	}
	out := researchOutput(rreq.Question, res)
	out.include, out.exclude = rreq.IncludeDomains, rreq.ExcludeDomains
	return mcp.NewToolResultStructured(out, deepResearchText(out)), nil
}

// researchOutput maps the engine's result one to one, with empty lists as []
// rather than null so the output matches its schema.
func researchOutput(question string, res *research.Result) DeepResearchOutput {
	out := DeepResearchOutput{
		Question: res.Question, Queries: append([]string{}, res.Queries...),
		Evidence: make([]ResearchEvidence, 0, len(res.Evidence)), Sources: make([]ResearchSource, 0, len(res.Sources)),
		Stats: ResearchStats{
			Searches: res.Stats.Searches, PagesRead: res.Stats.PagesRead, PagesFailed: res.Stats.PagesFailed,
			CacheHits: res.Stats.CacheHits, ElapsedMS: res.Stats.ElapsedMS,
		},
		Complete: res.Complete,
	}
	if out.Question == "" {
		out.Question = question
	}
	for _, e := range res.Evidence {
		out.Evidence = append(out.Evidence, ResearchEvidence{Source: e.Source, URL: e.URL, Title: e.Title, Quote: e.Quote, Score: e.Score})
	}
	for _, s := range res.Sources {
		out.Sources = append(out.Sources, ResearchSource{N: s.N, URL: s.URL, Title: s.Title, Status: s.Status, Reason: s.Reason, Rendered: s.Rendered})
	}
	return out
}
