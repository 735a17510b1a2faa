package research

import (
	"strings"
)

// The coordinator's side of hop resolution: at each decision point the
// chains walk as far as the pages read allow, and each new bridge is
// searched with the relation words still unanswered.

// advanceChains walks every chain again, from its anchor, over all the
// pages read so far and, when search is set, returns the searches for the
// bridges not searched yet (at most the task's hop search budget). A walk
// from scratch lets a page read later take the place of a worse one an
// earlier walk used (the film's page instead of its soundtrack's), and a
// bridge whose search found no page of its name give way to the next name
// of its sentence. The walk depends only on the pages read, in schedule
// order, never on timing.
func (r *run) advanceChains(search bool) []proposal {
	var out []proposal
	for _, c := range r.chains {
		r.walk(c)
		for _, step := range c.steps {
			if step.Bridge == "" || !search || c.searched[step.Bridge] || r.hopSearches >= hopSearchBudget(r.plan, r.p) {
				continue
			}
			c.searched[step.Bridge] = true
			rem := c.rel
			for _, st := range c.steps {
				rem = without(rem, st.Consumed)
				if st.Bridge == step.Bridge {
					break
				}
			}
			words := remainingWords(rem)
			if r.p.HopNextWords && len(step.Consumed) > 0 {
				// A bridge that answered a hop has a next hop; one taken
				// from a sentence that answered none (a page's first
				// name) is a guess, searched with every word left.
				words = hopQueryWords(r.plan.Question, c.anchor, rem)
			}
			q := strings.TrimSpace(step.Bridge + " " + strings.Join(words, " "))
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

// walk resolves c's hops from its anchor as far as the pages read allow.
func (r *run) walk(c *chain) {
	c.subject, c.remaining, c.steps = c.anchor, append([]relTerm(nil), c.rel...), nil
	c.done, c.resolved = false, false
	for !c.done {
		if len(c.steps) >= hopStepBudget(r.plan, r.p) {
			c.done = true
			break
		}
		step, ok := r.resolveNext(c)
		if !ok {
			break // the subject's page is not read yet
		}
		if n := len(c.steps); n > 0 && step.Score == 0 && c.steps[n-1].Score == 0 {
			// Two hops in a row that answer no relation word are a drift
			// from name to name ("actor" → "American" → ...), not a chain:
			// wait for a page that answers the words.
			break
		}
		c.steps = append(c.steps, step)
		c.remaining = without(c.remaining, step.Consumed)
		if step.Bridge == "" {
			// A sentence with no new name answers with a value: resolved
			// only when it holds the kind of value asked for (a year for
			// "when"); a question after a person or a place is not
			// answered by it.
			rd := r.pages[step.Page].reading
			c.done, c.resolved = true, step.Value || valueAnswers(r.weights, rd.Content[step.Start:step.End])
			break
		}
		if !waiting(c.remaining) {
			c.done, c.resolved = true, true
			break
		}
		c.subject = step.Bridge
	}
}

// resolveNext finds the page about c's subject and resolves the next hop on
// it: of the subject's own pages (their titles name it), the one whose
// answering sentence covers the most relation weight; else the read page
// whose sentence about the subject does. Pages an earlier hop of the chain
// was resolved on are not used again; names whose search found no page of
// their own are not bridges while another name of the sentence is.
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
	refuted := r.refutedBridges()
	kinds := r.kinds()
	open := c.remaining
	if r.p.HopOrder {
		open = c.openTerms()
	}
	best, found := hopStep{}, false
	// A page titled exactly with the subject's name (its qualifier too:
	// "Empress Wang (Gaozong)") is its page before one titled with the bare
	// name, and that before one whose words only contain or are contained
	// in the name's.
	for level := 3; level >= 1; level-- {
		for i, p := range r.pages {
			if used[i] || p.status != statusOK || p.reading == nil || titleLevel(p.title, c.subject) != level {
				continue
			}
			// The page's own name is its subject, never the hop's answer;
			// the place after a comma in its title ("Copake Lake, New
			// York") is where the subject is, and may be.
			if st, ok := resolveHop(p.reading.Content, c.subject, true, open, append(avoid, commaHead(bareTitle(p.title))), refuted, boiler, kinds, r.p); ok && (!found || st.Score > best.Score) {
				st.Page, st.OwnPage = i, true
				best, found = st, true
			}
		}
		if found && best.Score > 0 {
			return best, true
		}
	}
	// An own page whose sentences answer none of the words left (a film's
	// plot, when its cast is asked) yields to a page that speaks of the
	// subject in a sentence that does: a list of its characters, a page
	// of the next name that mentions it.
	own := found
	for i, p := range r.pages {
		if used[i] || p.status != statusOK || p.reading == nil || !speaksOf(p.reading.Content, c.subject, r.p) {
			continue
		}
		if own && titleLevel(p.title, c.subject) > 0 {
			continue // weighed above, as its subject's own page
		}
		if st, ok := resolveHop(p.reading.Content, c.subject, false, open, avoid, refuted, boiler, kinds, r.p); ok && (!found || st.Score > best.Score) {
			st.Page = i
			best, found = st, true
		}
	}
	if !found && len(c.steps) == 0 && r.p.HopLooseMention {
		// No page read speaks of the question's own name as the walk
		// reads a mention (the name between spaces), and the chain would
		// not start: a page naming it before a full stop or a comma
		// ("serving under Governor Ada Lind."), or without its style
		// ("Arvo" for "King Arvo of Tessaly"), speaks of it. Only for the anchor: a bridge's name is read from
		// a page, and a fallback step at a bridge whose page is not read
		// yet sends its hop searches elsewhere.
		for i, p := range r.pages {
			if used[i] || p.status != statusOK || p.reading == nil || !looseMention(p.reading.Content, c.subject, r.p) {
				continue
			}
			if st, ok := resolveHopBy(p.reading.Content, c.subject, false, open, avoid, refuted, boiler, kinds, r.p, looseMention); ok && (!found || st.Score > best.Score) {
				st.Page = i
				best, found = st, true
			}
		}
	}
	return best, found
}

// refutedBridges are the bridges whose own search found no page titled
// with their name and whose page no read page is: not a thing with a page
// (a phrase, a soundtrack's subtitle), so not the hop's answer.
func (r *run) refutedBridges() []string {
	var out []string
	for _, name := range r.noPageFor {
		confirmed := false
		for _, p := range r.pages {
			if p.status == statusOK && titleLevel(p.title, name) > 0 {
				confirmed = true
				break
			}
		}
		if !confirmed {
			out = append(out, name)
		}
	}
	return out
}

// everyHopAnswered reports whether every hop of the question has its
// evidence: a chain (every chain, without EarlyStopOneChain) has reached
// its answer, each hop resolved, the last one by a sentence that answers
// the words left (not cut off by the hop limit), and at least
// EarlyStopMinPages reports are in. Questions without chains
// (comparisons) read their budget.
func (r *run) everyHopAnswered() bool {
	if len(r.chains) == 0 || !r.p.EarlyStop {
		return false
	}
	if r.p.EarlyStopNotBoth && asksOfBoth(r.plan.Question) {
		// "Do both directors of A and B ...": a chain's one answer is
		// one of the two the question asks of.
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
	n := 0
	for _, c := range r.chains {
		if c.resolved {
			n++
		}
	}
	if r.p.EarlyStopOneChain {
		return n > 0
	}
	return n == len(r.chains)
}

// hopQuotes are the answering sentences of the resolved hops, each widened
// to its neighbours within HopQuoteChars: the evidence must carry what each
// hop found, not a window one sentence short of it.
func (r *run) hopQuotes(boiler map[string]bool) []scoredQuote {
	var out []scoredQuote
	seen := map[[3]int]bool{}
	for _, c := range r.chains {
		for k, st := range c.steps {
			if !c.resolved && (k >= r.p.HopQuotesUnresolved || !st.OwnPage) {
				// A chain that never reached its answer may have gone astray:
				// only its first hops read on their subjects' own pages are
				// forced in; the rest compete with the other quotes.
				continue
			}
			key := [3]int{st.Page, st.Start, st.End}
			if seen[key] {
				continue
			}
			seen[key] = true
			rd := r.pages[st.Page].reading
			q := hopWindow(rd.Content, st.Start, st.End, r.p.HopQuoteChars)
			if st.End-st.Start > 2*r.p.HopQuoteChars {
				q = aroundName(rd.Content, st.Start, st.End, st.Bridge, r.p.HopQuoteChars)
			}
			if q = trimBoiler(q, boiler); q == "" {
				continue
			}
			// Later hops carry the answer; all outrank page quotes.
			out = append(out, scoredQuote{page: st.Page, quote: q, score: r.p.HopQuoteScore + float64(k), first: true, must: true})
		}
		if q, ok := r.strandedQuote(c, boiler); ok && !seen[[3]int{q.page, -1, -1}] {
			seen[[3]int{q.page, -1, -1}] = true
			out = append(out, q)
		}
		if q, ok := r.strandedLead(c, boiler); ok && !seen[[3]int{q.page, -2, -2}] {
			seen[[3]int{q.page, -2, -2}] = true
			out = append(out, q)
		}
	}
	return out
}

// strandedQuote is, for a chain that stopped at a bridge no page read
// answers the next hop for (its own page not found), the sentence of
// another page read that speaks of the bridge and bears most on the
// question: what the web says of the bridge is the next hop's best lead
// ("Norra Works was created when the Halden Arms Company merged with
// Ostmark Metals" for the company that followed it). The bridge may stand
// before a comma or a full stop ("Cal Berrow, who wrote against the guilds
// in Ruritania"): namedIn, not the walk's containsWords.
func (r *run) strandedQuote(c *chain, boiler map[string]bool) (scoredQuote, bool) {
	n := len(c.steps)
	if c.resolved || n == 0 || c.steps[n-1].Bridge == "" || c.steps[n-1].Score == 0 {
		return scoredQuote{}, false
	}
	bridge := c.steps[n-1].Bridge
	used := map[int]bool{}
	for _, st := range c.steps {
		used[st.Page] = true
	}
	best, bestPage, bestScore, bestSpan := "", -1, 0.0, [2]int{}
	for i, p := range r.pages {
		if used[i] || p.status != statusOK || p.reading == nil {
			continue
		}
		content := p.reading.Content
		for _, sp := range sentenceSpans(content) {
			sent := content[sp[0]:sp[1]]
			if strings.HasPrefix(sent, "#") || boiler[strings.TrimSpace(sent)] || !namesBridge(sent, bridge) {
				continue
			}
			sc := r.weights.coverage(tokens(sent))
			if sc > bestScore {
				best, bestPage, bestScore, bestSpan = sent, i, sc, sp
			}
		}
	}
	if bestPage < 0 || bestScore < r.p.StrandedMinCoverage {
		return scoredQuote{}, false
	}
	q := hopWindow(r.pages[bestPage].reading.Content, bestSpan[0], bestSpan[1], r.p.HopQuoteChars)
	if q = trimBoiler(q, boiler); q == "" {
		q = best
	}
	return scoredQuote{page: bestPage, quote: q, score: r.p.HopQuoteScore - 1, first: true, must: true}, true
}

// aroundName is the part of the sentence content[start:end], a flattened
// table row or a run-on list too long to quote whole (more than twice
// maxChars, as the reader judges one huge sentence), within maxChars around
// the first mention of name, cut on spaces: the hop's bridge and the words
// beside it are what the hop found there. Without name in it, the start.
func aroundName(content string, start, end int, name string, maxChars int) string {
	if end-start <= maxChars {
		return content[start:end]
	}
	at := start
	if i := strings.Index(content[start:end], name); name != "" && i >= 0 {
		at = start + i
	}
	lo := max(start, min(at-(maxChars-len(name))/2, end-maxChars, at))
	if lo > start {
		// Start on a word: after the first space before the name.
		if sp := strings.IndexByte(content[lo:at], ' '); sp >= 0 {
			lo += sp + 1
		}
		lo = min(end, runeCeil(content, lo))
	}
	hi := end
	if lo+maxChars < end {
		hi = wordCut(content, lo, lo+maxChars)
	}
	if hi <= lo {
		return content[start:end]
	}
	return strings.TrimSpace(content[lo:hi])
}

// strandedLead is, for a chain that stopped at a bridge whose own page was
// read yet answered no further hop, that page's first sentence: what the
// bridge is (born when, whose child, of what country) is what the next hop
// asks of it, in words the walk did not match ("the eldest daughter of A
// and his wife B" for a mother).
func (r *run) strandedLead(c *chain, boiler map[string]bool) (scoredQuote, bool) {
	n := len(c.steps)
	if c.resolved || n == 0 || c.steps[n-1].Bridge == "" {
		return scoredQuote{}, false
	}
	bridge := c.steps[n-1].Bridge
	for i, p := range r.pages {
		if p.status != statusOK || p.reading == nil || i == c.steps[n-1].Page || titleLevel(p.title, bridge) == 0 {
			continue
		}
		lead := pageLead(p.reading, boiler, r.p.LeadMaxChars)
		if lead == "" {
			continue // all chrome: another page of the bridge may say what it is
		}
		return scoredQuote{page: i, quote: lead, score: r.p.HopQuoteScore - 1, first: true, must: true}, true
	}
	return scoredQuote{}, false
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

// valueAnswers reports a sentence that holds the value the question asks
// for: a year, a month, a number. Questions after a person, a place or
// an unspecified thing want a name.
func valueAnswers(tw *termWeights, sentence string) bool {
	if tw == nil {
		return true
	}
	switch tw.kind {
	case kindYear, kindMonth, kindNumber:
		return answerCue(tw.kind, sentence)
	}
	return false
}

// takeNameChecks returns the pending searches of bridges' names alone
// (each name once) and clears them.
func (r *run) takeNameChecks() []proposal {
	var out []proposal
	for _, q := range r.nameChecks {
		k := normQuery(q.Query)
		if r.queried[k] {
			r.noPageFor = append(r.noPageFor, q.Entity) // searched before: it found no page then
			continue
		}
		r.queried[k] = true
		r.queriesRun = append(r.queriesRun, q.Query)
		out = append(out, q)
	}
	r.nameChecks = nil
	return out
}

// asksOfBoth reports a question that says "both": it asks of two things
// ("both directors", "both films"), while a chain walks to one answer at
// each hop.
func asksOfBoth(q string) bool {
	for _, w := range wordSpans(q) {
		if strings.EqualFold(q[w[0]:w[1]], "both") {
			return true
		}
	}
	return false
}
