package research

import (
	"regexp"
	"strings"
)

// Reading a question's chain of relations back from the name it starts
// at. English nests a lookup inside the noun phrase that asks for its
// answer, in a few shapes, each of which can hold the next:
//
//	the director of X                      a relation noun and "of"
//	the company that made X                a relative clause, verb before the name
//	the county where X was born            a where/relative clause, verb after the name
//	the band that X is a member of         (the name is the clause's subject or object)
//	the county sharing a border with X     a participle phrase
//	the most populous city in X            a kind of thing and a preposition
//	X's father's birthday                  possessives after the name
//
// Read from the name outwards, each shape is one hop, innermost first.
// The patterns speak of the words around a name, never of what it is.
var (
	// "... the director of (the film) " before a name: a relation noun and "of".
	ofBefore = regexp.MustCompile(`(?i)(?:^|\s)(?:the|a|an|whose|which|what|who|is|was)?\s*([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?$`)
	// "... season 8 of " before a name: English numbers a part of a
	// series after its noun as well as before it ("the eighth season
	// of"), and either way the part is a thing of its own, one hop from
	// the series. The noun must be one that numbers parts (partNouns): a
	// number after another word counts things ("won 3 of the cups").
	numberedOfBefore = regexp.MustCompile(`(?i)(?:^|\s)(?:the\s+)?([a-z]+)\s+([0-9]{1,4})\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?$`)
	// "... the place of birth of " before a name: "N of birth" (of death,
	// of origin) is one relation, not two.
	eventOfBefore = regexp.MustCompile(`(?i)(?:^|\s)(?:the\s+)?([a-z]+)\s+of\s+(birth|death|burial|origin|marriage|founding)\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?$`)
	// "... the company that made " / "the woman who portrayed " before a
	// name, and with one word qualifying the noun ("the Frankish king who
	// formed", "the rock band that recorded"): the noun next to the
	// relative word is the kind.
	clauseBefore = regexp.MustCompile(`(?i)(?:^|\s)(?:the|a|an)\s+(?:[a-z-]+\s+)?([a-z]+)\s+(?:that|who|which|whom)\s+((?:[a-z]+\s+){1,3}?)(?:the\s+|a\s+|an\s+)?(?:[a-z]+\s+)?$`)
	// "... the county where " / "the band that " / "the state in which "
	// right before a name: the name is the clause's subject (or object),
	// and the clause's verb follows it.
	whereBefore = regexp.MustCompile(`(?i)(?:^|\s)(?:the|a|an)\s+((?:[a-z-]+\s+){0,3}?)([a-z-]+)\s+(?:where|(?:in|at|on|from|to|of|by|for|with)\s+which|that|which|whom|who)\s+(?:the\s+|a\s+|an\s+)?$`)
	// "... the county sharing a border with " / "the film directed by ".
	participleBefore = regexp.MustCompile(`(?i)(?:^|\s)(?:the|a|an)\s+((?:[a-z-]+\s+){0,2}?)([a-z-]+)\s+([a-z]+(?:ing|ed))\s+((?:[a-z-]+\s+){0,4}?)(?:the\s+|a\s+|an\s+)?$`)
	// "... the most populous city in " / "the county with ": a kind of
	// thing placed in or by the next phrase.
	prepBefore = regexp.MustCompile(`(?i)(?:^|\s)(?:the|a|an)\s+((?:[a-z-]+\s+){0,3}?)([a-z-]+)\s+(?:in|on|at|near|within|with|from)\s+(?:the\s+|a\s+|an\s+)?$`)
	// "'s father's birthday" after a name.
	possessiveAfter = regexp.MustCompile(`^(?:'s|’s)\s+((?:[a-z][a-z-]*(?:'s|’s)?\s*){1,4})`)
)

// innerHop is one hop read before the name: its relation words, the kind
// of answer its noun names, and whether its verb follows the name (a
// clause whose subject or object is the name or the hop inside it).
type innerHop struct {
	rel, kind string
	verbAfter bool
}

