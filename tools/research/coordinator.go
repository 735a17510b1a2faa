package research

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// run is the state of one Run. Everything but the progress counter belongs
// to the coordinator goroutine.
type run struct {
	e        *Engine
	p        *Params
	req      Request
	plan     *Plan
	weights  *termWeights
	progress Progress
	start    time.Time
	maxDepth int

	mu        sync.Mutex // guards lastProg and pagesDone (progress may be called from readers)
	lastProg  float64
	pagesDone int

	pages      []*pageRec
	byKey      map[string]int // frontier key -> page index (tried pages)
	frontier   map[string]*item
	queriesRun []string
	queried    map[string]bool
	searches   int
	followUps  int
	cutShort   bool
	bestRel    float64
	bestOwn    float64 // best own score of a page read so far
	proposals  []proposal
	// pendingParents are links proposed to pages not read yet.
	pendingParents map[string][]parentLink
	// chains walk the question's hops; hopSearches counts their searches.
	chains       []*chain
	hopSearches  int
	noPageFor    []string   // bridges whose search found no page of their name, in search order
	nameChecks   []proposal // searches of a bridge's name alone, after its hop search found no page of it
	nextPages    []proposal // second results pages of hop searches whose first found nothing about the bridge
	hopReads     []*hopRead // what each hop search offered the frontier, in the order answered (hopdeep.go)
	stoppedEarly bool       // every hop had evidence before the page budget was spent
}

// report sends a progress notification: pages finished so far (always
// growing, as the protocol requires) out of the page budget. The tool layer
// re-sends the latest one while the call is quiet (the one heartbeat).
func (r *run) report(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v := float64(r.pagesDone)
	if v <= r.lastProg {
		v = r.lastProg + 0.01
	}
	r.lastProg = v
	r.progress(v, float64(r.req.MaxPages+1), msg)
}

func withDefaults(req Request) Request {
	if req.MaxPages <= 0 {
		req.MaxPages = DefaultMaxPages
	}
	if req.MaxDepth == 0 {
		req.MaxDepth = DefaultMaxDepth
	}
	if req.TimeBudget <= 0 {
		req.TimeBudget = DefaultTimeBudget
	}
	if req.MaxEvidenceTokens <= 0 {
		req.MaxEvidenceTokens = DefaultMaxEvidenceTokens
	}
	return req
}

func (e *Engine) run(ctx context.Context, req Request, progress Progress) (*Result, error) {
	start := time.Now()
	req = withDefaults(req)
	if strings.TrimSpace(req.Question) == "" {
		return nil, errors.New("research: the question is empty; pass the question to research in words")
	}
	if progress == nil {
		progress = func(float64, float64, string) {}
	}
	deadline := start.Add(req.TimeBudget)
	reserve := assembleReserve
	if req.TimeBudget/10 < reserve {
		reserve = req.TimeBudget / 10
	}
	work, cancel := context.WithDeadline(ctx, deadline.Add(-reserve))
	defer cancel()

	r := &run{
		e: e, p: &e.params, req: req, progress: progress, start: start,
		byKey: map[string]int{}, frontier: map[string]*item{}, queried: map[string]bool{},
	}
	r.maxDepth = max(req.MaxDepth, 0) // negative: read the search results only
	r.plan = newPlan(req.Question, req.Queries, r.p)
	r.report(fmt.Sprintf("planned %d searches", len(r.plan.Queries)))

	lists := r.searchPlanned(work)
	var sample []string
	for _, l := range lists {
		for _, res := range l.Results {
			sample = append(sample, res.Title+" "+res.Snippet)
		}
	}
	r.weights = newTermWeights(r.plan, sample, r.p)
	r.chains = newChains(r.plan, r.weights, r.p.MaxChainAnchors)
	cands := fuse(lists, req.IncludeDomains, req.ExcludeDomains, r.p.RRFK)
	r.queueSearchResults(cands)
	r.report(fmt.Sprintf("searched: %d pages found", len(cands)))

	r.readLoop(work)
	r.advanceChains(false) // the last pages read may answer the last hop

	if work.Err() != nil {
		r.cutShort = true
	}
	res := r.assemble()
	if err := ctx.Err(); err != nil && errors.Is(err, context.Canceled) {
		return res, fmt.Errorf("research cancelled: %w", err)
	}
	return res, nil
}

