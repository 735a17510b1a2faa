package research

import (
	"sort"
	"strings"
	"time"
)

// Weights of the page score: the page's own relevance, how well its title
// names an entity of the question, and how high the searches ranked it. A
// page reached through a link also scores as the bridge of a multi-hop
// question: a share of its parent's score, scaled by how its link compares
// with the parent's best link (the entity in the sentence that matches the
// question).
const (
	wTitle           = 0.5
	wTitleComparison = 1.0
	wSearch          = 0.25
	wBridge          = 0.8
	// wResidual weighs coverage of the question terms the best page lacks.
	wResidual = 0.6
	// pageCut drops pages scoring below this share of the best page.
	pageCut = 0.15
)

func (r *run) ownScore(p *pageRec) float64 {
	rd := p.reading
	if rd == nil {
		return 0
	}
	wt := wTitle
	if r.plan.Comparison {
		// Each side's own page is what a comparison needs most.
		wt = wTitleComparison
	}
	return rd.Relevance + wt*rd.TitleMatch + wSearch*p.search
}

func (r *run) pageScore(p *pageRec) float64 {
	own := r.ownScore(p)
	if p.reading == nil {
		return 0
	}
	bridge := 0.0
	for _, pl := range p.parents {
		parent := r.pages[pl.from]
		if parent.reading == nil {
			continue
		}
		bridge = max(bridge, wBridge*r.ownScore(parent)*pl.strength)
	}
	return max(own, bridge) + 0.1*min(own, bridge)
}

// assemble turns what was read into the result.
func (r *run) assemble() *Result {
	res := &Result{
		Question: r.req.Question,
		Queries:  append([]string(nil), r.queriesRun...),
		Evidence: []Evidence{},
		Sources:  []Source{},
		Complete: !r.cutShort,
	}
	scores := make([]float64, len(r.pages))
	best := -1
	for i, p := range r.pages {
		if p.status == "ok" {
			scores[i] = r.pageScore(p)
			if best < 0 || scores[i] > scores[best] {
				best = i
			}
		}
	}
	// Complementary coverage: what the best page leaves unsaid is what the
	// other half of a two-hop or comparison question is about, so pages
	// covering those terms rise.
	if best >= 0 {
		rest := r.weights.residual(r.pages[best].reading.Content)
		for i, p := range r.pages {
			if i != best && p.status == "ok" && p.reading != nil {
				scores[i] += wResidual * rest.coverage(tokens(p.reading.Content))
			}
		}
	}
	top := 0.0
	for _, sc := range scores {
		top = max(top, sc)
	}
	// Pages in order of score: the best few quote at length, the rest are
	// cut to their best sentences so that more pages fit the budget.
	order := make([]int, 0, len(r.pages))
	for i := range r.pages {
		order = append(order, i)
	}
	sort.SliceStable(order, func(a, b int) bool { return scores[order[a]] > scores[order[b]] })
	rankOf := make([]int, len(r.pages))
	for k, i := range order {
		rankOf[i] = k
	}
	boiler := r.boilerplate()
	var cands []scoredQuote
	for i, p := range r.pages {
		rd := p.reading
		if p.status != "ok" || rd == nil || scores[i] < pageCut*top || scores[i] == 0 {
			continue
		}
		limit := quoteLimit(rankOf[i])
		for j, f := range rd.Findings {
			q, ok := verifyQuote(rd.Content, f.Quote)
			if !ok {
				continue
			}
			if q = trimBoiler(q, boiler); q == "" {
				continue
			}
			full := q
			if len(q) > limit {
				q = trimQuote(q, limit, r.weights, f.Lead)
			}
			rel := 1.0
			if rd.Relevance > 0 {
				rel = f.Score / rd.Relevance
			}
			cands = append(cands, scoredQuote{page: i, quote: q, full: full, score: scores[i] * rel, first: j == 0})
		}
	}
	chosen := selectEvidence(cands, r.req.MaxEvidenceTokens)
	chosen = r.addLeads(chosen, r.req.MaxEvidenceTokens, boiler)
	widen(chosen, r.req.MaxEvidenceTokens)
	for _, c := range chosen {
		p := r.pages[c.page]
		res.Evidence = append(res.Evidence, Evidence{
			Source: c.page + 1, URL: pageURL(p), Title: p.title, Quote: c.quote, Score: round3(c.score),
		})
	}
	for i, p := range r.pages {
		s := Source{N: i + 1, URL: pageURL(p), Title: p.title, Status: p.status, Reason: p.reason, Rendered: p.rendered}
		switch p.status {
		case "ok":
			res.Stats.PagesRead++
			if p.cached {
				res.Stats.CacheHits++
			}
		case "failed":
			res.Stats.PagesFailed++
		case "":
			s.Status, s.Reason = "skipped", "the time budget ran out before the page was read"
		}
		res.Sources = append(res.Sources, s)
	}
	// The best pages left unread, so the caller can browse them itself.
	reason := "not read: the page budget (max_pages) was reached"
	if r.cutShort {
		reason = "not read: the time budget ran out"
	}
	for i, it := range r.sortedFrontier() {
		if i >= 5 || it.priority < minPriority {
			break
		}
		res.Sources = append(res.Sources, Source{N: len(res.Sources) + 1, URL: it.url, Title: it.title, Status: "skipped", Reason: reason})
	}
	res.Stats.Searches = r.searches
	res.Stats.ElapsedMS = time.Since(r.start).Milliseconds()
	return res
}

