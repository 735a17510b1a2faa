package research

import (
	"sort"
	"strings"
	"unicode"
)

// Which name in an answering sentence a hop points to.

// pickBridge returns the name in sentence s a hop points to: of the names
// that are new (not avoided), the one nearest a relation word the sentence
// answers; without such a word, the first new name after the subject.
//
// Names of the kind the hop asks for (a state, a company, someone) come
// before names of another kind; names whose own search found no page of
// theirs (refuted) count as farther, not as absent: when every other name
// is of the wrong kind, what the sentence says is still the best answer.
// matched reports that the bridge is known to be of the kind asked.
func pickBridge(s, subject string, remaining []relTerm, consumed, marks map[string]bool, avoid, refuted []string, kinds *kindIndex, p *Params) (bridge string, matched bool) {
	words := wordSpans(s)
	var relAt, markAt []int
	for i, w := range words {
		ts := tokens(s[w[0]:w[1]])
		if len(ts) == 1 && consumed[ts[0]] {
			relAt = append(relAt, i)
		}
		if marks[strings.ToLower(s[w[0]:w[1]])] {
			markAt = append(markAt, i)
		} else if i > 0 && relAt != nil && relAt[len(relAt)-1] == i-1 && strings.EqualFold(s[w[0]:w[1]], "by") {
			// "played by X", "developed by X": the passive's agent is the
			// name after the relation's "by".
			markAt = append(markAt, i)
		}
	}
	subjAt := -1
	if i := indexFold(s, subject); i >= 0 {
		subjAt = wordIndexAt(words, i)
	}
	wk, _ := wantedKind(remaining)
	best, bestDist := "", 1e9
	// Every reading below is of the name and s alone, so a name used again
	// scores as its first use did and cannot win over it: it is read once
	// (a page repeating a name costs no more per use), at the places
	// bridgeNamesAt found it.
	var order []string
	uses := map[string][]int{}
	for _, n := range bridgeNamesAt(s) {
		if _, ok := uses[n.name]; !ok {
			order = append(order, n.name)
		}
		uses[n.name] = append(uses[n.name], n.at)
	}
	for _, name := range order {
		ats := uses[name]
		at := ats[0]
		if placeRank[wk] > 0 && p.HopInstitutionPlace {
			// "a member of the Tavaria Senate", "the Governor of
			// Tavaria": an institution or an office of a place says the
			// place; the hop asking for a place takes it, read where the
			// institution's name stands.
			if pl := institutionPlace(name, p.HopInstitutionPlaceWords); pl != "" && !avoided(pl, avoid) {
				name = pl
			}
		}
		if avoided(name, avoid) || sameAs(name, subject) || sameAsAny(name, avoid) || aliasAt(s, at) {
			continue
		}
		if p.HopBirthName && birthNameAt(s, at) {
			// "(born Ruth Mary Calder; ...)": the subject under its
			// name at birth, not another thing it leads to.
			continue
		}
		if p.HopOriginOnly && originAdjectiveAt(s, name, ats) && !originAsked(remaining) {
			// "Austrian physicist Ernst Mach", "traditional African
			// religion": the adjective qualifies the answer, it is none.
			continue
		}
		dist := nameDistance(s, words, name, ats, relAt, markAt, subjAt, p)
		if wk != "" && wk != kindSomeone && p.HopLifeSpan && lifeSpanAt(s, at, name, p.HopLifeSpanBytes) {
			// "John Petersen (1842 – 1887) was a farmer from Appleton":
			// a name with a life's span is someone, not the place or the
			// firm the hop asks for.
			dist += p.HopKindMismatch
		}
		if p.HopPlaceComma && subject != "" && afterAny(s, subject+", ", ats) {
			// "from Appleton, Wisconsin": the larger place qualifies the
			// subject's name, as an adjective of origin does; it answers
			// only when no name of the kind asked is nearer.
			dist += p.HopDemonymPenalty
		}
		if avoided(name, refuted) {
			dist += p.HopRefutedPenalty
		}
		match := false
		if wk != "" {
			k := kinds.of(name, s, ats)
			if k == "" && p.HopAddressOrder {
				// No page says its kind: its place in an address does
				// ("Dorran, Tavaria, United States": town, state, country).
				k = addressKindAt(s, name, ats)
			}
			switch {
			case originShaped(s, name, ats, p):
				dist += p.HopKindMismatch // an adjective of origin is no kind of thing a hop asks for
			case wk == kindSomeone:
				if k != "" {
					dist += p.HopKindMismatch // a place, a company: not someone
				}
			case k == wk:
				dist -= p.HopKindMatch
				match = true
			case kindMismatch(wk, k):
				dist += p.HopKindMismatch
			}
		}
		if dist < bestDist {
			best, bestDist, matched = name, dist, match
		}
	}
	return best, matched
}

