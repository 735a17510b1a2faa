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

// nextHopWords are the words of rem (the chain's words not answered yet)
// that belong to the first hop of hops still open, with its kind when the
// walk knows that kind (a county, a state, a company): a bridge's search
// asks the hop that comes next. A hop is open while none of its relation
// words is answered, or while its known kind is not yet found ("the county
// where X was born": the town of birth is not the county). rel is every
// word of the chain. With one hop open, or when the hops do not cover
// rem's words, every word of rem.
func nextHopWords(hops []Hop, rel, rem []relTerm) []string {
	all := remainingWords(rem)
	left, asked := map[string]bool{}, map[string]bool{}
	for _, rt := range rem {
		left[rt.term] = true
	}
	for _, rt := range rel {
		asked[rt.term] = true
	}
	var open [][]string // per open hop, its terms still left
	for _, h := range hops {
		if h.Side >= 0 {
			return all
		}
		var ts []string
		answered := false
		for _, t := range tokens(h.Relation) {
			switch {
			case left[t]:
				ts = append(ts, t)
			case asked[t]:
				answered = true
			}
		}
		if answered {
			ts = nil // its other words qualify what was found
		}
		if kindOfWord(h.Kind) != "" {
			for _, t := range tokens(h.Kind) {
				if left[t] {
					ts = append(ts, t)
				}
			}
		}
		if len(ts) > 0 {
			open = append(open, ts)
		}
	}
	if len(open) < 2 {
		return all
	}
	want := map[string]bool{}
	for _, t := range open[0] {
		want[t] = true
	}
	var out []string
	for _, rt := range rem {
		if want[rt.term] {
			out = append(out, rt.word)
			delete(want, rt.term)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}
