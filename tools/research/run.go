package research

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/weburl"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// item is a page the coordinator may read.
type item struct {
	url      string
	key      string
	title    string // from the search result or the anchor
	priority float64
	depth    int
	via      string
	search   float64 // fused search score, normalised (0 for links)
}

// parentLink records that a read page pointed to another: by a link, or by
// a follow-up search for a name it mentions whose result is that name's page.
// strength is relative to the parent's best pointer (1 for the best).
type parentLink struct {
	from     int // page index
	strength float64
}

// pageRec is one page tried.
type pageRec struct {
	item
	finalURL string
	status   string
	reason   string
	rendered bool
	cached   bool
	reading  *Reading
	parents  []parentLink
	bestLink float64 // score of the page's best proposed link
}

type pageDone struct {
	idx     int
	page    *browse.Page
	cached  bool
	reading *Reading
	err     error
}

type searchDone struct {
	prop   proposal
	query  string
	weight float64
	depth  int
	from   int // page index that proposed it; -1 for planned queries
	resp   *search.Response
	err    error
}

// run is the state of one Run.
type run struct {
	e        *Engine
	req      Request
	domains  weburl.Domains // req's include/exclude lists, parsed
	plan     *Plan
	weights  *termWeights
	progress Progress
	start    time.Time

	mu         sync.Mutex // guards progress state (lastProg, lastReport, pagesDone)
	lastReport time.Time
	maxDepth   int
	// Coordinator-only state (one goroutine).
	pages           []*pageRec
	byKey           map[string]int // normalised URL -> page index (tried pages)
	frontier        map[string]*item
	queriesRun      []string
	queried         map[string]bool
	searches        int
	followUps       int
	hostActive      map[string]int
	cutShort        bool
	lastProg        float64
	bestRel         float64
	bestOwn         float64 // best own score of a page read so far
	proposals       []proposal
	followUpsIssued bool
	settled         bool
	pagesDone       int // guarded by mu: the heartbeat reads it
	// pendingParents are links proposed to pages not read yet.
	pendingParents map[string][]parentLink
}

// report sends a progress notification: pages finished so far (always
// growing, as the protocol requires) out of the page budget.
func (r *run) report(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	v := float64(r.pagesDone)
	if v <= r.lastProg {
		v = r.lastProg + 0.01
	}
	r.lastProg = v
	r.lastReport = time.Now()
	r.progress(v, float64(r.req.MaxPages+1), msg)
}

// heartbeat reports at least every heartbeatEvery while Run works, so that
// clients that reset their timeout on progress keep waiting through slow
// searches and renders.
func (r *run) heartbeat(ctx context.Context) {
	t := time.NewTicker(heartbeatEvery / 3)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			r.mu.Lock()
			quiet := time.Since(r.lastReport) >= heartbeatEvery
			r.mu.Unlock()
			if quiet {
				r.report("still working")
			}
		}
	}
}