// afterAny reports that one of the places ats in s comes right after
// prefix ("Appleton, " before "Wisconsin").
func afterAny(s, prefix string, ats []int) bool {
	for _, at := range ats {
		if strings.HasSuffix(s[:at], prefix) {
			return true
		}
	}
	return false
}

// nameDistance is how far, in words, name (standing at the byte offsets
// ats; the first is read)
// sits from what points to it in s: the mark before it ("by"), the
// relation words the sentence answers, or, without either, the subject
// (names after it answer it).
func nameDistance(s string, words [][2]int, name string, ats, relAt, markAt []int, subjAt int, p *Params) float64 {
	at := wordIndexAt(words, ats[0])
	n := len(wordSpans(name))
	dist := 0.0
	if len(markAt) > 0 {
		// A mark ("by") points forward: the agent is the name after it.
		dist = 1e9
		for _, m := range markAt {
			if m < at {
				dist = min(dist, float64(at-m))
			}
		}
	} else if len(relAt) > 0 {
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
			// Before the subject: its context, not its answer; of the
			// names before it, the nearest is the one said of it
			// ("Governor of Tavaria serving under Governor Ada Lind").
			dist = float64(len(words))
			if p.HopNearestBefore {
				dist += float64(subjAt - at)
			} else {
				dist += float64(at)
			}
		}
	}
	if originShaped(s, name, ats, p) || attributive(s, words, at+n) {
		// "American", "Italian": a one-word adjective of origin, rarely a
		// thing with a page of its own; "Ruritanian idealist philosopher
		// Cal Berrow": a name describing the name after it.
		dist += p.HopDemonymPenalty
	}
	return dist
}

// bridgeNames are the names in a sentence a hop may point to: capitalised
// runs cut at the prepositions that join two names ("Vivaldi to an
// Italian"), without dates, numbers, or a lone sentence-initial word.
func bridgeNames(s string) []string {
	var out []string
	for _, n := range bridgeNamesAt(s) {
		out = append(out, n.name)
	}
	return out
}

// bridgeNamesAt is bridgeNames with where each name stands in s, found
// in the one pass that finds the names: a reading of a name at its place
// does not search the sentence for it again (with thousands of names in
// a long sentence, a search per name is quadratic).
func bridgeNamesAt(s string) []nameAt {
	var out []nameAt
	// A parenthesis glosses the name before it ("(born 1959)", "(see 2004
	// in music)"): it is blanked, and its opening mark ends that name, so
	// that no name runs on past it ("The Grey Orchard (season 2)
	// Promotional poster", a flattened infobox, is a title and then a
	// caption's word, not one name "Grey Orchard Promotional").
	// A parenthesis of a life's dates and places ("(born March 8, 1953
	// in Appleton)") is kept: where someone was born is often only there.
	b := []byte(s)
	depth, keep := 0, false
	for i, c := range b {
		switch {
		case c == '(':
			if depth == 0 {
				keep = lifeGloss(s[i+1:])
				b[i] = ';' // ends the name before: none runs on past a gloss
			} else {
				b[i] = ' '
			}
			depth++
		case c == ')' && depth > 0:
			depth--
			b[i] = ' '
		case depth > 0 && !keep:
			b[i] = ' '
		}
	}
	for _, span := range capitalSpansAt(string(b)) {
		for _, p := range splitAtJoins(span.name) {
			unquoted := strings.TrimLeft(p.name, `"“”'‘’`)
			at := span.at + p.at + len(p.name) - len(unquoted) + leftSpace(unquoted)
			part := strings.TrimSpace(strings.TrimRight(unquoted, `"“”'‘’`))
			if part == "" {
				continue
			}
			if dateLike(part) {
				continue
			}
			if n := len(strings.Fields(part)); !isCap(part) || n > 6 || (n == 1 && at == 0) {
				continue
			}
			out = append(out, nameAt{part, at})
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

func splitAtJoins(name string) []nameAt {
	parts := []nameAt{{name, 0}}
	for _, j := range joins {
		var next []nameAt
		for _, p := range parts {
			for off := 0; ; {
				k := strings.Index(p.name[off:], j)
				if k < 0 {
					next = append(next, nameAt{p.name[off:], p.at + off})
					break
				}
				next = append(next, nameAt{p.name[off : off+k], p.at + off})
				off += k + len(j)
			}
		}
		parts = next
	}
	var out []nameAt
	for _, p := range parts {
		at := p.at + leftSpace(p.name)
		s := strings.TrimSpace(p.name)
		for _, d := range []string{"the ", "a ", "an ", "their ", "his ", "her ", "its "} {
			if strings.HasPrefix(s, d) {
				s, at = s[len(d):], at+len(d)
			}
		}
		if o, rest, ok := strings.Cut(s, " "); ok && ordinal(o) {
			if _, office := officeOf(rest); office {
				// "the 57th Governor of Tavaria": the rank counts the
				// office's holders; the office is the name.
				s, at = rest, at+len(o)+1
			}
		}
		if s != "" && isCap(s) {
			out = append(out, nameAt{s, at})
		}
	}
	return out
}

// leftSpace is how many bytes of space s starts with.
func leftSpace(s string) int { return len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace)) }

// demonymShaped reports a word shaped like an adjective of origin.
func demonymShaped(w string) bool {
	l := strings.ToLower(w)
	if irregularDemonyms[l] {
		return true
	}
	for _, suf := range []string{"an", "ese", "ish", "ic", "i"} {
		if strings.HasSuffix(l, suf) && len(l) > len(suf)+2 {
			return true
		}
	}
	return false
}

// irregularDemonyms are adjectives of origin without one of the usual
// endings.
var irregularDemonyms = map[string]bool{"french": true, "dutch": true, "greek": true, "welsh": true, "swiss": true, "czech": true, "basque": true, "scots": true}

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

// namedIn reports whether name occurs in s as whole words: a letter or
// digit or hyphen may not touch it on either side, but punctuation may ("Cal
// Berrow, who...", "Dorran, Tavaria", "Berrow's"): a sentence names a
// thing with a comma or a full stop after it as often as with a space.
// Search snippets, the stranded quote and the pages credited for a
// stranded bridge are read this way; the walk keeps containsWords (spaces
// around the name), since with namedIn more sentences count as being about
// a subject and chains on noisy pages walk elsewhere (HotpotQA and MuSiQue
// each lost two questions).
func namedIn(s, name string) bool {
	n := strings.ToLower(strings.Join(strings.Fields(name), " "))
	if n == "" {
		return false
	}
	h := strings.ToLower(strings.Join(strings.Fields(s), " "))
	for at := 0; at <= len(h)-len(n); {
		i := strings.Index(h[at:], n)
		if i < 0 {
			return false
		}
		i += at
		if wholeWordsAt(h, i, i+len(n)) {
			return true
		}
		at = i + 1
	}
	return false
}

// wordRune is a rune that belongs to a word: a letter, a digit, or a
// hyphen, which makes a compound of its own ("New Zealand-based" speaks of
// something based there, not of New Zealand).
func wordRune(r rune) bool { return r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r) }

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
// first after it): the words are in order, so a binary search finds it.
func wordIndexAt(words [][2]int, at int) int {
	return sort.Search(len(words), func(i int) bool { return at < words[i][1] })
}

