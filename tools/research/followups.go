package research

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// proposal is a follow-up search some page proposed.
type proposal struct {
	QueryProposal
	from     int
	strength float64 // relative to the page's best proposal
	hop      bool    // a bridge of a hop chain with the words left to answer
	page     int     // the results page asked (0 and 1: the first)
}

// searchDone is a follow-up search's answer.
type searchDone struct {
	prop  proposal
	depth int
	resp  *search.Response
	err   error
}

// addProposals records the searches a read page proposes.
func (r *run) addProposals(idx int) {
	rd := r.pages[idx].reading
	if rd == nil || r.pages[idx].depth >= r.maxDepth {
		return
	}
	for _, q := range rd.Queries {
		st := 1.0
		if best := rd.Queries[0].Score; best > 0 {
			st = q.Score / best
		}
		r.proposals = append(r.proposals, proposal{QueryProposal: q, from: idx, strength: st})
	}
}

// followUpQueries decides, at the end of a round, which proposed searches
// to run: each proposal is weighed by its page's score (twice over when the
// page is the page of a name in the question: the first hop of a bridge),
// and the best run within the round's and the task's follow-up budgets.
// Proposals not run wait for the next round.
func (r *run) followUpQueries() []proposal {
	weight := func(p proposal) float64 {
		pg := r.pages[p.from]
		w := p.Score * r.ownScore(pg)
		if pg.reading != nil {
			w *= 1 + pg.reading.TitleMatch
		}
		return w
	}
	sort.SliceStable(r.proposals, func(i, j int) bool { return weight(r.proposals[i]) > weight(r.proposals[j]) })
	// Each page's best proposal before any page's second: the sides of a
	// comparison and the branches of a chain each get their next hop.
	nth := make([]int, len(r.proposals))
	seen := map[int]int{}
	for i, p := range r.proposals {
		nth[i] = seen[p.from]
		seen[p.from]++
	}
	order := make([]int, len(r.proposals))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return nth[order[a]] < nth[order[b]] })
	sorted := make([]proposal, len(order))
	for k, i := range order {
		sorted[k] = r.proposals[i]
	}
	r.proposals = sorted
	var out []proposal
	rest := r.proposals[:0]
	for _, p := range r.proposals {
		k := normQuery(p.Query)
		if k == "" || r.queried[k] || r.boilerplateName(p.Entity) {
			continue
		}
		if r.followUps >= r.p.MaxFollowUps || len(out) >= r.p.FollowUpsPerRound {
			rest = append(rest, p)
			continue
		}
		r.queried[k] = true
		r.followUps++
		r.queriesRun = append(r.queriesRun, p.Query)
		out = append(out, p)
	}
	r.proposals = rest
	return out
}