// heartbeatEvery is the longest silence between progress notifications.
const heartbeatEvery = 1500 * time.Millisecond

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
	domains, err := weburl.ParseDomains(req.IncludeDomains, req.ExcludeDomains)
	if err != nil {
		return nil, fmt.Errorf("research: %w", err)
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
		e: e, req: req, domains: domains, progress: progress, start: start,
		byKey: map[string]int{}, frontier: map[string]*item{}, queried: map[string]bool{},
		hostActive: map[string]int{},
	}
	r.maxDepth = max(req.MaxDepth, 0) // negative: read the search results only
	hbCtx, stopHeartbeat := context.WithCancel(work)
	hbDone := make(chan struct{})
	go func() {
		defer close(hbDone)
		r.heartbeat(hbCtx)
	}()
	// No progress after Run returns: the caller may have answered by then.
	defer func() {
		stopHeartbeat()
		<-hbDone
	}()
	r.plan = NewPlan(req.Question, req.Queries)
	r.report(fmt.Sprintf("planned %d searches", len(r.plan.Queries)))

	lists := r.searchPlanned(work)
	var sample []string
	for _, l := range lists {
		for _, res := range l.Results {
			sample = append(sample, res.Title+" "+res.Snippet)
		}
	}
	r.weights = newTermWeights(r.plan, sample)
	cands := fuse(lists, domains)
	if len(cands) > 0 {
		top := cands[0].Score
		for _, c := range cands {
			k := weburl.Key(c.URL)
			n := c.Score / top
			prio := n
			if r.namesEntity(c.Title) {
				// The page of a name the question mentions is the first hop of
				// a bridge or one side of a comparison: read it in the first
				// wave, so that the follow-up searches can come from it.
				prio = max(prio, entityPagePriority)
			}
			r.frontier[k] = &item{url: c.URL, key: k, title: c.Title, priority: prio, search: n, via: strings.Join(c.Queries, " | ")}
		}
	}
	r.report(fmt.Sprintf("searched: %d pages found", len(cands)))

	r.readLoop(work)

	if work.Err() != nil {
		r.cutShort = true
	}
	res := r.assemble()
	if err := ctx.Err(); err != nil && errors.Is(err, context.Canceled) {
		return res, fmt.Errorf("research cancelled: %w", err)
	}
	return res, nil
}

// searchPlanned runs the plan's queries concurrently.
func (r *run) searchPlanned(ctx context.Context) []rankedList {
	results := make([]rankedList, len(r.plan.Queries))
	var wg sync.WaitGroup
	sem := make(chan struct{}, searchParallel)
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
			resp, err := r.e.searcher.Search(ctx, search.Request{Query: q, MaxResults: searchResults, IncludeDomains: r.req.IncludeDomains, ExcludeDomains: r.req.ExcludeDomains})
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
				w = questionWeight
			}
			results[i] = rankedList{Query: q, Weight: w, Results: resp.Results}
		}()
	}
	wg.Wait()
	return results
}

// readLoop is the coordinator: it hands the best unread pages to sub-agents
// (bounded by max tabs and per-host limits), takes their reports, queues the
// links and searches they propose, until the page budget, the frontier or
// the time runs out.
func (r *run) readLoop(ctx context.Context) {
	tabs := r.e.maxTabs
	events := make(chan any, 64)
	var wg sync.WaitGroup
	defer wg.Wait()
	started, inflight, searching := 0, 0, 0

	for {
		// Until the follow-up searches have been chosen and answered, some
		// of the page budget is kept for what they find.
		limit := r.req.MaxPages
		if !r.followUpsSettled(searching) {
			limit -= min(followUpReserve, r.req.MaxPages/3)
		}
		for inflight < tabs && started < limit && ctx.Err() == nil {
			it := r.next()
			if it == nil {
				break
			}
			idx := len(r.pages)
			r.pages = append(r.pages, &pageRec{item: *it})
			r.byKey[it.key] = idx
			r.hostActive[hostOf(it.url)]++
			started++
			inflight++
			wg.Add(1)
			go func() {
				defer wg.Done()
				ev := r.readOne(ctx, idx, *it)
				select {
				case events <- ev:
				case <-ctx.Done():
					// The coordinator has stopped listening; drop the report.
					select {
					case events <- ev:
					default:
					}
				}
			}()
			r.report("reading " + it.url)
		}
		if inflight == 0 && searching == 0 {
			if started < r.req.MaxPages && !r.settled {
				// Nothing left to wait for: release the reserve.
				r.settled = true
				continue
			}
			return
		}
		select {
		case <-ctx.Done():
			r.cutShort = true
			return
		case ev := <-events:
			switch ev := ev.(type) {
			case pageDone:
				inflight--
				r.hostActive[hostOf(r.pages[ev.idx].url)]--
				r.mu.Lock()
				r.pagesDone++
				done := r.pagesDone
				r.mu.Unlock()
				r.pageFinished(ev)
				for _, q := range r.followUpQueries(ev, done, inflight) {
					searching++
					wg.Add(1)
					depth := r.pages[q.from].depth + 1 // read here: the coordinator owns r.pages
					go func() {
						defer wg.Done()
						sd := r.searchOne(ctx, q, depth)
						select {
						case events <- sd:
						case <-ctx.Done():
						}
					}()
				}
			case searchDone:
				searching--
				r.searchFinished(ev)
			}
		}
	}
}