func pageURL(p *pageRec) string {
	if p.finalURL != "" {
		return p.finalURL
	}
	return p.url
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

// quoteLimit is the most characters one quote of the page ranked rank
// (0-based) may have.
func quoteLimit(rank int) int {
	switch {
	case rank < 2:
		return quoteMaxChars
	case rank < 4:
		return 500
	case rank < 8:
		return 360
	default:
		return 220
	}
}

// trimQuote cuts a verbatim quote to its best run of whole sentences within
// limit characters (a word-boundary cut when one sentence is longer).
func trimQuote(q string, limit int, tw *termWeights, lead bool) string {
	spans := sentenceSpans(q)
	if len(spans) == 0 {
		return q
	}
	seg := segment{start: 0, end: len(q), sents: spans, sentScore: make([]float64, len(spans))}
	for i, sp := range spans {
		if tw != nil {
			ts := tokens(q[sp[0]:sp[1]])
			sc := tw.coverage(ts) + 0.5*tw.entityHits(q[sp[0]:sp[1]])
			seg.sentScore[i] = sc + tw.answerBonus(q[sp[0]:sp[1]], sc)
		}
	}
	if lead {
		// A page's first sentence says what the page is: keep it if it can.
		best := 0.0
		for _, sc := range seg.sentScore {
			best = max(best, sc)
		}
		seg.sentScore[0] += 0.5*best + 0.01
	}
	f, ok := windowWithin(q, seg, limit)
	if !ok {
		return q[:wordCut(q, 0, limit)]
	}
	return f.Quote
}

// addLeads adds, budget permitting, the first sentence of cited pages whose
// quotes lack it, best pages first: it says what the page is about (the
// place, the person, the dates), which a passage deep in the page assumes.
func (r *run) addLeads(chosen []scoredQuote, maxTokens int, boiler map[string]bool) []scoredQuote {
	used := 0
	for _, c := range chosen {
		used += estimateTokens(c.quote)
	}
	type pageBest struct {
		page  int
		score float64
	}
	var pages []pageBest
	seen := map[int]bool{}
	for _, c := range chosen {
		if !seen[c.page] {
			seen[c.page] = true
			pages = append(pages, pageBest{c.page, c.score})
		}
	}
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].score > pages[j].score })
	for _, pb := range pages {
		rd := r.pages[pb.page].reading
		if rd == nil {
			continue
		}
		lead := pageLead(rd, boiler)
		if lead == "" {
			continue
		}
		have := false
		for _, c := range chosen {
			if c.page == pb.page && (strings.Contains(c.quote, lead) || strings.Contains(c.full, lead) && c.full == c.quote) {
				have = true
				break
			}
		}
		t := estimateTokens(lead)
		if have || used+t > maxTokens {
			continue
		}
		if q, ok := verifyQuote(rd.Content, lead); ok {
			chosen = append(chosen, scoredQuote{page: pb.page, quote: q, score: pb.score * 0.9, sh: shingles(q)})
			used += t
		}
	}
	return chosen
}

// pageLead is the page's opening sentence, the one that says what the page
// is. When the reader's lead is site chrome (a byline), it is the first
// sentence after the chrome.
func pageLead(rd *Reading, boiler map[string]bool) string {
	if rd.Lead.Quote != "" && trimBoiler(rd.Lead.Quote, boiler) != "" {
		return rd.Lead.Quote
	}
	if len(boiler) == 0 {
		return ""
	}
	for _, para := range strings.Split(rd.Content, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" || boiler[para] || strings.HasPrefix(para, "#") {
			continue
		}
		spans := sentenceSpans(para)
		if len(spans) == 0 {
			return ""
		}
		s := strings.TrimSpace(para[spans[0][0]:spans[0][1]])
		if len(s) > leadMaxChars {
			return ""
		}
		return s
	}
	return ""
}
