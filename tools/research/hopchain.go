package research

import (
	"sort"
	"strings"
)

// Resolving a chain of hops from what was read. A multi-hop question names
// one thing (the anchor) and asks a chain of relations of it: "the
// employer of the founder of X". The chain is walked one hop at a time:
// on the page about the current subject, the sentence that best matches
// the relation words still unanswered is the hop's answering sentence; the
// name in it nearest those words is the bridge (the hop's answer); the
// relation words the sentence answered are used up, and the next search is
// the bridge with the words left. When no words are left, or the answering
// sentence holds no new name (the answer is a date, a number), the chain
// is resolved. Nothing here knows what the names are: only where relation
// words and names sit in sentences.

// relTerm is one relation word of the question: its term (stemmed, relation
// groups merged) and the word as written, for queries.
type relTerm struct {
	term, word string
	w          float64
}

// hopStep is one resolved hop: the sentence of page that answers it, and
// the name it points to (empty on a chain's last hop when the answer is a
// value, not a name).
type hopStep struct {
	Subject    string
	Bridge     string
	Page       int
	Start, End int // the answering sentence in the page's content
	Consumed   []string
	Score      float64 // relation weight the sentence covers
}

// chain is the walk from one anchor name of the question.
type chain struct {
	anchor    string
	subject   string
	remaining []relTerm
	steps     []hopStep
	done      bool
	resolved  bool            // done because the last hop was answered, not cut off
	searched  map[string]bool // subjects already searched for
}

// questionRelTerms are the question's relation words (not its names, not
// question or stop words), each term once, in the question's order.
func questionRelTerms(p *Plan, tw *termWeights) []relTerm {
	inName := map[string]bool{}
	for _, e := range p.Entities {
		for _, t := range tokens(e) {
			inName[t] = true
		}
	}
	var out []relTerm
	seen := map[string]bool{}
	q, kin := expandKinWords(p.Question)
	for _, w := range relationWords(q) {
		ts := tokens(w)
		if len(ts) != 1 || inName[ts[0]] || (seen[ts[0]] && !kin[w]) {
			continue
		}
		seen[ts[0]] = true
		wt := 1.0
		if tw != nil {
			if x, ok := tw.w[ts[0]]; ok {
				wt = x
			}
		}
		out = append(out, relTerm{term: ts[0], word: w, w: wt})
	}
	return out
}

// expandKinWords rewrites the kinship compounds of question into the hops
// they stand for ("maternal grandmother" → "mother mother", a
// mother-in-law is the spouse's mother) and returns the words so added:
// each is a hop of its own even when it repeats.
func expandKinWords(question string) (string, map[string]bool) {
	low := strings.ToLower(question)
	kin := map[string]bool{}
	// Longest compounds first: "maternal grandfather" before "grandfather".
	keys := make([]string, 0, len(kinCompounds))
	for k := range kinCompounds {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		for {
			i := strings.Index(low, k)
			if i < 0 {
				break
			}
			end := i + len(k)
			if (i > 0 && isWordRune(low[i-1])) || (end < len(low) && isWordRune(low[end])) {
				break
			}
			rep := strings.Join(kinCompounds[k], " ")
			for _, w := range kinCompounds[k] {
				kin[w] = true
			}
			low = low[:i] + rep + low[end:]
			question = question[:i] + rep + question[end:]
		}
	}
	return question, kin
}

func isWordRune(c byte) bool {
	return c == '-' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}

// newChains starts one chain per anchor: the question's names, unless the
// question compares them (each side is then researched on its own, and the
// comparison needs no chain) or has no relation words.
func newChains(p *Plan, tw *termWeights, maxAnchors int) []*chain {
	if p.Comparison {
		return nil
	}
	rel := questionRelTerms(p, tw)
	if len(rel) == 0 {
		return nil
	}
	var out []*chain
	for _, e := range p.Entities {
		if len(out) >= maxAnchors {
			break
		}
		out = append(out, &chain{anchor: e, subject: e, remaining: append([]relTerm(nil), rel...), searched: map[string]bool{e: true}})
	}
	return out
}