// boilerplateName reports a name found on most pages read (a site name in
// a byline, a menu label) or a single word found on many: it is the site's
// or the language's, not the evidence's.
func (r *run) boilerplateName(name string) bool {
	if name == "" {
		return false
	}
	share := r.p.BoilerNameShare
	if !strings.Contains(strings.TrimSpace(name), " ") {
		// One word on a quarter of the pages is a common word
		// ("American", "British"), not the name of what is missing.
		share = r.p.BoilerWordShare
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
	return with >= r.p.BoilerNameMin && float64(with) >= share*float64(read)
}

func (r *run) searchOne(ctx context.Context, p proposal, depth int) searchDone {
	req := r.searchRequest(p.Query)
	req.Page = p.page
	resp, err := r.e.searcher.Search(ctx, req)
	return searchDone{prop: p, depth: depth, resp: resp, err: err}
}

// searchFinished queues a follow-up search's best results; one that is the
// page of the name searched for is what the proposing page pointed to, as a
// link would.
func (r *run) searchFinished(ev searchDone) {
	r.searches++
	if ev.err != nil || ev.resp == nil {
		return
	}
	from := ev.prop.from
	rel := 1.0
	if from >= 0 && r.pages[from].reading != nil && r.bestOwn > 0 {
		rel = min(1, r.ownScore(r.pages[from])/r.bestOwn)
	}
	w := r.p.FollowUpWeight
	if ev.prop.hop {
		// A resolved bridge is the next hop itself, not a guess: its
		// results are read before the planned searches' long tail.
		w, rel = r.p.HopPriority, 1
	}
	rank, about := r.hopRanks(ev)
	off := r.pageOffset(ev.prop)
	// A hop search's queued results hold its bridge's page: read once, for
	// the name check and for reading deeper.
	ownPage := ev.prop.hop && r.namesAResult(ev.resp.Results, ev.prop.Entity, about, off)
	if ev.prop.hop && !ownPage {
		later := r.askNextPage(ev, about)
		switch {
		case off > 0 && ev.prop.Query != ev.prop.Entity:
			// A later page of a hop search: its first page sent the name check.
		case ev.prop.Query != ev.prop.Entity:
			// The words of the hops left may have outranked the bridge's
			// own page: its name alone confirms or refutes it.
			r.nameChecks = append(r.nameChecks, proposal{QueryProposal: QueryProposal{Query: ev.prop.Entity, Entity: ev.prop.Entity, Score: 1}, from: ev.prop.from, strength: 1, hop: true})
		case !later:
			// The name alone found no page of it, on every page asked.
			r.noPageFor = append(r.noPageFor, ev.prop.Entity)
		}
	}
	// The page of the name searched for, at a top rank (or, for a hop, at
	// any rank), is what the proposing page pointed to.
	anyRank := ev.prop.hop && r.p.HopSnippetRerank
	var hr *hopRead
	if ev.prop.hop {
		// A hop search's results take their priority from the state of
		// its bridge at each decision (rankHopReads), not once here.
		hr = &hopRead{bridge: ev.prop.Entity}
		r.hopReads = append(r.hopReads, hr)
	}
	// Only a search whose results confirm the bridge (its own page or a
	// page about it) is read deeper: the tail of one that found nothing
	// about it shares a word of the name or of the hop, not the subject.
	confirmed := hr != nil && confirmsBridge(ownPage, about)
	for i, res := range ev.resp.Results {
		queued := r.queues(off+i, about[i])
		deep := confirmed && r.offersDeep(off+rank[i])
		if !(queued || deep) || !domainAllowed(res.URL, r.req.IncludeDomains, r.req.ExcludeDomains) {
			continue
		}
		k := frontierKey(res.URL)
		// A later page's results are queued only when about the bridge;
		// its first page had none new, so they rank first, as re-ranking
		// both pages together would rank them.
		prio := w * rel / (1 + r.p.FollowUpRankDecay*float64(rank[i]))
		named := (off+i < r.p.NamedResultRank || anyRank) && ev.prop.Entity != "" && namesPageOf(res.Title, ev.prop.Entity, r.p)
		if named {
			prio = max(prio, w*rel)
		}
		if !queued {
			prio = 0 // past the cut: read only while the hop is open
		}
		if idx, ok := r.byKey[k]; ok {
			// Read already, for another search: this one offers it too.
			r.pages[idx].offeredBy(ev.prop.Query)
			if named && r.pages[idx].status == statusOK {
				r.pages[idx].parents = append(r.pages[idx].parents, parentLink{from, ev.prop.strength})
			}
			continue
		}
		it := r.frontier[k]
		if it == nil {
			it = &item{url: res.URL, key: k, title: res.Title, depth: ev.depth, via: ev.prop.Query}
			r.frontier[k] = it
		}
		it.offeredBy(ev.prop.Query)
		if hr != nil {
			hr.results = append(hr.results, hopResult{key: k, rank: off + rank[i], prio: prio, deep: deep})
		} else {
			it.priority = max(it.priority, prio)
		}
		if named {
			r.pendingParent(k, from, ev.prop.strength)
		}
	}
	r.report(fmt.Sprintf("searched %q", ev.prop.Query))
}

// hopRanks re-ranks a hop search's results. First the pages titled with
// the bridge's name (its own page, at whatever rank: the hop's words may
// have outranked it), then the results whose title or snippet names the
// bridge, when its name has several words (they speak of it), each in the
// engine's order, then the rest (sharing no more than a common word of its
// name: "Cal" of "Cal Berrow"). about marks the first two kinds, queued whatever their rank.
// Other searches keep the engine's ranks.
func (r *run) hopRanks(ev searchDone) (rank []int, about []bool) {
	n := len(ev.resp.Results)
	rank, about = make([]int, n), make([]bool, n)
	if !ev.prop.hop || !r.p.HopSnippetRerank || ev.prop.Entity == "" {
		for i := range rank {
			rank[i] = i
		}
		return rank, about
	}
	tier := make([]int, n)
	// A name of one word ("Allied", "Jason") is named in many snippets
	// that are not about it; a name of several words is specific.
	multiWord := len(strings.Fields(ev.prop.Entity)) > 1
	for i, res := range ev.resp.Results {
		switch {
		case nameMatch(res.Title, ev.prop.Entity, r.p.TitleMatch):
			tier[i] = 0
		case multiWord && namedIn(res.Title+" . "+res.Snippet, ev.prop.Entity):
			tier[i] = 1
		default:
			tier[i] = 2
		}
		about[i] = tier[i] < 2
	}
	next := 0
	for t := range 3 {
		for i := range rank {
			if tier[i] == t {
				rank[i] = next
				next++
			}
		}
	}
	return rank, about
}

// queues reports whether a search's result at overall rank i (0-based,
// over every results page asked) is queued: the first FollowUpResults,
// and those hopRanks found about the bridge.
func (r *run) queues(i int, about bool) bool { return i < r.p.FollowUpResults || about }

// namesAResult reports whether one of a search's queued results (the
// first ones, and those about the bridge) is the page of name: its title
// names it. off is the overall rank of the results' first.
func (r *run) namesAResult(results []search.Result, name string, about []bool, off int) bool {
	for i, res := range results {
		if !r.queues(off+i, about[i]) {
			continue
		}
		if titleLevel(res.Title, name) > 0 {
			return true
		}
	}
	return false
}