func (r *run) readOne(ctx context.Context, idx int, it item) pageDone {
	page, cached, err := r.e.loader.Load(ctx, it.url, browse.RenderAuto)
	if err != nil {
		return pageDone{idx: idx, err: err}
	}
	if page != nil && page.FinalURL != "" && !r.domains.Allows(page.FinalURL) {
		// The filters hold for where a page ends up, not only for the link.
		return pageDone{idx: idx, err: &outsideDomainsError{finalURL: page.FinalURL}}
	}
	task := ReadTask{Question: r.req.Question, Plan: r.plan, URL: it.url, Depth: it.depth, Via: it.via, weights: r.weights}
	rd, err := r.e.reader.Read(ctx, task, page)
	return pageDone{idx: idx, page: page, cached: cached, reading: rd, err: err}
}

func (r *run) searchOne(ctx context.Context, p proposal, depth int) searchDone {
	resp, err := r.e.searcher.Search(ctx, search.Request{Query: p.Query, MaxResults: searchResults, IncludeDomains: r.req.IncludeDomains, ExcludeDomains: r.req.ExcludeDomains})
	return searchDone{prop: p, query: p.Query, weight: 0.7, depth: depth, from: p.from, resp: resp, err: err}
}

// next pops the frontier's best item whose host has a free slot.
func (r *run) next() *item {
	var best *item
	for _, it := range r.frontier {
		if it.priority < minPriority {
			continue
		}
		if r.hostActive[hostOf(it.url)] >= r.e.hostLimit(it.url) {
			continue
		}
		if best == nil || it.priority > best.priority || (it.priority == best.priority && it.key < best.key) {
			best = it
		}
	}
	if best != nil {
		delete(r.frontier, best.key)
	}
	return best
}

// entityPagePriority is the least read priority of a search result that is
// the page of a name in the question (the best result has 1).
const entityPagePriority = 0.8

// namesEntity reports whether a page title is the page of one of the plan's entities.
func (r *run) namesEntity(title string) bool {
	for _, e := range r.plan.Entities {
		if nameMatch(title, e) {
			return true
		}
	}
	return false
}

// questionWeight is the fusion weight of the question's own search.
const questionWeight = 2.0

// minPriority: frontier items below this are not worth a read.
const minPriority = 0.02

// hostLimit is the politeness bound for rawURL's host.
func (e *Engine) hostLimit(rawURL string) int {
	h := hostOf(rawURL)
	if h == "localhost" {
		return e.maxTabs
	}
	if ip := net.ParseIP(h); ip != nil && ip.IsLoopback() {
		return e.maxTabs
	}
	return e.perHost
}

