package research

import "strings"

// Room in the evidence budget for a quote added after selection (an
// answer sentence, answersent.go): quotes that score below it give way,
// the lowest first, dropped or cut to their best sentences.

// makeRoom frees t tokens for a quote of page scoring score: it drops,
// lowest score first, quotes of other pages scoring below score, then cuts
// such quotes to their best sentences; ok is false, and chosen unchanged,
// when that does not free enough. A hop's forced quote is never touched,
// and a page's last quote is cut, never dropped: the page would no longer
// be cited, and a low page may be the other half of the answer.
func makeRoom(chosen []scoredQuote, t int, score float64, page, maxTokens int, tw *termWeights) ([]scoredQuote, bool) {
	used, order := budgetOrder(chosen)
	need := used + t - maxTokens
	if need <= 0 {
		return chosen, true
	}
	out := append([]scoredQuote(nil), chosen...)
	left := map[int]int{}
	for _, c := range out {
		left[c.page]++
	}
	yields := func(c scoredQuote) bool { return !c.must && c.page != page && c.score < score }
	drop := map[int]bool{}
	for k := len(order) - 1; k >= 0 && need > 0; k-- {
		c := out[order[k]]
		if !yields(c) || left[c.page] < 2 {
			continue
		}
		drop[order[k]] = true
		left[c.page]--
		need -= estimateTokens(c.quote)
	}
	for k := len(order) - 1; k >= 0 && need > 0; k-- {
		i := order[k]
		c := out[i]
		if drop[i] || !yields(c) {
			continue
		}
		cut, ok := sentenceCut(c.quote, max(len(c.quote)-bytesPerToken*need, 1), tw)
		if saved := estimateTokens(c.quote) - estimateTokens(cut); ok && saved > 0 {
			out[i].quote, out[i].full, out[i].sh = cut, "", nil
			need -= saved
		}
	}
	if need > 0 {
		return chosen, false
	}
	kept := out[:0]
	for i, c := range out {
		if !drop[i] {
			kept = append(kept, c)
		}
	}
	return kept, true
}

// sentenceCut is q cut to its best run of whole sentences within limit
// (trimQuote's choice); ok is false when q is one sentence or the cut
// would end inside one: half a sentence may lose the very name it gave.
func sentenceCut(q string, limit int, tw *termWeights) (string, bool) {
	spans := sentenceSpans(q)
	if len(spans) < 2 {
		return q, false
	}
	cut := trimQuote(q, limit, tw, false)
	at := strings.Index(q, cut)
	if cut == "" || at < 0 {
		return q, false
	}
	for _, sp := range spans {
		if sp[0] >= at && sp[1] == at+len(cut) {
			return cut, true
		}
	}
	return q, false
}