// resolveHop finds, in content, the sentence that answers the next hop of
// a chain about subject and the name it points to. titleIsSubject says the
// page is the subject's own (its sentences may speak of it as "he", "it").
// avoid lists names that cannot be the answer (the question's, earlier
// bridges). ok is false when no sentence speaks of the subject.
func resolveHop(content, subject string, titleIsSubject bool, remaining []relTerm, avoid []string, boiler map[string]bool, p *Params) (hopStep, bool) {
	var sents [][2]int
	off := 0
	for _, para := range strings.SplitAfter(content, "\n\n") {
		at := off
		off += len(para)
		if boiler[strings.TrimSpace(para)] || isLabel(para) {
			continue // site chrome, not what the page says
		}
		for _, sp := range sentenceSpans(para) {
			if !strings.HasPrefix(para[sp[0]:sp[1]], "#") {
				sents = append(sents, [2]int{at + sp[0], at + sp[1]})
			}
		}
	}
	best, bestScore := -1, 0.0
	firstAbout := -1
	for i, sp := range sents {
		s := content[sp[0]:sp[1]]
		about := titleIsSubject || mentions(s, subject, false)
		if !about {
			continue
		}
		if firstAbout < 0 {
			firstAbout = i
		}
		have := termSet(s)
		if _, t, ok := kinHop(s, remaining); ok {
			have[t] = true
		}
		sc := 0.0
		for _, rt := range remaining {
			if have[rt.term] {
				sc += rt.w
			}
		}
		if titleIsSubject && mentions(s, subject, true) {
			sc *= p.HopSubjectNamed
		}
		if sc > bestScore {
			best, bestScore = i, sc
		}
	}
	if firstAbout < 0 {
		return hopStep{}, false
	}
	if best < 0 && !titleIsSubject {
		// A page that only mentions the subject answers a hop only in a
		// sentence that also holds the hop's relation.
		return hopStep{}, false
	}
	if best < 0 {
		// No relation word anywhere: what a page says first about its
		// subject is what it is (by whom, where, of what).
		best = firstAbout
	}
	sp := sents[best]
	s := content[sp[0]:sp[1]]
	step := hopStep{Subject: subject, Start: sp[0], End: sp[1], Score: bestScore}
	if b, t, ok := kinHop(s, remaining); ok && !avoided(b, append(avoid, subject)) {
		step.Bridge, step.Consumed = b, []string{t}
		return step, true
	}
	consumed := map[string]bool{}
	for _, rt := range remaining {
		if termSet(s)[rt.term] {
			consumed[rt.term] = true
		}
	}
	step.Bridge = pickBridge(s, subject, remaining, consumed, append(avoid, subject), p)
	if step.Bridge != "" {
		// Words inside the bridge's own name ("Mountrail County" for
		// "county") are not answered by the sentence: they say what the
		// bridge is, and stay for the next hop's search.
		for t := range termSet(step.Bridge) {
			delete(consumed, t)
		}
	}
	for _, rt := range remaining {
		if consumed[rt.term] {
			// One hop per sentence: a repeated term ("mother mother") is
			// used up once.
			step.Consumed = append(step.Consumed, rt.term)
			delete(consumed, rt.term)
		}
	}
	return step, true
}

// pickBridge returns the name in sentence s a hop points to: of the names
// that are new (not avoided), the one nearest a relation word the sentence
// answers; without such a word, the first new name after the subject.
func pickBridge(s, subject string, remaining []relTerm, consumed map[string]bool, avoid []string, p *Params) string {
	words := wordSpans(s)
	var relAt []int
	for i, w := range words {
		ts := tokens(s[w[0]:w[1]])
		if len(ts) == 1 && consumed[ts[0]] {
			relAt = append(relAt, i)
		}
	}
	subjAt := -1
	if i := indexFold(s, subject); i >= 0 {
		subjAt = wordIndexAt(words, i)
	}
	best, bestDist := "", 1e9
	for _, name := range bridgeNames(s) {
		if avoided(name, avoid) {
			continue
		}
		at := wordIndexAt(words, strings.Index(s, name))
		n := len(wordSpans(name))
		dist := 0.0
		if len(relAt) > 0 {
			dist = 1e9
			for _, r := range relAt {
				switch {
				case r < at:
					dist = min(dist, float64(at-r))
				case r >= at+n:
					dist = min(dist, float64(r-(at+n-1)))
				default:
					// The relation word inside the name ("Mountrail County"
					// for "county") says what the name is, not what it is of.
					dist = min(dist, float64(n))
				}
			}
		} else {
			dist = float64(at)
			if subjAt >= 0 && at < subjAt {
				dist += float64(len(words)) // before the subject: its context, not its answer
			}
		}
		if n == 1 && demonymShaped(name) {
			// "American", "Italian": a one-word adjective of origin, rarely a
			// thing with a page of its own.
			dist += p.HopDemonymPenalty
		}
		if dist < bestDist {
			best, bestDist = name, dist
		}
	}
	return best
}