// chainHops decomposes the chain q asks of the name e, innermost first;
// ok is false when no relation points at e.
func chainHops(q, e string) ([]Hop, bool) {
	i := strings.Index(q, e)
	if i < 0 {
		return nil, false
	}
	before, after := q[:i], q[i+len(e):]
	var inner []innerHop // nearest the name first
	for {
		h, at, ok := nearestLink(before)
		if !ok {
			break
		}
		inner = append(inner, h)
		// The next phrase out ends where this one starts.
		before = before[:at] + " "
	}
	var outer []string
	if m := possessiveAfter.FindStringSubmatch(after); m != nil {
		after = after[len(m[0]):]
		for _, w := range strings.Fields(m[1]) {
			w = trimPossessive(w)
			if !isStopWord(w) {
				outer = append(outer, w)
			}
		}
	}
	// A clause's verb comes after what it is about: the innermost clause
	// takes the first verb group after the name ("the state where the
	// band that X is a member of formed": the band's "member of", then
	// the state's "formed").
	for k := range inner {
		if !inner[k].verbAfter {
			continue
		}
		verb, rest := clauseVerb(after)
		after = rest
		inner[k].rel = strings.TrimSpace(inner[k].rel + " " + verb)
	}
	if len(inner) == 0 && len(outer) == 0 {
		return nil, false
	}
	var hops []Hop
	add := func(rel, kind string) {
		if rel == "" {
			rel = kind // "the county where the city ... is": the kind is what is asked
		}
		if rel != "" {
			hops = append(hops, Hop{Relation: rel, Kind: kind, Side: -1})
		}
	}
	for i := 0; i < len(outer); i++ {
		r := outer[i]
		if i+1 < len(outer) {
			if _, ok := kinCompounds[strings.ToLower(r+" "+outer[i+1])]; ok {
				r, i = r+" "+outer[i+1], i+1 // "paternal grandfather": one compound
			}
		}
		for _, k := range expandKin(r) {
			add(k, "")
		}
	}
	for _, h := range inner {
		if ks := expandKin(h.rel); len(ks) > 1 {
			for _, k := range ks {
				add(k, "")
			}
			continue
		}
		add(h.rel, h.kind)
	}
	// What the question asks of the last hop's answer: its remaining
	// relation words ("Where did ... die": die).
	if last := relationWords(withoutFronted(before) + " " + after); len(last) > 0 {
		add(strings.Join(last, " "), "")
	}
	if len(hops) == 0 {
		return nil, false
	}
	hops[0].Subject = e
	return hops, true
}

// nearestLink finds the phrase that ends before (the text right before a
// name, or before the phrase of the hop inside) and asks a hop of what
// follows: of the shapes that match, the one nearest the name. at is
// where the phrase starts.
func nearestLink(before string) (innerHop, int, bool) {
	// Every shape spans at most maxLinkWords words up to the end of
	// before: only its last words are read, so a long question costs
	// no more than a short one (each shape is tried at each word).
	lo := tailStart(before, maxLinkWords+2)
	if len(before)-lo > maxLinkBytes {
		// Words that long are padding (a run of spaces between two of
		// them), which each shape would read again at each word: the
		// tail starts at the first word of its last maxLinkBytes.
		lo = len(before) - maxLinkBytes
		for lo < len(before) && !isSpace(before[lo-1]) {
			lo++
		}
	}
	before = before[lo:]
	best, bestAt, found := innerHop{}, -1, false
	try := func(at int, h innerHop) {
		if at+lo > bestAt {
			best, bestAt, found = h, at+lo, true
		}
	}
	if m := eventOfBefore.FindStringSubmatchIndex(before); m != nil {
		// "the place of birth of X" is one relation, not two.
		try(m[0], innerHop{rel: relationPhrase(before[m[2]:m[3]] + " " + before[m[4]:m[5]])})
	} else if m := numberedOfBefore.FindStringSubmatchIndex(before); m != nil && partNouns[strings.ToLower(before[m[2]:m[3]])] {
		// "season 8 of X": the numbered part is the hop.
		try(m[0], innerHop{rel: strings.ToLower(before[m[2]:m[3]]) + " " + before[m[4]:m[5]]})
	} else if m := ofBefore.FindStringSubmatchIndex(before); m != nil {
		try(m[0], innerHop{rel: relationPhrase(before[m[2]:m[3]])})
	}
	// The other shapes open with an article: of the phrases that do, the
	// nearest the name (the shortest) is the hop; a longer one would take
	// the next phrase out as its modifiers ("a border with the county").
	for j := len(before) - 1; j >= 0 && !found; j-- {
		if j > 0 && before[j-1] != ' ' {
			continue
		}
		s := before[j:]
		if m := clauseBefore.FindStringSubmatchIndex(s); m != nil && m[0] == 0 && !isStopWord(s[m[2]:m[3]]) {
			// "the company that made X": the hop is "made"; the noun is
			// the kind of answer.
			try(j, innerHop{rel: relationPhrase(s[m[4]:m[5]]), kind: strings.ToLower(s[m[2]:m[3]])})
		}
		if m := whereBefore.FindStringSubmatchIndex(s); m != nil && m[0] == 0 && !questionWords[strings.ToLower(s[m[4]:m[5]])] {
			try(j, innerHop{rel: relationPhrase(s[m[2]:m[3]]), kind: strings.ToLower(s[m[4]:m[5]]), verbAfter: true})
		}
		if m := participleBefore.FindStringSubmatchIndex(s); m != nil && m[0] == 0 && nounHead(s[m[4]:m[5]]) {
			try(j, innerHop{rel: relationPhrase(s[m[6]:m[9]]), kind: strings.ToLower(s[m[4]:m[5]])})
		}
		if m := prepBefore.FindStringSubmatchIndex(s); m != nil && m[0] == 0 && nounHead(s[m[4]:m[5]]) {
			try(j, innerHop{rel: relationPhrase(s[m[2]:m[5]]), kind: strings.ToLower(s[m[4]:m[5]])})
		}
	}
	return best, bestAt, found
}

