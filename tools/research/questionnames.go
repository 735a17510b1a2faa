package research

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// How a question writes a name that a page writes another way. A question
// lower-cases what a title capitalises and runs names together that a
// page keeps apart; capitalSpans alone then cuts or glues them:
//   - the part played and the work it is played in are two names: "voices
//     Batman in the Marlow Heist movie", "played Ada Lind in Night on 42nd
//     Avenue" (the work's own "on" stays in it);
//   - an ordinal wants its noun: "Night on 42nd avenue" is cut after
//     "42nd" otherwise;
//   - a noun compound whose head is lower-case is one name: "the Dunmore
//     manifesto", "the Marlow Heist movie", "who Lind number is named
//     after" name a manifesto, a movie, a number, not Dunmore, Marlow or
//     Lind (a hop from them would avoid the person "Ada Lind" as the
//     anchor itself).
// These are read from the question's own words around each name, never
// from a list of names.

// questionNames are the names question q writes: capitalSpansAt's runs
// with the rules above. apart holds the parts played and the works split
// from them: names the question says apart even when one holds the other.
func questionNames(q string) (names []string, apart map[string]bool) {
	apart = map[string]bool{}
	for _, n := range capitalSpansAt(q) {
		n = withOrdinalNoun(q, n)
		parts := partAndWork(q, n)
		for _, part := range parts {
			name := withLowerHead(q, part).name
			names = append(names, name)
			if len(parts) > 1 {
				apart[name] = true
			}
		}
	}
	return names, apart
}

// partPrepositions set the part played in the work ("Batman in the
// Marlow Heist movie", "Ada Lind on Night Shift", "Tom from Blue Harbor").
var partPrepositions = map[string]bool{"in": true, "on": true, "at": true, "from": true}

// partAndWork splits a name that follows a verb of playing ("plays",
// "voiced", "portraying") or "the actor of" / "the voice of" at its first
// "in", "on", "at" or "from": English plays a part in a work, so the
// words before are the part and the words after (without a lower-case
// article) the work, whose own inner words stay in it ("Night on 42nd
// Avenue"). Any other name is returned whole.
func partAndWork(q string, n nameAt) []nameAt {
	if !playedPart(q, n.at) {
		return []nameAt{n}
	}
	ws := wordSpans(n.name)
	for k := 1; k+1 < len(ws); k++ {
		w := n.name[ws[k][0]:ws[k][1]]
		if !partPrepositions[w] {
			continue
		}
		part := nameAt{strings.TrimSpace(n.name[:ws[k][0]]), n.at}
		next := k + 1
		if determiners[n.name[ws[next][0]:ws[next][1]]] && next+1 < len(ws) {
			next++ // "in the Marlow Heist movie": the article is the phrase's
		}
		work := nameAt{n.name[ws[next][0]:], n.at + ws[next][0]}
		if !isCap(work.name) {
			return []nameAt{n}
		}
		return []nameAt{part, work}
	}
	return []nameAt{n}
}

// playedPart reports that the name at byte offset at follows a verb of
// playing ("voices Batman") or a performer noun and "of" ("the actor of
// Barney", "the voice of John Smith").
func playedPart(q string, at int) bool {
	before := wordSpans(q[:at])
	if len(before) == 0 {
		return false
	}
	word := func(i int) string { return strings.ToLower(q[before[i][0]:before[i][1]]) }
	last := len(before) - 1
	if ts := tokens(word(last)); len(ts) == 1 && ts[0] == playTerm {
		return true
	}
	if word(last) == "of" && last > 0 {
		w := word(last - 1)
		ts := tokens(w)
		return performerNouns[w] || (len(ts) == 1 && ts[0] == playTerm)
	}
	return false
}

// withOrdinalNoun extends a name ending in an ordinal ("34th", "2nd") by
// the lower-case noun right after it: an ordinal qualifies a noun, and a
// question may write a title's noun in lower case ("Night on 42nd
// avenue").
func withOrdinalNoun(q string, n nameAt) nameAt {
	ws := wordSpans(n.name)
	if len(ws) < 2 || !ordinal(n.name[ws[len(ws)-1][0]:]) {
		return n
	}
	end := n.at + len(n.name)
	if w, ok := nextWord(q, end); ok && lowerContentWord(w) {
		return nameAt{q[n.at : end+1+len(w)], n.at}
	}
	return n
}