func (r *run) pageFinished(ev pageDone) {
	p := r.pages[ev.idx]
	if ev.err != nil {
		var outside *outsideDomainsError
		if errors.As(ev.err, &outside) {
			p.status, p.reason = "skipped", outside.Error()
		} else if errors.Is(ev.err, context.DeadlineExceeded) || errors.Is(ev.err, context.Canceled) {
			p.status, p.reason = "skipped", "time budget ran out while reading"
			// The load may run under its own copy of the deadline (a shared
			// load in browse), whose timer can fire before work's: the page
			// itself is the evidence that the budget cut the run short.
			r.cutShort = true
		} else {
			p.status, p.reason = "failed", ev.err.Error()
		}
		r.report("failed " + p.url)
		return
	}
	p.status = "ok"
	p.reading = ev.reading
	p.cached = ev.cached
	if ev.page != nil {
		p.finalURL = ev.page.FinalURL
		p.rendered = ev.page.Rendered
		if ev.page.Doc != nil && ev.page.Doc.Title != "" {
			p.title = ev.page.Doc.Title
		}
		if k := weburl.Key(ev.page.FinalURL); ev.page.FinalURL != "" && k != p.key {
			// A redirect to a page already tried or queued: do not read it twice.
			delete(r.frontier, k)
			if _, ok := r.byKey[k]; !ok {
				r.byKey[k] = ev.idx
			}
		}
	}
	rd := ev.reading
	if rd.Relevance > r.bestRel {
		r.bestRel = rd.Relevance
	}
	if own := r.ownScore(p); own > r.bestOwn {
		r.bestOwn = own
	}
	if len(rd.Links) > 0 {
		p.bestLink = rd.Links[0].Score
	}
	// Pointers to this page recorded before it was read.
	for _, pl := range r.pendingParents[p.key] {
		r.link(pl.from, ev.idx, pl.strength)
	}
	delete(r.pendingParents, p.key)
	if p.depth < r.maxDepth {
		for _, l := range rd.Links {
			if !r.domains.Allows(l.URL) {
				continue
			}
			k := weburl.Key(l.URL)
			prio := r.linkPriority(r.ownScore(p), l.Score, p.bestLink)
			strength := l.Score / p.bestLink
			if idx, ok := r.byKey[k]; ok {
				r.link(ev.idx, idx, strength)
				continue
			}
			it := r.frontier[k]
			if it == nil {
				it = &item{url: l.URL, key: k, title: l.Text, depth: p.depth + 1, via: l.Text}
				r.frontier[k] = it
			}
			it.priority = max(it.priority, prio)
			r.pendingParent(k, ev.idx, strength)
		}
	}
	r.report(fmt.Sprintf("read %s: %d passages kept", p.url, len(rd.Findings)))
}

// reverseLink is how much a page counts as bridge for the page it links to:
// a page that points at the best page ("Kansas Song ... of the University of
// Kansas") is often the other half of the answer.
const reverseLink = 0.75

// link records that page from points to page to (both read).
func (r *run) link(from, to int, strength float64) {
	if from == to {
		return
	}
	r.pages[to].parents = append(r.pages[to].parents, parentLink{from, strength})
	r.pages[from].parents = append(r.pages[from].parents, parentLink{to, strength * reverseLink})
}

// pendingParent remembers a link to a page not read yet.
func (r *run) pendingParent(key string, from int, strength float64) {
	if r.pendingParents == nil {
		r.pendingParents = map[string][]parentLink{}
	}
	r.pendingParents[key] = append(r.pendingParents[key], parentLink{from, strength})
}

// linkPriority ranks a proposed link against search results (whose best is
// 1): the parent's score relative to the best page so far, times the link's
// score relative to the parent's best link, damped when even that best is
// weak (a link in a sentence that has little to do with the question).
func (r *run) linkPriority(own, linkScore, bestLink float64) float64 {
	if r.bestOwn <= 0 || bestLink <= 0 {
		return 0
	}
	absolute := min(1, max(0.3, linkScore/strongLink))
	return 0.9 * (own / r.bestOwn) * (linkScore / bestLink) * absolute
}

// strongLink is a link score that needs no damping.
const strongLink = 0.25

// proposal is a follow-up search some page proposed.
type proposal struct {
	QueryProposal
	from     int
	strength float64 // relative to the page's best proposal
}