// bridgeNames are the names in a sentence a hop may point to: capitalised
// runs cut at the prepositions that join two names ("Vivaldi to an
// Italian"), without dates, numbers, or a lone sentence-initial word.
func bridgeNames(s string) []string {
	var out []string
	// A parenthesis glosses the name before it ("(born 1959)", "(see 2004
	// in music)"); blanked, it neither joins nor splits names.
	b := []byte(s)
	depth := 0
	for i, c := range b {
		switch {
		case c == '(':
			depth++
			b[i] = ' '
		case c == ')' && depth > 0:
			depth--
			b[i] = ' '
		case depth > 0:
			b[i] = ' '
		}
	}
	for _, name := range capitalSpans(string(b)) {
		for _, part := range splitAtJoins(name) {
			part = strings.TrimSpace(strings.Trim(part, `"“”'‘’`))
			if part == "" || dateLike(part) {
				continue
			}
			if n := len(strings.Fields(part)); !isCap(part) || n > 6 || (n == 1 && strings.HasPrefix(s, part)) {
				continue
			}
			out = append(out, part)
		}
	}
	return out
}

// isLabel reports a paragraph that is a short line without an ending
// stop: a byline, a caption, a menu entry, not a statement.
func isLabel(para string) bool {
	t := strings.TrimSpace(para)
	if t == "" || strings.Contains(t, "\n") {
		return false
	}
	return len(wordSpans(t)) < labelWords && !strings.ContainsAny(t[len(t)-1:], ".!?\"”)")
}

// labelWords: a line of fewer words with no stop at its end is a label.
const labelWords = 8

// dateLike reports a span of calendar words and numbers only ("October
// 2001", "19th"): a date is a value, not a thing with a page.
func dateLike(s string) bool {
	for _, w := range strings.Fields(s) {
		r := []rune(w)
		if !calendarWords[strings.ToLower(w)] && !(len(r) > 0 && r[0] >= '0' && r[0] <= '9') {
			return false
		}
	}
	return true
}

// joins are lower-case words a question's title may hold ("League of their
// Own") that, inside a sentence, more often join two names than build one.
var joins = []string{" to ", " with ", " at ", " from ", " in ", " on ", " for ", " and ", " a ", " an "}

func splitAtJoins(name string) []string {
	parts := []string{name}
	for _, j := range joins {
		var next []string
		for _, p := range parts {
			next = append(next, strings.Split(p, j)...)
		}
		parts = next
	}
	var out []string
	for _, p := range parts {
		p = strings.TrimSpace(p)
		for _, d := range []string{"the ", "a ", "an ", "their ", "his ", "her ", "its "} {
			p = strings.TrimPrefix(p, d)
		}
		if p != "" && isCap(p) {
			out = append(out, p)
		}
	}
	return out
}

// demonymShaped reports a word shaped like an adjective of origin.
func demonymShaped(w string) bool {
	l := strings.ToLower(w)
	for _, suf := range []string{"an", "ese", "ish", "ic", "i"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return true
		}
	}
	return false
}

func avoided(name string, avoid []string) bool {
	for _, a := range avoid {
		if a == "" {
			continue
		}
		if strings.EqualFold(name, a) || containsWords(a, name) || containsWords(name, a) {
			return true
		}
	}
	return false
}

// mentions reports whether sentence s names subject: the whole name, or,
// when surname is set (on the subject's own page), its last word ("Peel
// issued ...").
func mentions(s, subject string, surname bool) bool {
	if subject == "" {
		return false
	}
	if containsWords(s, subject) {
		return true
	}
	ws := strings.Fields(bareTitle(subject))
	if surname && len(ws) >= 2 {
		last := trimPossessive(ws[len(ws)-1])
		return len(last) >= 4 && isCap(last) && containsWords(s, last)
	}
	return false
}

func termSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, t := range tokens(s) {
		m[t] = true
	}
	return m
}

func indexFold(s, sub string) int {
	return strings.Index(strings.ToLower(s), strings.ToLower(sub))
}

// wordIndexAt is the index of the word that contains byte offset at (or the
// first after it).
func wordIndexAt(words [][2]int, at int) int {
	for i, w := range words {
		if at < w[1] {
			return i
		}
	}
	return len(words)
}

// remainingWords are the words of the terms not consumed, for a query.
func remainingWords(rem []relTerm) []string {
	var out []string
	for _, rt := range rem {
		out = append(out, rt.word)
	}
	return out
}

// without returns rem minus one of each consumed term (a repeated term,
// "mother mother", is two hops).
func without(rem []relTerm, consumed []string) []relTerm {
	drop := map[string]int{}
	for _, c := range consumed {
		drop[c]++
	}
	var out []relTerm
	for _, rt := range rem {
		if drop[rt.term] > 0 {
			drop[rt.term]--
			continue
		}
		out = append(out, rt)
	}
	return out
}
