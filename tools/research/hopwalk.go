package research

import "strings"

// The coordinator's side of hop resolution: at each decision point the
// chains walk as far as the pages read allow, and each new bridge is
// searched with the relation words still unanswered.

// advanceChains resolves every chain's hops the pages read so far answer
// and, when search is set, returns the searches for the new bridges (at
// most the task's hop search budget).
func (r *run) advanceChains(search bool) []proposal {
	var out []proposal
	for _, c := range r.chains {
		for !c.done {
			if len(c.steps) >= r.p.MaxHops {
				c.done = true
				break
			}
			step, ok := r.resolveNext(c)
			if !ok {
				break // the subject's page is not read yet
			}
			c.steps = append(c.steps, step)
			c.remaining = without(c.remaining, step.Consumed)
			if step.Bridge == "" || len(c.remaining) == 0 {
				c.done, c.resolved = true, true
				break
			}
			c.subject = step.Bridge
			if !search || c.searched[step.Bridge] || r.hopSearches >= r.p.MaxHopSearches {
				continue
			}
			c.searched[step.Bridge] = true
			q := strings.TrimSpace(step.Bridge + " " + strings.Join(remainingWords(c.remaining), " "))
			k := normQuery(q)
			if r.queried[k] {
				continue
			}
			r.queried[k] = true
			r.hopSearches++
			r.queriesRun = append(r.queriesRun, q)
			out = append(out, proposal{QueryProposal: QueryProposal{Query: q, Entity: step.Bridge, Score: 1}, from: step.Page, strength: 1, hop: true})
		}
	}
	return out
}

// resolveNext finds the page about c's subject and resolves the next hop on
// it: the subject's own page (its title names it) first, else the read
// page whose sentence about the subject covers the most relation weight.
// Pages an earlier hop of the chain was resolved on are not used again.
func (r *run) resolveNext(c *chain) (hopStep, bool) {
	used := map[int]bool{}
	for _, s := range c.steps {
		used[s.Page] = true
	}
	boiler := r.boilerplate()
	avoid := append([]string{c.anchor}, r.plan.Entities...)
	for _, s := range c.steps {
		avoid = append(avoid, s.Bridge)
	}
	best, found := hopStep{}, false
	for i, p := range r.pages {
		if used[i] || p.status != statusOK || p.reading == nil {
			continue
		}
		if nameMatch(p.title, c.subject, r.p.TitleMatch) {
			if st, ok := resolveHop(p.reading.Content, c.subject, true, c.remaining, avoid, boiler, r.p); ok {
				st.Page = i
				return st, true
			}
		}
	}
	for i, p := range r.pages {
		if used[i] || p.status != statusOK || p.reading == nil || !mentions(p.reading.Content, c.subject, false) {
			continue
		}
		if st, ok := resolveHop(p.reading.Content, c.subject, false, c.remaining, avoid, boiler, r.p); ok && (!found || st.Score > best.Score) {
			st.Page = i
			best, found = st, true
		}
	}
	return best, found
}

// everyHopAnswered reports whether every chain has reached its answer:
// each hop resolved, the last one by a sentence that answers the words
// left (not cut off by the hop limit), and at least EarlyStopMinPages
// reports in. Questions without chains (comparisons) read their budget.
func (r *run) everyHopAnswered() bool {
	if len(r.chains) == 0 || !r.p.EarlyStop {
		return false
	}
	read := 0
	for _, p := range r.pages {
		if p.status != statusPending {
			read++
		}
	}
	if read < r.p.EarlyStopMinPages {
		return false
	}
	for _, c := range r.chains {
		if !c.resolved {
			return false
		}
	}
	return true
}

// hopQuotes are the answering sentences of the resolved hops, each widened
// to its neighbours within HopQuoteChars: the evidence must carry what each
// hop found, not a window one sentence short of it.
func (r *run) hopQuotes(boiler map[string]bool) []scoredQuote {
	var out []scoredQuote
	seen := map[[3]int]bool{}
	for _, c := range r.chains {
		for k, st := range c.steps {
			key := [3]int{st.Page, st.Start, st.End}
			if seen[key] {
				continue
			}
			seen[key] = true
			rd := r.pages[st.Page].reading
			q := hopWindow(rd.Content, st.Start, st.End, r.p.HopQuoteChars)
			if q = trimBoiler(q, boiler); q == "" {
				continue
			}
			// Later hops carry the answer; all outrank page quotes.
			out = append(out, scoredQuote{page: st.Page, quote: q, score: r.p.HopQuoteScore + float64(k), first: true, must: true})
		}
	}
	return out
}

// hopWindow is the sentence content[start:end] grown by whole neighbouring
// sentences (the one before first: it introduces the subject) while the
// whole stays within maxChars.
func hopWindow(content string, start, end, maxChars int) string {
	var sents [][2]int
	at := -1
	for _, sp := range sentenceSpans(content) {
		if sp[0] == start && sp[1] == end {
			at = len(sents)
		}
		sents = append(sents, sp)
	}
	if at < 0 {
		return content[start:end]
	}
	lo, hi := at, at
	for {
		grew := false
		if lo > 0 && sents[hi][1]-sents[lo-1][0] <= maxChars && !strings.HasPrefix(content[sents[lo-1][0]:], "#") {
			lo--
			grew = true
		}
		if hi+1 < len(sents) && sents[hi+1][1]-sents[lo][0] <= maxChars && !strings.HasPrefix(content[sents[hi+1][0]:], "#") {
			hi++
			grew = true
		}
		if !grew {
			break
		}
	}
	return content[sents[lo][0]:sents[hi][1]]
}