// searchPlanned runs the plan's queries concurrently; the lists come back in
// the plan's order whatever order the searches finish in.
func (r *run) searchPlanned(ctx context.Context) []rankedList {
	results := make([]rankedList, len(r.plan.Queries))
	var wg sync.WaitGroup
	sem := make(chan struct{}, max(1, r.p.SearchParallel))
	var mu sync.Mutex
	for i, q := range r.plan.Queries {
		r.queried[normQuery(q)] = true
		r.queriesRun = append(r.queriesRun, q)
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-sem }()
			resp, err := r.e.searcher.Search(ctx, r.searchRequest(q))
			mu.Lock()
			defer mu.Unlock()
			r.searches++
			if err != nil || resp == nil {
				return
			}
			w := 1.0
			if i == 0 {
				// The question itself is the best single description of what
				// is wanted; decompositions add to it, not outvote it.
				w = r.p.QuestionWeight
			}
			results[i] = rankedList{Query: q, Weight: w, Results: resp.Results}
		}()
	}
	wg.Wait()
	return results
}

func (r *run) searchRequest(q string) search.Request {
	return search.Request{Query: q, MaxResults: r.p.SearchResults, IncludeDomains: r.req.IncludeDomains, ExcludeDomains: r.req.ExcludeDomains}
}

// startPage records a page as handed to a reader and returns its index.
func (r *run) startPage(it item) int {
	idx := len(r.pages)
	r.pages = append(r.pages, &pageRec{item: it})
	r.byKey[it.key] = idx
	return idx
}

// errChromeOnly marks a page whose text, rendered or not, is site chrome only.
var errChromeOnly = errors.New("the page shows only site chrome (menus, notices), no text to quote, even rendered")

func (r *run) readOne(ctx context.Context, idx int, it item) pageDone {
	page, cached, err := r.e.loader.Load(ctx, it.url, browse.RenderAuto)
	if err != nil {
		return pageDone{idx: idx, err: err}
	}
	if needsRender(page) {
		// Chrome only over HTTP: the text may be built by a script.
		if rp, rc, rerr := r.e.loader.Load(ctx, it.url, browse.RenderAlways); rerr == nil {
			page, cached = rp, rc
		}
	}
	if page.FinalURL != "" && !domainAllowed(page.FinalURL, r.req.IncludeDomains, r.req.ExcludeDomains) {
		// The filters hold for where a page ends up, not only for the link.
		return pageDone{idx: idx, err: &outsideDomainsError{finalURL: page.FinalURL}}
	}
	if page.Doc == nil || !hasProse(page.Doc.Markdown, nil) {
		return pageDone{idx: idx, page: page, err: errChromeOnly}
	}
	task := ReadTask{Question: r.req.Question, Plan: r.plan, URL: it.url, Depth: it.depth, Via: it.via, weights: r.weights}
	rd, err := r.e.reader.Read(ctx, task, page)
	return pageDone{idx: idx, page: page, cached: cached, reading: rd, err: err}
}

// pageFinished records a reader's report and queues the links it proposes.
func (r *run) pageFinished(ev pageDone) {
	p := r.pages[ev.idx]
	if ev.err != nil {
		var outside *outsideDomainsError
		if errors.As(ev.err, &outside) {
			p.status, p.reason = statusSkipped, outside.Error()
		} else if errors.Is(ev.err, context.DeadlineExceeded) || errors.Is(ev.err, context.Canceled) {
			p.status, p.reason = statusSkipped, "time budget ran out while reading"
			// The load may run under its own copy of the deadline (a shared
			// load in browse), whose timer can fire before work's: the page
			// itself is the evidence that the budget cut the run short.
			r.cutShort = true
		} else {
			p.status, p.reason = statusFailed, ev.err.Error()
		}
		return
	}
	p.status = statusOK
	p.reading = ev.reading
	p.cached = ev.cached
	if ev.page != nil {
		p.finalURL = ev.page.FinalURL
		p.rendered = ev.page.Rendered
		if ev.page.Doc != nil && ev.page.Doc.Title != "" {
			p.title = ev.page.Doc.Title
		}
		if k := frontierKey(ev.page.FinalURL); ev.page.FinalURL != "" && k != p.key {
			// A redirect to a page already tried or queued: do not read it twice.
			delete(r.frontier, k)
			if _, ok := r.byKey[k]; !ok {
				r.byKey[k] = ev.idx
			}
		}
	}
	rd := ev.reading
	r.bestRel = max(r.bestRel, rd.Relevance)
	r.bestOwn = max(r.bestOwn, r.ownScore(p))
	if len(rd.Links) > 0 {
		p.bestLink = rd.Links[0].Score
	}
	r.resolvePending(ev.idx)
	if p.depth < r.maxDepth {
		r.queueLinks(ev.idx)
	}
	r.addProposals(ev.idx)
}
