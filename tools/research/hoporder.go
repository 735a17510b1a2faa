package research

// The order of a chain's hops. The question's decomposition lists its hops
// innermost first ("the husband of the actress who portrays Corla": who
// plays Corla, then her husband); a page about the inner subject often
// speaks of the outer relation too (whom Corla married), and a walk that
// weighs every word left alike answers it first and lands on the wrong
// person. So the walk's k-th step answers the decomposition's k-th hop,
// counting only steps that answer one: a step to a smaller place than the
// hop asks for (the town, for a county) leaves the hop open.

// hopTermSets are the terms of each hop, in the hops' order: its relation
// and the kind of thing its answer is.
func hopTermSets(hops []Hop) []map[string]bool {
	out := make([]map[string]bool, len(hops))
	for k, h := range hops {
		out[k] = map[string]bool{}
		for _, t := range tokens(h.Relation + " " + h.Kind) {
			out[k][t] = true
		}
	}
	return out
}

// openTerms are the words left, as the chain's next step may use them. The
// words of hops further out wait: they are marked later, and only break
// ties between sentences that answer this hop alike. The words of the hops
// before, left unanswered, are no longer asked (the actress found,
// "actress" does not pick her first sentence over the one naming her
// spouse). Words of this hop or of no hop are open; past the
// decomposition's last hop, every word left is.
func (c *chain) openTerms() []relTerm {
	k := hopsAnswered(c.steps)
	if c.hopTerms == nil || k >= len(c.hopTerms) {
		return c.remaining
	}
	before, after := map[string]bool{}, map[string]bool{}
	for j, ts := range c.hopTerms {
		for t := range ts {
			switch {
			case c.hopTerms[k][t]:
			case j < k:
				before[t] = true
			case j > k:
				after[t] = true
			}
		}
	}
	var out []relTerm
	for _, rt := range c.remaining {
		switch {
		case after[rt.term]:
			rt.later = true
			out = append(out, rt)
		case !before[rt.term]:
			out = append(out, rt)
		}
	}
	return out
}

// hopsAnswered is how many of the decomposition's hops a walk's steps
// answered: the index of the hop the walk waits on after them.
func hopsAnswered(steps []hopStep) int {
	k := 0
	for _, st := range steps {
		if !st.Toward {
			k++ // a step to a smaller place than asked answers no hop yet
		}
	}
	return k
}

// splitLater parts the words a hop answers from the later hops' words.
func splitLater(rem []relTerm) (now, later []relTerm) {
	for _, rt := range rem {
		if rt.later {
			later = append(later, rt)
		} else {
			now = append(now, rt)
		}
	}
	return now, later
}

// nowAll is rem with no word waiting for a later hop.
func nowAll(rem []relTerm) []relTerm {
	out := make([]relTerm, len(rem))
	for i, rt := range rem {
		rt.later = false
		out[i] = rt
	}
	return out
}