// partNouns number the parts of a series, a work or an event: "season 8",
// "episode 3", "volume 2", "stage 4". A closed class of English counting
// nouns, not of any one set's titles.
var partNouns = map[string]bool{
	"season": true, "series": true, "episode": true, "part": true, "volume": true, "book": true,
	"chapter": true, "act": true, "scene": true, "issue": true, "track": true, "disc": true,
	"game": true, "stage": true, "round": true, "leg": true, "phase": true, "edition": true,
	"level": true, "generation": true, "day": true, "week": true,
}

// maxLinkWords is the most words a shape of nearestLink can span: the
// participle's "the [2 words] county sharing [4 words] the". Only
// bounds the text read; no shape is cut by it.
const maxLinkWords = 10

// maxLinkBytes bounds the bytes of nearestLink's maxLinkWords+2 words: a
// dozen words of any language's questions are a few hundred bytes.
const maxLinkBytes = 512

// tailStart is where the last n fields of s start, fields being split at
// the white space isSpace knows (0 when s has fewer): a pattern ending at
// the end of s whose words are split by regexp's \s, and that spans at
// most n-2 words, finds the same match in s[tailStart(s, n):], and never
// at its very start (isSpace splits at no byte \s does not).
func tailStart(s string, n int) int {
	i := len(s)
	for ; n > 0; n-- {
		for i > 0 && isSpace(s[i-1]) {
			i--
		}
		if i == 0 {
			return 0
		}
		for i > 0 && !isSpace(s[i-1]) {
			i--
		}
	}
	return i
}

// nounHead reports a word that names a kind of thing or a person: the head
// of a noun phrase a participle or a preposition can qualify ("the county
// sharing", "the city in"), not a verb or an adjective.
func nounHead(w string) bool {
	lw := strings.ToLower(w)
	return kindOfWord(lw) != "" || personNouns[lw] || isRole(lw)
}

// withoutFronted drops a phrase set off by a comma at the question's start
// ("According to the 2001 census, what was", "In 1900, what was"): it
// qualifies the question, it asks no hop.
func withoutFronted(s string) string {
	if i := strings.Index(s, ", "); i > 0 && !strings.Contains(s[:i], "?") {
		if ws := strings.Fields(s[:i]); len(ws) > 0 && (clauseParticles[strings.ToLower(ws[0])] || strings.EqualFold(ws[0], "according")) {
			return s[i+2:]
		}
	}
	return s
}

