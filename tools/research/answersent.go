package research

import (
	"sort"
	"strings"
)

// The answer sentence: a cited page often says what the question asks in
// one sentence the page's quote does not hold — a window chosen around the
// page's lead, or around another sentence that shares more of the
// question's words, one tier too short to reach it ("... and in 1931 he
// married the painter Ann Lee" at the end of a sculptor's page; "the
// dialect most closely related to X is Y" deep in a long one). Two
// signs of English mark that sentence, whatever the page:
//   - it states the question's relation (a word of a relation group:
//     married/spouse/wife, born/birth ...) with a value of the kind the
//     question asks for (a person's full name, a place, a year, a number)
//     a few words from it, or at the start of the next sentence when the
//     relation and the value are split;
//   - it restates the question's predicate: a run of three or more of the
//     question's words (not a name's) in the question's order ("the
//     dialect most closely related to" for "what dialect is most
//     closely related to"), with a value the question does not hold.
// The sentence is added to the page's evidence when the page's quotes
// hold no sentence with that sign already.

// answerSign is how strongly a sentence looks like the answer: the run of
// the question's words it restates, and whether it holds a value of the
// asked kind next to a relation word of the question.
type answerSign struct {
	run   int
	value bool
	span  [2]int // the quote: the sentence, or with the next one when split
}

// strength orders signs: 0 for none; a restated predicate counts its run;
// a relation with its value outranks a run of minRun (the value is what
// was asked; a run only says the sentence speaks of it).
func (s answerSign) strength(minRun int) int {
	n := 0
	if s.run >= minRun {
		n = s.run
	}
	if s.value {
		n = max(n, minRun) + 1
	}
	return n
}

// answerCues are what of the question the signs are read against.
type answerCues struct {
	seq      []string        // the question's terms in order
	entity   map[string]bool // terms of the question's names
	relation map[string]bool // relation groups the question names
	words    map[string]bool // the question's words, lower-cased
	kind     answerKind
	near     int             // words between a relation word and its value
	minRun   int             // the shortest run of its words that restates its predicate
	terms    map[string]bool // the question's terms, none a name's
}

func newAnswerCues(question string, tw *termWeights, near, minRun int) answerCues {
	c := answerCues{seq: tokens(question), entity: map[string]bool{}, relation: map[string]bool{}, words: map[string]bool{},
		terms: map[string]bool{}, near: near, minRun: minRun}
	if tw != nil {
		c.kind = tw.kind
		for _, e := range tw.ents {
			for _, t := range e.Terms {
				c.entity[t] = true
			}
		}
	}
	for _, t := range c.seq {
		// A relation word inside a name ("Who Taught My Father") is the
		// name's, not a relation the question asks about.
		if isRelation(t) && !c.entity[t] {
			c.relation[t] = true
		}
	}
	for _, t := range c.seq {
		if !c.entity[t] {
			c.terms[t] = true
		}
	}
	for _, w := range nameTokens(question) {
		c.words[w] = true
	}
	return c
}

// mayAnswer is a cheap first look at a sentence (one pass of the
// tokenizer, not one a word): without a relation word of the question
// (when it asks a kind of value) or minRun of its words, no sign can be
// read in it. Most sentences of a page stop here.
func (c answerCues) mayAnswer(s string) bool {
	n := 0
	seen := map[string]bool{}
	for _, t := range tokens(s) {
		if c.kind != kindAny && c.relation[t] {
			return true
		}
		if c.terms[t] && !seen[t] {
			seen[t] = true
			n++
		}
	}
	return n >= c.minRun
}

// phraseRun is the longest run of the question's terms, none a name's,
// that the terms ts hold in the question's order, one after another. It
// counts words, not figures: "a 300 km rally" is a quantity and a noun,
// said by every page on such races, not a predicate.
func (c answerCues) phraseRun(ts []string) int {
	best := 0
	for i := range ts {
		for j := range c.seq {
			k, words := 0, 0
			for i+k < len(ts) && j+k < len(c.seq) && ts[i+k] == c.seq[j+k] && !c.entity[ts[i+k]] {
				if !strings.ContainsAny(ts[i+k], "0123456789") {
					words++
				}
				k++
			}
			best = max(best, words)
		}
	}
	return best
}

