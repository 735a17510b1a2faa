package research

import (
	"sort"
	"strings"
	"time"
)

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
		if p.status == statusOK {
			scores[i] = r.pageScore(p)
			if best < 0 || scores[i] > scores[best] {
				best = i
			}
		}
	}
	credited := r.creditBridgePages(scores)
	// Complementary coverage: what the best page leaves unsaid is what the
	// other half of a two-hop or comparison question is about, so pages
	// covering those terms rise.
	if best >= 0 {
		rest := r.weights.residual(r.pages[best].reading.Content)
		for i, p := range r.pages {
			if i != best && p.status == statusOK && p.reading != nil {
				scores[i] += r.p.ResidualWeight * rest.coverage(tokens(p.reading.Content))
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
	var cands, fill []scoredQuote
	for i, p := range r.pages {
		rd := p.reading
		if p.status != statusOK || rd == nil || scores[i] < r.p.PageFloor*top || scores[i] == 0 {
			continue
		}
		low := scores[i] < r.p.PageCut*top
		limit := r.p.quoteLimit(rankOf[i])
		bridgeFirst := false
		if bc, ok := credited[i]; ok && r.p.BridgePageQuoteChars > 0 {
			// A page credited for a chain's bridge is cited first with its
			// sentence about the bridge; its reader's passages follow.
			if q := bridgeSentence(rd.Content, bc, boiler, r.p.BridgePageQuoteChars); q != "" {
				c := scoredQuote{page: i, quote: q, full: q, score: scores[i], first: true}
				if low {
					fill = append(fill, c)
				} else {
					cands = append(cands, c)
				}
				bridgeFirst = true
			}
		}
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
			c := scoredQuote{page: i, quote: q, full: full, score: scores[i] * rel, first: j == 0 && !bridgeFirst}
			if low {
				if j == 0 && !bridgeFirst {
					fill = append(fill, c)
				}
				continue
			}
			cands = append(cands, c)
		}
	}
	cands = append(r.hopQuotes(boiler), cands...)
	chosen := selectEvidence(cands, r.req.MaxEvidenceTokens, r.p)
	chosen = r.addFullNames(chosen, r.req.MaxEvidenceTokens, boiler)
	chosen = r.addLeads(chosen, r.req.MaxEvidenceTokens, boiler)
	widen(chosen, r.req.MaxEvidenceTokens)
	chosen = dropHeldQuotes(chosen)
	chosen = r.addAnswerSentences(chosen, scores, rankOf, r.req.MaxEvidenceTokens, boiler)
	chosen = fillEvidence(chosen, fill, r.req.MaxEvidenceTokens, r.p)
	for _, c := range chosen {
		p := r.pages[c.page]
		res.Evidence = append(res.Evidence, Evidence{
			Source: c.page + 1, URL: pageURL(p), Title: p.title, Quote: c.quote, Score: round3(c.score),
		})
	}
	for i, p := range r.pages {
		s := Source{N: i + 1, URL: pageURL(p), Title: p.title, Status: string(p.status), Reason: p.reason, Rendered: p.rendered}
		switch p.status {
		case statusOK:
			res.Stats.PagesRead++
			if p.cached {
				res.Stats.CacheHits++
			}
		case statusFailed:
			res.Stats.PagesFailed++
		case statusPending:
			s.Status, s.Reason = string(statusSkipped), "the time budget ran out before the page was read"
		}
		res.Sources = append(res.Sources, s)
	}
	// The best pages left unread, so the caller can browse them itself.
	reason := "not read: the page budget (max_pages) was reached"
	if r.cutShort {
		reason = "not read: the time budget ran out"
	} else if r.stoppedEarly {
		reason = "not read: research stopped early, every hop of the question had evidence"
	}
	for i, it := range r.sortedFrontier() {
		if i >= 5 || it.rank() < r.p.MinPriority {
			break
		}
		res.Sources = append(res.Sources, Source{N: len(res.Sources) + 1, URL: it.url, Title: it.title, Status: string(statusSkipped), Reason: reason})
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
func (p *Params) quoteLimit(rank int) int {
	limit := p.QuoteMaxChars
	for _, t := range p.QuoteTiers {
		if rank >= t.Rank {
			limit = t.Chars
		}
	}
	return limit
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
			sc := tw.coverage(ts) + tw.p.SentEntities*tw.entityHits(q[sp[0]:sp[1]])
			seg.sentScore[i] = sc + tw.answerBonus(q[sp[0]:sp[1]], sc)
		}
	}
	if lead {
		// A page's first sentence says what the page is: keep it if it can.
		best := 0.0
		for _, sc := range seg.sentScore {
			best = max(best, sc)
		}
		seg.sentScore[0] += leadShare(tw)*best + 0.01
	}
	growLeft := defaultParams.WindowGrowLeft
	if tw != nil {
		growLeft = tw.p.WindowGrowLeft
	}
	f, ok := windowWithin(q, seg, limit, growLeft)
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
		lead := pageLead(rd, boiler, r.p.LeadMaxChars)
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
			chosen = append(chosen, scoredQuote{page: pb.page, quote: q, score: pb.score * r.p.LeadScore, sh: shingles(q)})
			used += t
		}
	}
	return chosen
}

// pageLead is the page's opening sentence, the one that says what the page
// is. When the reader's lead is site chrome (a byline), it is the first
// sentence after the chrome.
func pageLead(rd *Reading, boiler map[string]bool, leadMaxChars int) string {
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

// leadShare is the share of the best sentence added to a lead sentence so
// a trimmed quote keeps it.
func leadShare(tw *termWeights) float64 {
	if tw == nil {
		return defaultParams.LeadSentence
	}
	return tw.p.LeadSentence
}