// withLowerHead extends a name by the lower-case noun that heads the
// compound it modifies, when the name is a modifier and the compound
// the thing the question speaks of:
//   - after an article ("the Dunmore manifesto", "a Marlow Heist movie"), or
//     after a relative word with an auxiliary after the noun ("who Lind
//     number is named after"): the article or the clause is the noun's;
//   - the noun ends its phrase: the question ends, punctuation, an
//     auxiliary, a relative word or "of" follow ("the Lind number of a
//     flow" is still the number);
//   - the noun names no relation the question asks: not a role ("the
//     Dunmore founder"), a kinship, a person, a place, an organisation or
//     any word of a relation group ("the Marlow birthplace"); and it is
//     no verb form ("the Lind Rovers played", "-ing", "-s").
func withLowerHead(q string, n nameAt) nameAt {
	end := n.at + len(n.name)
	head, ok := nextWord(q, end)
	if !ok || !lowerContentWord(head) || !thingNoun(head) || (len(strings.Fields(n.name)) == 1 && demonymShaped(n.name)) {
		return n // "an American industrialist": an adjective of origin
	}
	after, more := nextWord(q, end+1+len(head))
	rest := strings.TrimLeft(q[end+1+len(head):], " ")
	ends := rest == "" || strings.ContainsRune(",;:?!.)", rune(rest[0]))
	if more {
		la := strings.ToLower(after)
		ends = ends || finiteAux[la] || relativeWords[la] || la == "of"
	}
	if !ends {
		return n
	}
	before := wordSpans(q[:n.at])
	if len(before) == 0 {
		return n
	}
	prev := strings.ToLower(q[before[len(before)-1][0]:before[len(before)-1][1]])
	if strings.TrimSpace(q[before[len(before)-1][1]:n.at]) != "" {
		return n // punctuation between: the name opens a phrase of its own
	}
	article := prev == "the" || prev == "a" || prev == "an"
	clause := relativeWords[prev] && more && finiteAux[strings.ToLower(after)]
	if !clause && (!article || agentShaped(head)) {
		// An agent's ending ("-er", "-ist": "the Lind Rovers driver")
		// is mostly someone the question asks of the name; only a
		// clause's bare subject ("who Lind number is named after")
		// says the noun is the thing's.
		return n
	}
	if !more && doSupport(q[:n.at]) {
		return n // "what does the man who wrote the Dunmore Letter hold?": the verb
	}
	return nameAt{q[n.at : end+1+len(head)], n.at}
}

// agentShaped reports a noun with an agent's ending: "driver", "bassist",
// "historian", "editor".
func agentShaped(w string) bool {
	for _, suf := range []string{"er", "or", "ist", "ian"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// doSupport reports a question built with "do", "does" or "did" before
// its verb ("what did X win?"): the question's last word is then that verb.
func doSupport(text string) bool {
	for _, sp := range wordSpans(text) {
		switch strings.ToLower(text[sp[0]:sp[1]]) {
		case "do", "does", "did":
			return true
		}
	}
	return false
}

// relativeWords open a relative clause or end a noun phrase before one.
var relativeWords = map[string]bool{"who": true, "whom": true, "whose": true, "which": true, "that": true, "where": true, "when": true}

// nextWord is the word right after byte offset end in q when a single
// space separates them.
func nextWord(q string, end int) (string, bool) {
	if end >= len(q) || q[end] != ' ' {
		return "", false
	}
	ws := wordSpans(q[end:])
	if len(ws) == 0 || ws[0][0] != 1 {
		return "", false
	}
	return q[end+ws[0][0] : end+ws[0][1]], true
}

// lowerContentWord reports a lower-case word of letters that is not a
// function word.
func lowerContentWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLower(r) || isStopWord(w) || questionWords[w] || connectors[w] || finiteAux[w] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return len(tokens(w)) == 1
}

// thingNoun reports a noun that can head a compound naming a thing of its
// own ("manifesto", "number", "movie"), not one the question asks of the
// name: roles, kin, persons, places and organisations (the kinds a hop
// asks for, bar works and natural features, whose names hold the noun:
// "Hudson river"), relation words, and verb forms.
func thingNoun(w string) bool {
	lw := strings.ToLower(w)
	if isRole(lw) || kinNouns[lw] || personNouns[lw] || performerNouns[lw] {
		return false
	}
	switch kindOfWord(lw) {
	case "", "film", "album", "river", "island", "mountain":
	default:
		return false
	}
	if ts := tokens(lw); len(ts) != 1 || isRelation(ts[0]) || relationOf[ts[0]] != "" {
		return false
	}
	for _, suf := range []string{"ed", "ing", "s"} {
		if strings.HasSuffix(lw, suf) {
			return false
		}
	}
	return true
}

// ordinal reports a number with an ordinal ending ("34th", "2nd", "1st").
func ordinal(w string) bool {
	lw := strings.ToLower(w)
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf) && isNumber(lw[:len(lw)-len(suf)]) {
			return true
		}
	}
	return false
}