// clauseAux are the words a clause's verb group may open with before its
// verb ("is located", "was born", "can be found", "is a member of").
var clauseAux = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "being": true, "can": true,
	"could": true, "may": true, "might": true, "will": true, "would": true, "has": true, "have": true, "had": true,
	"did": true, "does": true, "do": true, "a": true, "an": true, "the": true, "also": true, "first": true,
	"originally": true, "currently": true, "now": true, "still": true, "once": true, "both": true,
}

// finiteAux are the auxiliaries that open a verb group after its subject.
var finiteAux = map[string]bool{
	"is": true, "was": true, "are": true, "were": true, "has": true, "have": true, "had": true, "can": true,
	"could": true, "will": true, "would": true, "did": true, "does": true, "do": true, "may": true, "might": true,
}

// clauseParticles may end a verb group ("named after", "member of").
var clauseParticles = map[string]bool{
	"of": true, "in": true, "at": true, "by": true, "from": true, "after": true, "for": true, "with": true,
	"to": true, "on": true, "into": true, "as": true,
}

// lightVerbNouns are a verb and the noun that makes it one predicate
// ("takes place" is where a story is set, not a place it takes).
var lightVerbNouns = map[string]bool{
	"takes place": true, "took place": true, "take place": true, "taking place": true,
	"takes part": true, "took part": true, "take part": true, "gave birth": true, "give birth": true,
}

// clauseVerb is the verb group that opens text (the words after a clause's
// subject): auxiliaries, one verb or noun, a particle; its relation words
// and the text after it. A name or punctuation first ends the clause with
// no verb.
func clauseVerb(text string) (verb, rest string) {
	text = skipPlaceQualifier(text)
	spans := wordSpans(text)
	k := 0
	if len(spans) > 1 && !isCap(text[spans[0][0]:spans[0][1]]) && finiteAux[strings.ToLower(text[spans[1][0]:spans[1][1]])] &&
		!clauseAux[strings.ToLower(text[spans[0][0]:spans[0][1]])] {
		// "X number is named after": the name's own head noun ends the
		// clause's subject; the verb group starts at the auxiliary.
		k = 1
	}
	for k < len(spans) && clauseAux[strings.ToLower(text[spans[k][0]:spans[k][1]])] {
		k++
	}
	if k >= len(spans) || strings.TrimSpace(text[:spans[0][0]]) != "" {
		return "", text
	}
	from := spans[0][0]
	if k > 0 && !clauseAux[strings.ToLower(text[spans[0][0]:spans[0][1]])] {
		from = spans[1][0]
	}
	w := text[spans[k][0]:spans[k][1]]
	if isCap(w) || questionWords[strings.ToLower(w)] || clauseParticles[strings.ToLower(w)] {
		return "", text
	}
	end := spans[k][1]
	if k+1 < len(spans) && tight(text, spans, k, k+1) {
		next := strings.ToLower(text[spans[k+1][0]:spans[k+1][1]])
		if clauseParticles[next] || lightVerbNouns[strings.ToLower(w)+" "+next] {
			end = spans[k+1][1]
		}
	}
	return relationPhrase(text[from:end]), text[end:]
}

// skipPlaceQualifier drops the place after a name's comma ("X, New
// Hampshire is located": the verb is "located").
func skipPlaceQualifier(text string) string {
	t := strings.TrimLeft(text, " ")
	if !strings.HasPrefix(t, ", ") {
		return text
	}
	t = t[2:]
	spans := wordSpans(t)
	k := 0
	for k < len(spans) && isCap(t[spans[k][0]:spans[k][1]]) && (k == 0 || tight(t, spans, k-1, k)) {
		k++
	}
	if k == 0 || k >= len(spans) {
		return text
	}
	return t[spans[k-1][1]:]
}

// sameAsBefore is "the same N as " ahead of a noun phrase: "a citizen of
// the same nationality as the author of X", "a city in the same state as
// Y".
var sameAsBefore = regexp.MustCompile(`(?i)\bthe\s+same\s+([a-z][a-z-]+)\s+as\s+`)

// sameAsLink reads "the same N as Y" as "the N of Y": the value shared is
// Y's N, one hop from Y, and what the question asks next is asked of that
// value. Written as an of-link, the chain reads it with the other of-links
// ("the nationality of the author of X"); the words around are kept as
// they are.
func sameAsLink(q string) string {
	return sameAsBefore.ReplaceAllString(q, "the $1 of ")
}
