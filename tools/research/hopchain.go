package research

import (
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
	optional   bool // qualifies a hop, names none: the chain does not wait for it
	// describes: the word stands right before one of the question's names
	// ("the film Blue Harbor"): it says what that name is, not what a hop
	// asks for.
	describes bool
	// later: the word of a hop further out than the one being resolved. It
	// answers nothing yet; between sentences that answer the hop alike, it
	// prefers the one that also speaks of what is asked next.
	later bool
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
	OwnPage    bool    // resolved on the subject's own page (its title names it)
	Value      bool    // the sentence answers the last hop with a value, not a name to follow
	// Toward: the bridge is a place smaller than the one the hop asks for
	// (the town, for "the county where X was born"): a step towards the
	// hop's answer, which the next step still looks for.
	Toward bool
}

// chain is the walk from one anchor name of the question.
type chain struct {
	anchor    string
	subject   string
	rel       []relTerm // the question's relation words, where every walk starts
	remaining []relTerm
	steps     []hopStep
	done      bool
	resolved  bool            // done because the last hop was answered, not cut off
	searched  map[string]bool // subjects already searched for
	// hopTerms are the terms of each hop of the question's decomposition,
	// innermost first, when the chain starts where the decomposition does
	// (nil otherwise: the walk then weighs all words left alike).
	hopTerms []map[string]bool
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
	q, kin := expandKinWords(rewriteBeFound(p.Question))
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
		out = append(out, relTerm{term: ts[0], word: w, w: wt, optional: optionalWord(w), describes: beforeName(q, w, p.Entities)})
	}
	return out
}

// beforeName reports that word stands right before one of names in q
// ("films Tide: For Love of Salt", "the film Blue Harbor").
func beforeName(q, word string, names []string) bool {
	for _, n := range names {
		if n != "" && strings.Contains(q, word+" "+n) {
			return true
		}
	}
	return false
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
		if len(p.Entities) > 1 && ((len(strings.Fields(e)) == 1 && demonymShaped(e)) || dateLike(e)) {
			// "What British singer ...": an adjective of origin qualifies
			// the answer, "born 3 May 1987" is a value; the chain
			// starts from the question's other names.
			continue
		}
		c := &chain{anchor: e, subject: e, rel: rel, remaining: append([]relTerm(nil), rel...), searched: map[string]bool{e: true}}
		if len(p.Hops) > 1 && p.Hops[0].Subject == e {
			c.hopTerms = hopTermSets(p.Hops)
		}
		out = append(out, c)
	}
	return out
}

// resolveHop finds, in content, the sentence that answers the next hop of
// a chain about subject and the name it points to. titleIsSubject says the
// page is the subject's own (its sentences may speak of it as "he", "it").
// avoid lists names that cannot be the answer (the question's, earlier
// bridges). ok is false when no sentence speaks of the subject.
func resolveHop(content, subject string, titleIsSubject bool, remaining []relTerm, avoid, refuted []string, boiler map[string]bool, kinds *kindIndex, p *Params) (hopStep, bool) {
	return resolveHopBy(content, subject, titleIsSubject, remaining, avoid, refuted, boiler, kinds, p, speaksOf)
}

