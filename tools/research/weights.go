package research

import (
	"math"
	"strings"
)

// termWeights says how much each question term counts. Rare terms count more:
// document frequency is estimated from the search snippets and titles seen
// before reading (a small sample of "the web" about this question); terms of
// named entities count extra.
type termWeights struct {
	w     map[string]float64
	total float64
	ents  []entityTerms
	kind  answerKind // what the question asks for (a year, a number...)
	p     *Params
}

type entityTerms struct {
	Name   string
	Terms  []string // search terms (stop words dropped, stemmed)
	Words  []string // all its words, lower-cased: names like "For Against" are made of stop words
	Phrase []string // its words in order
}

// nameTokens are a name's words, lower-cased, none dropped.
func nameTokens(s string) []string {
	var out []string
	for _, sp := range wordSpans(s) {
		out = append(out, strings.ToLower(s[sp[0]:sp[1]]))
	}
	return uniq(out)
}

func newTermWeights(p *Plan, sample []string, params *Params) *termWeights {
	if params == nil {
		params = &defaultParams
	}
	df := map[string]int{}
	for _, s := range sample {
		seen := map[string]bool{}
		for _, t := range tokens(s) {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	n := float64(len(sample))
	entTerm := map[string]bool{}
	tw := &termWeights{w: map[string]float64{}, kind: answerKindOf(p.Question), p: params}
	ents := p.Entities
	if p.Comparison && len(p.Sides) >= 2 {
		// In a comparison the sides are what the evidence must be about;
		// other names ("the United States") are attributes.
		ents = p.Sides
	}
	for _, e := range ents {
		ts := uniq(tokens(e))
		nt := nameTokens(e)
		if len(nt) == 0 {
			continue
		}
		tw.ents = append(tw.ents, entityTerms{Name: e, Terms: ts, Words: nt, Phrase: nameWords(e)})
		for _, t := range ts {
			entTerm[t] = true
		}
	}
	for _, t := range uniq(tokens(p.Question)) {
		idf := math.Log(1 + (n+1)/(float64(df[t])+0.5))
		idf = max(idf, params.IDFFloor)
		if entTerm[t] {
			idf *= params.EntityTermBoost
		}
		tw.w[t] = idf
		tw.total += idf
	}
	return tw
}

func uniq(ts []string) []string {
	seen := map[string]bool{}
	out := ts[:0:0]
	for _, t := range ts {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// coverage is the share of question weight whose terms occur in text's terms.
func (tw *termWeights) coverage(ts []string) float64 {
	if tw.total == 0 {
		return 0
	}
	seen := map[string]bool{}
	s := 0.0
	for _, t := range ts {
		if w, ok := tw.w[t]; ok && !seen[t] {
			seen[t] = true
			s += w
		}
	}
	return s / tw.total
}

// entityHits is the share of the plan's entities named in text, as whole
// words, case-insensitively.
func (tw *termWeights) entityHits(text string) float64 {
	if len(tw.ents) == 0 {
		return 0
	}
	words := nameWords(text)
	low := " " + strings.Join(words, " ") + " "
	var have map[string]bool
	hits := 0.0
	for _, e := range tw.ents {
		if len(e.Phrase) > 0 && strings.Contains(low, " "+strings.Join(e.Phrase, " ")+" ") {
			hits++
			continue
		}
		// All its terms, not as one phrase ("Rockefeller ... Nelson").
		if len(e.Terms) == 0 {
			continue
		}
		if have == nil {
			have = map[string]bool{}
			for _, t := range tokens(text) {
				have[t] = true
			}
		}
		all := true
		for _, t := range e.Terms {
			if !have[t] {
				all = false
				break
			}
		}
		if all {
			hits += tw.p.PartialEntity
		}
	}
	return hits / float64(len(tw.ents))
}

// nameWords are text's words, lower-cased, in order.
func nameWords(s string) []string {
	var out []string
	for _, sp := range wordSpans(s) {
		out = append(out, strings.ToLower(s[sp[0]:sp[1]]))
	}
	return out
}

// titleEntity reports how well a page title names one of the plan's
// entities: 1 when the title (without a parenthesised qualifier) is the
// entity, a fraction when they share most terms.
func (tw *termWeights) titleEntity(title string) float64 {
	nt := nameTokens(bareTitle(title))
	if len(nt) == 0 {
		return 0
	}
	best := 0.0
	for _, e := range tw.ents {
		inter := 0
		for _, t := range nt {
			for _, u := range e.Words {
				if t == u {
					inter++
					break
				}
			}
		}
		union := len(nt) + len(e.Words) - inter
		if j := float64(inter) / float64(union); j > best && j >= tw.p.TitleMatch {
			best = j
		}
	}
	return best
}

// nameMatch reports whether a page title is the page of name: the title
// without its qualifier ("(film)", " - Site") has the same terms as name,
// or they share at least threshold of their words (Jaccard).
func nameMatch(title, name string, threshold float64) bool {
	t := nameTokens(bareTitle(title))
	n := nameTokens(name)
	if len(t) == 0 || len(n) == 0 {
		return false
	}
	if bt := bareTitle(title); headOf(bt, name) || headOf(name, bt) {
		return false // "Battle of X" is not the page of X (subjectTitle)
	}
	in := map[string]bool{}
	for _, x := range n {
		in[x] = true
	}
	inter := 0
	for _, x := range t {
		if in[x] {
			inter++
		}
	}
	if len(n) == 1 {
		// One word ("British", "Nixon") names a page only when it is the whole title.
		return len(t) == 1 && inter == 1
	}
	return float64(inter)/float64(len(t)+len(n)-inter) >= threshold
}

// bareTitle drops a trailing qualifier and site name from a page title.
func bareTitle(title string) string {
	name := withoutSite(title)
	if i := strings.Index(name, " ("); i > 0 {
		name = name[:i]
	}
	return strings.TrimSpace(name)
}

// withoutSite drops the site names a page title ends with ("Egg (film) -
// Miniweb" is "Egg (film)").
func withoutSite(title string) string {
	for _, sep := range []string{" - ", " | ", " – ", " — "} {
		if i := strings.LastIndex(title, sep); i > 0 {
			title = title[:i]
		}
	}
	return title
}

// residual returns the weights of the question terms text does not contain.
func (tw *termWeights) residual(text string) *termWeights {
	have := map[string]bool{}
	for _, t := range tokens(text) {
		have[t] = true
	}
	out := &termWeights{w: map[string]float64{}, ents: tw.ents, kind: tw.kind, p: tw.p}
	for t, w := range tw.w {
		if !have[t] {
			out.w[t] = w
			out.total += w
		}
	}
	return out
}