// institutionNouns end the names English gives a place's own institutions
// ("the Tavaria Senate", "the Ostland House of Representatives").
var institutionNouns = []string{" Senate", " House of Representatives", " House of Delegates", " State Assembly", " General Assembly", " Legislature", " Parliament", " Supreme Court"}

// officeNouns open the names of a place's offices ("Governor of Tavaria",
// "Lieutenant Governor of Tavaria", "Mayor of Dorran").
var officeNouns = []string{"Governor of ", "Lieutenant Governor of ", "Mayor of ", "Premier of ", "Attorney General of ", "Secretary of State of "}

// institutionPlace is the place a name of its institution or office
// names ("Tavaria" of "Tavaria State Senate", of "Lieutenant Governor of
// Tavaria"), of at most maxWords words, "" for other names.
func institutionPlace(name string, maxWords int) string {
	pl := ""
	for _, n := range institutionNouns {
		if strings.HasSuffix(name, n) {
			pl = strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(name, n)), " State")
			break
		}
	}
	if rest, ok := officeOf(name); ok {
		pl = rest
	}
	if pl == "" || !isCap(pl) || len(strings.Fields(pl)) > maxWords {
		return ""
	}
	return pl
}

// institutionHop reports a sentence naming a place's institution or
// office ("the 57th Lieutenant Governor of Tavaria", "a member of the
// Tavaria Senate") when the hop asks for a place: the name says the
// place, so the sentence answers the hop's kind word (the term it gives)
// as a sentence with the word would, and a page that only mentions the
// subject may answer the hop with it.
func institutionHop(s string, remaining []relTerm, p *Params) (string, bool) {
	if !p.HopInstitutionPlace {
		return "", false
	}
	k, t := wantedKind(remaining)
	if placeRank[k] == 0 {
		return "", false
	}
	for _, n := range bridgeNamesAt(s) {
		if institutionPlace(n.name, p.HopInstitutionPlaceWords) != "" {
			return t, true
		}
	}
	return "", false
}

// officeOf is what follows the office a name opens with ("Tavaria" of
// "Governor of Tavaria"); ok is false for a name that opens with none.
func officeOf(name string) (place string, ok bool) {
	for _, o := range officeNouns {
		if rest, found := strings.CutPrefix(name, o); found {
			return rest, true
		}
	}
	return "", false
}