// resolveHopBy is resolveHop with the test of a sentence speaking of the
// subject given: the walk's own (speaksOf), or the looser one it falls
// back on for the question's own name (looseMention).
func resolveHopBy(content, subject string, titleIsSubject bool, remaining []relTerm, avoid, refuted []string, boiler map[string]bool, kinds *kindIndex, p *Params, about func(s, subject string, p *Params) bool) (hopStep, bool) {
	all := remaining
	remaining, later := splitLater(remaining)
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
	best, bestScore, bestTie := -1, 0.0, 0.0
	firstAbout := -1
	for i, sp := range sents {
		s := content[sp[0]:sp[1]]
		if !titleIsSubject && !about(s, subject, p) {
			continue
		}
		if firstAbout < 0 {
			firstAbout = i
		}
		have := termSet(s)
		if _, t, ok := kinHop(s, remaining); ok {
			have[t] = true
		}
		if t, ok := byAgent(s, remaining, p); ok {
			have[t] = true
		}
		if t, ok := institutionHop(s, remaining, p); ok {
			have[t] = true
		}
		if t, ok := starsVerb(s, remaining); ok && p.HopStarsVerb {
			have[t] = true
		}
		if p.HopCastRole {
			// A cast line answers who plays a part in one structure,
			// the part's hop and the performer's at once ("The Ghost
			// Father (voiced by X)"), whichever the decomposition
			// put first: its words are read from every hop left.
			if _, ts, ok := castPerformer(s, all, avoid); ok {
				for _, t := range ts {
					have[t] = true
				}
			}
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
		tie := 0.0
		for _, rt := range later {
			if have[rt.term] {
				tie += rt.w
			}
		}
		if sc > bestScore || (sc > 0 && sc == bestScore && tie > bestTie) {
			best, bestScore, bestTie = i, sc, tie
		}
	}
	if firstAbout < 0 {
		return hopStep{}, false
	}
	if best < 0 && len(later) > 0 {
		// No sentence answers this hop's words: the order of the
		// decomposition has nothing to go on here (it may be wrong, or the
		// page says the hop's answer without its word, "50%" for
		// "percentage"), and every word left is weighed alike.
		return resolveHopBy(content, subject, titleIsSubject, nowAll(all), avoid, refuted, boiler, kinds, p, about)
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
	if b, ts, ok := castPerformer(s, all, append(avoid, subject)); ok && p.HopCastRole {
		// "Dario Lusk as Copper": the performer of the part asked.
		step.Bridge, step.Consumed = b, ts
		return step, true
	}
	// A relation word inside a name ("United States" for "state") says
	// what the name is, not what the sentence answers: it is not used up.
	outside := termSet(blankNames(s))
	consumed := map[string]bool{}
	for _, rt := range remaining {
		if outside[rt.term] {
			consumed[rt.term] = true
		}
	}
	marks := map[string]bool{}
	if t, ok := byAgent(s, remaining, p); ok && !consumed[t] {
		// "a work by Ada Lind" answers "the author of" without the word.
		consumed[t] = true
		marks["by"] = true
	}
	if t, ok := starsVerb(s, remaining); ok && p.HopStarsVerb && !consumed[t] {
		// "It stars Ann Lee as Thelma": the performer is the name after
		// the verb, as the agent is after "by".
		consumed[t] = true
		marks[starsWord] = true
	}
	if t, ok := nationalityAnswer(s, subject, remaining); ok {
		// "an American actor" answers "the nationality of" as a value:
		// nothing to follow.
		step.Consumed, step.Value = []string{t}, true
		return step, true
	}
	var matched bool
	step.Bridge, matched = pickBridge(s, subject, remaining, consumed, marks, append(avoid, subject), refuted, kinds, p)
	if step.Bridge != "" {
		// Words inside the bridge's own name ("Mountrail County" for
		// "county") are not answered by the sentence: they say what the
		// bridge is, and stay for the next hop's search...
		for t := range termSet(step.Bridge) {
			delete(consumed, t)
		}
		// ...unless the hop asked for that kind of thing and the bridge is
		// known to be one: then the kind is what the hop found.
		k, t := wantedKind(remaining)
		step.Toward = !matched && smallerPlace(kinds.of(step.Bridge, s, occurrences(s, step.Bridge)), k)
		if matched && k != kindSomeone && !consumed[t] {
			consumed[t] = true
			if placeRank[k] > 0 && locatesKind(remaining, t) {
				// "the state where X is located": a place of the kind
				// asked that the sentence puts X in is where X is.
				consumed[locateTerm] = true
			}
			for _, rt := range remaining {
				if consumed[rt.term] && (rt.term == t || rt.term == locateTerm) {
					step.Score += rt.w
				}
			}
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
	step.Consumed = append(step.Consumed, describedAfter(s, step.Bridge, later)...)
	return step, true
}

// describedAfter are the terms of later hops that sentence s says of its
// bridge, after it ("her mother was Ada Ork, a painter from Oslo" answers
// "which painter" with the mother): words about the bridge describe the
// answer the outer hop asks for, unlike words before it, which speak of
// the subject (whom Corla married, on Corla's page).
func describedAfter(s, bridge string, later []relTerm) []string {
	if bridge == "" || len(later) == 0 {
		return nil
	}
	i := standsAt(s, bridge)
	if i < 0 {
		return nil
	}
	after := termSet(blankNames(s[i+len(bridge):]))
	var out []string
	for _, rt := range later {
		if after[rt.term] {
			out = append(out, rt.term)
		}
	}
	return out
}

// citizenTerm is the term of "nationality", "citizenship", "citizen".
var citizenTerm = stemOf("citizen")

// nationalityAnswer reports a sentence that answers a last hop asking for
// a nationality with an adjective of origin ("Ann Lee was a French
// actress"): the term it answers. It does not when a role or a kind of
// thing is still to be found first ("the nationality of the director of
// X": the film's "British" is not the director's).
func nationalityAnswer(s, subject string, remaining []relTerm) (string, bool) {
	asked := false
	for _, rt := range remaining {
		switch {
		case rt.optional || rt.describes:
		case rt.term == citizenTerm:
			asked = true
		case isRole(strings.ToLower(rt.word)) || kindOfWord(rt.word) != "" || personNouns[strings.ToLower(rt.word)]:
			return "", false
		}
	}
	if !asked {
		return "", false
	}
	for _, name := range bridgeNames(s) {
		if len(strings.Fields(name)) == 1 && demonymShaped(name) && !strings.HasPrefix(s, name) && !containsWords(subject, name) {
			return citizenTerm, true
		}
	}
	return "", false
}

// remainingWords are the words of the terms not consumed, for a query.
func remainingWords(rem []relTerm) []string {
	var out []string
	for _, rt := range rem {
		out = append(out, rt.word)
	}
	return out
}

// waiting reports whether rem still holds a word that names a hop.
func waiting(rem []relTerm) bool {
	for _, rt := range rem {
		if !rt.optional {
			return true
		}
	}
	return false
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
