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
//     Copper in the Marlow Heist movie", "played Ada Lind in Night on 42nd
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
	qw := readQuestionWords(q)
	for _, n := range capitalSpansAt(q) {
		n = withOrdinalNoun(qw, n)
		parts := partAndWork(qw, n)
		for _, part := range parts {
			name := withLowerHead(qw, part).name
			names = append(names, name)
			if len(parts) > 1 {
				apart[name] = true
			}
		}
	}
	return names, apart
}

// partPrepositions set the part played in the work ("Copper in the
// Marlow Heist movie", "Ada Lind on Night Shift", "Tom from Blue Harbor").
var partPrepositions = map[string]bool{"in": true, "on": true, "at": true, "from": true}

// partAndWork splits a name that follows a verb of playing ("plays",
// "voiced", "portraying") or "the actor of" / "the voice of" at its first
// "in", "on", "at" or "from": English plays a part in a work, so the
// words before are the part and the words after (without a lower-case
// article) the work, whose own inner words stay in it ("Night on 42nd
// Avenue"). Any other name is returned whole.
func partAndWork(qw *qWords, n nameAt) []nameAt {
	if !playedPart(qw, n.at) {
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
// playing ("voices Copper") or a performer noun and "of" ("the actor of
// Barney", "the voice of Ned Voss").
func playedPart(qw *qWords, at int) bool {
	last := qw.wordsBefore(at) - 1
	if last < 0 {
		return false
	}
	word := func(i int) string { return strings.ToLower(qw.word(i)) }
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
func withOrdinalNoun(qw *qWords, n nameAt) nameAt {
	ws := wordSpans(n.name)
	if len(ws) < 2 || !ordinal(n.name[ws[len(ws)-1][0]:]) {
		return n
	}
	end := n.at + len(n.name)
	if w, ok := qw.nextWord(end); ok && lowerContentWord(w) {
		return nameAt{qw.q[n.at : end+1+len(w)], n.at}
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
func withLowerHead(qw *qWords, n nameAt) nameAt {
	q := qw.q
	end := n.at + len(n.name)
	head, ok := qw.nextWord(end)
	if !ok || !lowerContentWord(head) || !thingNoun(head) || (len(strings.Fields(n.name)) == 1 && demonymShaped(n.name)) {
		return n // "an American industrialist": an adjective of origin
	}
	after, more := qw.nextWord(end + 1 + len(head))
	rest := strings.TrimLeft(q[end+1+len(head):], " ")
	ends := rest == "" || strings.ContainsRune(",;:?!.)", rune(rest[0]))
	if more {
		la := strings.ToLower(after)
		ends = ends || finiteAux[la] || relativeWords[la] || la == "of"
	}
	if !ends {
		return n
	}
	last := qw.wordsBefore(n.at) - 1
	if last < 0 {
		return n
	}
	prev := strings.ToLower(qw.word(last))
	if strings.TrimSpace(q[qw.ws[last][1]:n.at]) != "" {
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
	if !more && qw.doSupportBefore(n.at) {
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

// qWords are the words of a question, read once: each name's
// rules look at the words around it, and a question of thousands of
// names read again for each (the words before it, the rest after it)
// took minutes.
type qWords struct {
	q  string
	ws [][2]int
	// firstDo is the index of the first "do", "does" or "did" (len(ws)
	// if none): a question built with "do" before its verb ("what did
	// X win?") ends with that verb.
	firstDo int
}

func readQuestionWords(q string) *qWords {
	qw := &qWords{q: q, ws: wordSpans(q)}
	qw.firstDo = len(qw.ws)
	for i := len(qw.ws) - 1; i >= 0; i-- {
		switch strings.ToLower(qw.word(i)) {
		case "do", "does", "did":
			qw.firstDo = i
		}
	}
	return qw
}

// word is the question's i-th word.
func (qw *qWords) word(i int) string { return qw.q[qw.ws[i][0]:qw.ws[i][1]] }

// wordsBefore is how many words end at or before byte offset at (a
// word's start): the words of q[:at].
func (qw *qWords) wordsBefore(at int) int { return wordIndexAt(qw.ws, at) }

// doSupportBefore reports "do", "does" or "did" before byte offset at.
func (qw *qWords) doSupportBefore(at int) bool { return qw.firstDo < qw.wordsBefore(at) }

// relativeWords open a relative clause or end a noun phrase before one.
var relativeWords = map[string]bool{"who": true, "whom": true, "whose": true, "which": true, "that": true, "where": true, "when": true}

// nextWord is the word right after byte offset end in the question when
// a single space separates them.
func (qw *qWords) nextWord(end int) (string, bool) {
	if end >= len(qw.q) || qw.q[end] != ' ' {
		return "", false
	}
	i := wordIndexAt(qw.ws, end)
	if i >= len(qw.ws) || qw.ws[i][0] != end+1 {
		return "", false
	}
	return qw.word(i), true
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