// termWord is one word of a sentence and the term it stands for ("" for a
// stop word).
type termWord struct {
	term       string
	start, end int
}

func termWords(s string) []termWord {
	var out []termWord
	for _, sp := range wordSpans(s) {
		t := ""
		if ts := tokens(s[sp[0]:sp[1]]); len(ts) == 1 {
			t = ts[0]
		}
		out = append(out, termWord{term: t, start: sp[0], end: sp[1]})
	}
	return out
}

// wordIndex is the index of the word of ws that holds byte offset at (the
// next word when at falls between words). ws is in text order, so a
// binary search: a long sentence holds thousands of values, each looked
// up here.
func wordIndex(ws []termWord, at int) int {
	return sort.Search(len(ws), func(i int) bool { return at < ws[i].end })
}

// valueWords are where, in words, the sentence holds a value of kind k
// that the question does not name. A name opening a sentence is its
// subject, mostly the page's own, unless opening is set (the sentence
// goes on from the one before: "Spouse" / "Ivo Marek (m. 1920)").
func (c answerCues) valueWords(s string, ws []termWord, opening bool) []int {
	var at []int
	add := func(off int) { at = append(at, wordIndex(ws, off)) }
	switch c.kind {
	case kindPerson:
		for _, n := range capitalSpansAt(s) {
			if len(strings.Fields(n.name)) >= 2 && (n.at > 0 || opening) && !c.named(n.name) {
				add(n.at)
			}
		}
	case kindPlace:
		for _, m := range placeCue.FindAllStringSubmatchIndex(s, -1) {
			if !c.named(s[m[0]:m[1]]) {
				add(m[0])
			}
		}
	case kindYear:
		for _, m := range yearCue.FindAllStringIndex(s, -1) {
			if !c.words[s[m[0]:m[0]+4]] {
				add(m[0])
			}
		}
	case kindMonth:
		for _, m := range monthCue.FindAllStringIndex(s, -1) {
			add(m[0])
		}
	case kindNumber:
		low := strings.ToLower(s)
		for _, m := range numberCue.FindAllStringIndex(low, -1) {
			add(m[0])
		}
	}
	return at
}

// named reports a name whose every word is a word of the question, a
// question's function word, or the preposition placeCue's match opens
// with ("near Leeds" is named by a question of Leeds).
func (c answerCues) named(name string) bool {
	ws := nameTokens(name)
	for _, w := range ws {
		if !c.words[w] && !questionWords[w] && w != "near" { // questionWords holds placeCue's other openers
			return false
		}
	}
	return len(ws) > 0
}

// newValue reports a value the question does not hold: a capitalised word
// past the sentence's first, or a figure.
func (c answerCues) newValue(s string, ws []termWord) bool {
	for i, w := range ws {
		word := s[w.start:w.end]
		if c.words[strings.ToLower(word)] {
			continue
		}
		if (i > 0 && isCap(word)) || strings.ContainsAny(word, "0123456789") {
			return true
		}
	}
	return false
}

// signOf reads the sentence content[sp] (and the one after it, next, when
// the relation's value may start there).
func (c answerCues) signOf(content string, sp [2]int, next *[2]int) answerSign {
	s := content[sp[0]:sp[1]]
	if !c.mayAnswer(s) {
		return answerSign{span: sp}
	}
	ws := termWords(s)
	ts := make([]string, 0, len(ws))
	for _, w := range ws {
		if w.term != "" {
			ts = append(ts, w.term)
		}
	}
	sign := answerSign{span: sp}
	if run := c.phraseRun(ts); run > 0 && c.newValue(s, ws) {
		sign.run = run
	}
	var rel []int
	for i, w := range ws {
		if c.relation[w.term] {
			rel = append(rel, i)
		}
	}
	if len(rel) == 0 || c.kind == kindAny {
		return sign
	}
	for _, v := range c.valueWords(s, ws, false) {
		// rel is in text order: only its words from v-near to v+near
		// are looked at, however many the sentence holds.
		for j := sort.SearchInts(rel, v-c.near); j < len(rel) && rel[j] <= v+c.near; j++ {
			if rel[j] != v {
				sign.value = true
				return sign
			}
		}
	}
	if next == nil {
		return sign
	}
	// Split: the relation ends this sentence, its value opens the next
	// ("Her husband was a painter. Ann Lee ...").
	last := rel[len(rel)-1]
	if len(ws)-1-last > c.near {
		return sign
	}
	ns := content[next[0]:next[1]]
	nws := termWords(ns)
	for _, v := range c.valueWords(ns, nws, true) {
		if len(ws)-1-last+v+1 <= c.near {
			sign.value = true
			sign.span = [2]int{sp[0], next[1]}
			return sign
		}
	}
	return sign
}

