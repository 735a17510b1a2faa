package research

// What the decomposition tells the walk: how many searches its bridges may
// take, and which words a bridge's search carries.

// chainLength is the number of hops a question chains (0 for comparisons:
// each side is researched on its own, with no chain).
func chainLength(p *Plan) int {
	if p == nil || p.Comparison {
		return 0
	}
	return len(p.Hops)
}

// hopSearchBudget is the hop searches a task's chains may run: more for a
// longer chain, never fewer than MaxHopSearches.
func hopSearchBudget(p *Plan, params *Params) int {
	return params.MaxHopSearches + params.HopSearchesPerHop*max(0, chainLength(p)-2)
}

// firstWaveFor is the first wave of pages read on the planned searches
// alone: FirstWave, or LongChainFirstWave (when set) for a chain of three
// hops or more, whose pages come from its hop searches, not from the
// question's own search.
func firstWaveFor(p *Plan, params *Params) int {
	if params.LongChainFirstWave > 0 && chainLength(p) >= 3 {
		return params.LongChainFirstWave
	}
	return params.FirstWave
}

// hopStepBudget is the longest walk of a chain: MaxHops, or one step more
// than the decomposition's hops when that is longer (a hop asking for a
// county may take a step through the town first).
func hopStepBudget(p *Plan, params *Params) int {
	return max(params.MaxHops, chainLength(p)+1)
}

// nextHopWords are the words a search for the bridge of the chain's last
// step (of steps) carries: the hop that comes after the one the step
// answered. A step answered the first hop not before the previous step's
// whose words (or kind) it used up, or the hop after the previous step's
// when it used up none. If that hop asks for a kind the walk knows and the
// kind is still unanswered ("the county where X was born": the town of
// birth is not the county), the search asks for it again; otherwise it
// carries the next hop's words left. With only the last hop ahead, or when
// the hops do not cover the words left (rem), every word of rem.
func nextHopWords(hops []Hop, steps []hopStep, rem []relTerm) []string {
	all := remainingWords(rem)
	if len(steps) == 0 {
		return all
	}
	for _, h := range hops {
		if h.Side >= 0 {
			return all // a comparison: the hops are per side
		}
	}
	left := map[string]bool{}
	for _, rt := range rem {
		left[rt.term] = true
	}
	hopTerms := make([]map[string]bool, len(hops))
	for i, h := range hops {
		hopTerms[i] = map[string]bool{}
		for _, t := range tokens(h.Relation + " " + h.Kind) {
			hopTerms[i][t] = true
		}
	}
	at := -1
	for _, st := range steps {
		next := at + 1
		for j := max(at, 0); j < len(hops); j++ {
			if hasAny(hopTerms[j], st.Consumed) {
				next = j
				break
			}
		}
		at = next
	}
	if at >= len(hops) {
		return all
	}
	pick := func(words string) []string {
		var out []string
		seen := map[string]bool{}
		for _, t := range tokens(words) {
			seen[t] = true
		}
		for _, rt := range rem {
			if seen[rt.term] {
				out = append(out, rt.word)
				delete(seen, rt.term)
			}
		}
		return out
	}
	if k := hops[at].Kind; kindOfWord(k) != "" && hasAny(left, tokens(k)) {
		if out := pick(k); len(out) > 0 {
			return out
		}
	}
	if at+2 >= len(hops) {
		return all // the next hop is the last: every word left is its
	}
	h := hops[at+1]
	words := h.Relation
	if kindOfWord(h.Kind) != "" {
		words += " " + h.Kind
	}
	if out := pick(words); len(out) > 0 {
		return out
	}
	return all
}

// hasAny reports whether set holds one of ts.
func hasAny(set map[string]bool, ts []string) bool {
	for _, t := range ts {
		if set[t] {
			return true
		}
	}
	return false
}