// followUpQueries decides which proposed searches to run. They wait for the
// first wave of reads, so that they come from the best pages rather than the
// fastest: each proposal is weighed by its page's score, and the best run
// within the task's follow-up budget.
func (r *run) followUpQueries(ev pageDone, done, inflight int) []proposal {
	if ev.reading != nil && r.pages[ev.idx].depth < r.maxDepth {
		for _, q := range ev.reading.Queries {
			st := 1.0
			if best := ev.reading.Queries[0].Score; best > 0 {
				st = q.Score / best
			}
			r.proposals = append(r.proposals, proposal{q, ev.idx, st})
		}
	}
	wave := min(firstWave, r.req.MaxPages/2)
	if r.followUps >= maxFollowUps || (done < wave && !(inflight == 0 && len(r.frontier) == 0)) {
		return nil
	}
	// A proposal counts by its page's score, twice over when the page is
	// the page of a name in the question: the first hop of a bridge.
	weight := func(p proposal) float64 {
		pg := r.pages[p.from]
		w := p.Score * r.ownScore(pg)
		if pg.reading != nil {
			w *= 1 + pg.reading.TitleMatch
		}
		return w
	}
	sort.SliceStable(r.proposals, func(i, j int) bool { return weight(r.proposals[i]) > weight(r.proposals[j]) })
	var out []proposal
	for _, p := range r.proposals {
		if r.followUps >= maxFollowUps {
			break
		}
		k := normQuery(p.Query)
		if k == "" || r.queried[k] || r.boilerplateName(p.Entity) {
			continue
		}
		r.queried[k] = true
		r.followUps++
		r.queriesRun = append(r.queriesRun, p.Query)
		out = append(out, p)
	}
	r.proposals = r.proposals[:0]
	r.followUpsIssued = true
	return out
}

// followUpReserve is the share of the page budget kept for follow-up searches.
const followUpReserve = 6

// followUpsSettled reports whether follow-up searches no longer need the
// reserved page budget: they ran and answered, or none will run.
func (r *run) followUpsSettled(searching int) bool {
	if r.settled {
		return true
	}
	if r.followUpsIssued && searching == 0 {
		r.settled = true
	}
	return r.settled
}

// boilerplateName reports a name found on most pages read (a site name in
// a byline, a menu label) or a single word found on many: it is the site's
// or the language's, not the evidence's.
func (r *run) boilerplateName(name string) bool {
	if name == "" {
		return false
	}
	share := 0.5
	if !strings.Contains(strings.TrimSpace(name), " ") {
		// One word on a quarter of the pages is a common word
		// ("American", "British"), not the name of what is missing.
		share = 0.25
	}
	read, with := 0, 0
	for _, p := range r.pages {
		if p.reading == nil {
			continue
		}
		read++
		if strings.Contains(p.reading.Content, name) {
			with++
		}
	}
	return with >= 3 && float64(with) >= share*float64(read)
}

// firstWave is how many pages are read before follow-up searches are chosen.
const firstWave = 8

func (r *run) searchFinished(ev searchDone) {
	r.searches++
	if ev.err != nil || ev.resp == nil {
		return
	}
	rel := 1.0
	if ev.from >= 0 && r.pages[ev.from].reading != nil && r.bestOwn > 0 {
		rel = min(1, r.ownScore(r.pages[ev.from])/r.bestOwn)
	}
	for i, res := range ev.resp.Results {
		if i >= 5 || !r.domains.Allows(res.URL) {
			continue
		}
		k := weburl.Key(res.URL)
		prio := ev.weight * rel / (1 + 0.25*float64(i))
		// A result that is the page of the name searched for is what the
		// parent pointed to, as a link would.
		named := i < 3 && ev.prop.Entity != "" && nameMatch(res.Title, ev.prop.Entity)
		if named {
			prio = max(prio, ev.weight*rel)
		}
		if idx, ok := r.byKey[k]; ok {
			if named && r.pages[idx].status == "ok" {
				r.pages[idx].parents = append(r.pages[idx].parents, parentLink{ev.from, ev.prop.strength})
			}
			continue
		}
		it := r.frontier[k]
		if it == nil {
			it = &item{url: res.URL, key: k, title: res.Title, depth: ev.depth, via: ev.query}
			r.frontier[k] = it
		}
		it.priority = max(it.priority, prio)
		if named {
			r.pendingParent(k, ev.from, ev.prop.strength)
		}
	}
	r.report(fmt.Sprintf("searched %q", ev.query))
}

// sortedFrontier lists unread items, best first.
func (r *run) sortedFrontier() []*item {
	out := make([]*item, 0, len(r.frontier))
	for _, it := range r.frontier {
		out = append(out, it)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].priority != out[j].priority {
			return out[i].priority > out[j].priority
		}
		return out[i].key < out[j].key
	})
	return out
}
