package research

import (
	"sort"
	"strings"
	"unicode"
)

// verifyQuote returns the verbatim span of content that quote stands for:
// quote itself when content contains it, else the span that matches it up to
// white space (a reader may have reflowed lines). ok is false when the quote
// is not on the page: it is then dropped, never passed off as the page's words.
func verifyQuote(content, quote string) (string, bool) {
	q := strings.TrimSpace(quote)
	if q == "" {
		return "", false
	}
	if strings.Contains(content, q) {
		return q, true
	}
	// Match word by word, allowing any run of white space between words.
	fields := strings.Fields(q)
	if len(fields) == 0 {
		return "", false
	}
	from := 0
	for {
		i := strings.Index(content[from:], fields[0])
		if i < 0 {
			return "", false
		}
		start := from + i
		at := start + len(fields[0])
		ok := true
		for _, f := range fields[1:] {
			j := at
			for j < len(content) && unicode.IsSpace(rune(content[j])) {
				j++
			}
			if j == at || !strings.HasPrefix(content[j:], f) {
				ok = false
				break
			}
			at = j + len(f)
		}
		if ok {
			return content[start:at], true
		}
		from = start + 1
	}
}

// shingles are the set of 4-word runs of a text (lower-cased words).
func shingles(text string) map[string]bool {
	var ws []string
	for _, sp := range wordSpans(text) {
		ws = append(ws, strings.ToLower(text[sp[0]:sp[1]]))
	}
	out := map[string]bool{}
	if len(ws) < 4 {
		if len(ws) > 0 {
			out[strings.Join(ws, " ")] = true
		}
		return out
	}
	for i := 0; i+4 <= len(ws); i++ {
		out[strings.Join(ws[i:i+4], " ")] = true
	}
	return out
}

// jaccard of two shingle sets.
func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// containedIn reports whether share of a's shingles are in b (a is an excerpt of b).
func containedIn(a, b map[string]bool, share float64) bool {
	if len(a) == 0 {
		return true
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter)/float64(len(a)) >= share
}

// estimateTokens is the budget's unit: about four characters a token.
func estimateTokens(s string) int { return (len(s) + bytesPerToken - 1) / bytesPerToken }

// bytesPerToken is the bytes of English text a model's token holds, about
// (estimateTokens; makeRoom frees a budget's tokens as bytes of a quote).
const bytesPerToken = 4

// scoredQuote is a candidate piece of evidence during assembly.
type scoredQuote struct {
	page  int // index into the run's pages
	quote string
	full  string // the quote before it was cut to its page's rank
	score float64
	first bool // the best quote of its page
	must  bool // a hop's answering sentence: chosen before any other quote
	sh    map[string]bool
}

// selectEvidence picks quotes for the budget: first the best quote of each
// page in order of page score (so both pages of a two-hop or comparison
// question are cited before any page gets a second quote), then the rest by
// score. Near-duplicates of a chosen quote are skipped; a quote that does not
// fit is skipped in favour of smaller ones that do.
func selectEvidence(cands []scoredQuote, maxTokens int, p *Params) []scoredQuote {
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].must != cands[j].must {
			return cands[i].must
		}
		if cands[i].first != cands[j].first {
			return cands[i].first
		}
		return cands[i].score > cands[j].score
	})
	var out []scoredQuote
	used := 0
	for _, c := range cands {
		t := estimateTokens(c.quote)
		if used+t > maxTokens {
			continue
		}
		if c.sh == nil {
			c.sh = shingles(c.quote)
		}
		dup := false
		for _, o := range out {
			if jaccard(c.sh, o.sh) >= p.NearDuplicate || containedIn(c.sh, o.sh, p.ContainedShare) {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		out = append(out, c)
		used += t
	}
	return out
}

// fillEvidence spends the budget the chosen quotes leave on the best quotes
// of pages that scored below the cut (a page one strong page outshines may
// still be the other half of the answer), cut short, never duplicating.
func fillEvidence(chosen, fill []scoredQuote, maxTokens int, p *Params) []scoredQuote {
	used := 0
	for _, c := range chosen {
		used += estimateTokens(c.quote)
	}
	if used >= maxTokens || len(fill) == 0 {
		return chosen
	}
	sort.SliceStable(fill, func(i, j int) bool { return fill[i].score > fill[j].score })
	for _, c := range fill {
		t := estimateTokens(c.quote)
		if used+t > maxTokens {
			continue
		}
		c.sh = shingles(c.quote)
		dup := false
		for _, o := range chosen {
			if o.sh == nil {
				o.sh = shingles(o.quote)
			}
			if jaccard(c.sh, o.sh) >= p.NearDuplicate || containedIn(c.sh, o.sh, p.ContainedShare) {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		c.full = "" // cut to its rank already; the budget is nearly spent
		chosen = append(chosen, c)
		used += t
	}
	return chosen
}

// budgetOrder returns the tokens the chosen quotes take and their indexes,
// best score first (ties in evidence order): the order in which budget left
// after selection is handed out.
func budgetOrder(chosen []scoredQuote) (used int, order []int) {
	for _, c := range chosen {
		used += estimateTokens(c.quote)
	}
	order = make([]int, len(chosen))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return chosen[order[a]].score > chosen[order[b]].score })
	return used, order
}

// widen gives budget left after selection back to quotes that were cut, in
// order of score: a passage cut to one sentence may have held the answer in
// the next.
func widen(chosen []scoredQuote, maxTokens int) {
	used, order := budgetOrder(chosen)
	for _, i := range order {
		c := &chosen[i]
		if c.full == "" || len(c.full) <= len(c.quote) {
			continue
		}
		extra := estimateTokens(c.full) - estimateTokens(c.quote)
		if used+extra <= maxTokens {
			c.quote = c.full
			used += extra
		}
	}
}

// dropHeldQuotes removes the quotes another chosen quote of the same page
// holds word for word. Widening makes them: a page's passage widened to its
// full length may now hold the hop sentence chosen for it before, and the
// evidence would say the same thing twice. The quote that stays takes the
// higher score and the earlier place of the two, so what was forced in
// (a hop's answer) keeps its rank; the budget freed goes to fillEvidence.
func dropHeldQuotes(chosen []scoredQuote) []scoredQuote {
	gone := make([]bool, len(chosen))
	for i := range chosen {
		for j := range chosen {
			if i == j || gone[i] || gone[j] || chosen[i].page != chosen[j].page {
				continue
			}
			small, big := chosen[i], chosen[j]
			if len(small.quote) > len(big.quote) || !strings.Contains(big.quote, small.quote) {
				continue
			}
			if len(small.quote) == len(big.quote) && i < j {
				continue // the same text twice: the later one goes, on its own turn
			}
			keep, drop := min(i, j), max(i, j)
			merged := big
			merged.score = max(small.score, big.score)
			merged.must = small.must || big.must
			merged.first = small.first || big.first
			merged.sh = nil
			chosen[keep], gone[drop] = merged, true
		}
	}
	out := chosen[:0]
	for i, c := range chosen {
		if !gone[i] {
			out = append(out, c)
		}
	}
	return out
}