// bestSign is the strongest sign among text's sentences (what a page's
// quotes already carry).
func (c answerCues) bestSign(text string, minRun int) int {
	best := 0
	spans := sentenceSpans(text)
	for i, sp := range spans {
		var next *[2]int
		if i+1 < len(spans) {
			next = &spans[i+1]
		}
		best = max(best, c.signOf(text, sp, next).strength(minRun))
	}
	return best
}

// addAnswerSentences adds, for the best pages cited (by page score, at
// most AnswerSentences of them, each once), the page's sentence with the
// strongest answer sign when the page's quotes carry no sign as strong.
// When the budget is spent, quotes that score below the page give way,
// the lowest first; a hop's forced quote never does.
func (r *run) addAnswerSentences(chosen []scoredQuote, scores []float64, rankOf []int, maxTokens int, boiler map[string]bool) []scoredQuote {
	p := r.p
	if p.AnswerSentences <= 0 {
		return chosen
	}
	cues := newAnswerCues(r.req.Question, r.weights, p.AnswerNearWords, p.AnswerPhraseRun)
	type cand struct {
		page     int
		strength int
		span     [2]int
	}
	var cands []cand
	seen := map[int]bool{}
	for _, c := range chosen {
		if seen[c.page] || rankOf[c.page] >= p.AnswerSentenceRanks {
			continue
		}
		seen[c.page] = true
		rd := r.pages[c.page].reading
		if rd == nil {
			continue
		}
		var quoted []string
		for _, o := range chosen {
			if o.page == c.page {
				quoted = append(quoted, o.quote)
			}
		}
		have := cues.bestSign(strings.Join(quoted, "\n"), p.AnswerPhraseRun)
		best := cand{page: -1}
		spans := sentenceSpans(rd.Content)
		for i, sp := range spans {
			sent := rd.Content[sp[0]:sp[1]]
			// A sentence longer than an answer sentence may be is never
			// added (its sign's span holds it): it is not read for one.
			if len(sent) > p.AnswerSentenceChars || strings.HasPrefix(sent, "#") || boiler[strings.TrimSpace(sent)] {
				continue
			}
			var next *[2]int
			if i+1 < len(spans) && !strings.HasPrefix(rd.Content[spans[i+1][0]:], "#") {
				next = &spans[i+1]
			}
			sg := cues.signOf(rd.Content, sp, next)
			n := sg.strength(p.AnswerPhraseRun)
			if n == 0 || n <= have || n <= best.strength || sg.span[1]-sg.span[0] > p.AnswerSentenceChars {
				continue
			}
			if quotedAlready(quoted, rd.Content[sg.span[0]:sg.span[1]]) {
				continue
			}
			best = cand{page: c.page, strength: n, span: sg.span}
		}
		if best.page >= 0 {
			cands = append(cands, best)
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].strength != cands[j].strength {
			return cands[i].strength > cands[j].strength
		}
		return scores[cands[i].page] > scores[cands[j].page]
	})
	if len(cands) > p.AnswerSentences {
		cands = cands[:p.AnswerSentences]
	}
	for _, cd := range cands {
		q := r.pages[cd.page].reading.Content[cd.span[0]:cd.span[1]]
		sc := scores[cd.page]
		var ok bool
		if chosen, ok = makeRoom(chosen, estimateTokens(q), sc, cd.page, maxTokens, r.weights); !ok {
			continue
		}
		at := len(chosen)
		for i, c := range chosen {
			if c.page == cd.page {
				at = i + 1
			}
		}
		add := scoredQuote{page: cd.page, quote: q, score: sc}
		chosen = append(chosen[:at], append([]scoredQuote{add}, chosen[at:]...)...)
	}
	return chosen
}

// quotedAlready reports a sentence one of the quotes holds.
func quotedAlready(quotes []string, s string) bool {
	for _, q := range quotes {
		if strings.Contains(q, s) {
			return true
		}
	}
	return false
}
