package research

import (
	"strings"
	"unicode"
)

// Who plays a part. A cast line writes the performer and the part side by
// side in a few fixed shapes of English: "Dario Lusk as Copper", "the
// Sea Witch (voiced by Wendla Sarn)", "Hylos (Nigel Brand)".
// A hop that asks for the performer of a part the question names ("the
// actor who plays Copper") is answered by the performer, never by the part:
// the part's name is what the question already said.

// playTerm is the term of "play", "portray", "voice", "starring".
var playTerm = tokens("play")[0]

// performerNouns name the one who plays a part.
var performerNouns = map[string]bool{"actor": true, "actress": true, "actors": true, "actresses": true, "star": true, "cast": true}

// castGloss are the words that open a parenthesis naming a part's
// performer after the part: "(voiced by X)", "(played by X)".
var castGloss = map[string]bool{"voiced": true, "played": true, "portrayed": true}

// asksPerformer reports that the words left ask for who plays a part.
func asksPerformer(remaining []relTerm) bool {
	for _, rt := range remaining {
		if !rt.optional && (rt.term == playTerm || performerNouns[strings.ToLower(rt.word)]) {
			return true
		}
	}
	return false
}

// castPerformer finds in sentence s the performer of a part the hop asks
// for: a part whose words are words left to answer ("copper" of "the actor
// who plays copper") or one of names (the question's: "Scarlett"). terms
// are the words left the cast line answers: the playing, the performer
// noun, the part's words. ok is false when the words left ask for no
// performer or s has no cast line of an asked part.
func castPerformer(s string, remaining []relTerm, names []string) (performer string, terms []string, ok bool) {
	if !asksPerformer(remaining) {
		return "", nil, false
	}
	left := map[string]bool{}
	for _, rt := range remaining {
		if !rt.optional {
			left[rt.term] = true
		}
	}
	words := wordSpans(s)
	w := func(i int) string { return s[words[i][0]:words[i][1]] }
	part := ""
	for i := range words {
		switch {
		case w(i) == "as" && i > 0 && i+1 < len(words) && tight(s, words, i-1, i) && tight(s, words, i, i+1):
			// "Performer as Part"
			if p := askedRun(s, words, i+1, 1, left, names); p != "" {
				performer, part = performerBefore(s, words, i), p
				if roleNouns[strings.ToLower(w(i-1))] {
					// "Dario Lusk reprising his role as Copper"
					performer = roleHolder(s, words, i-1)
				}
			}
		case w(i) == "of" && i >= 4 && roleNouns[strings.ToLower(w(i-1))] && strings.EqualFold(w(i-2), "the") && strings.EqualFold(w(i-3), "in") && i+1 < len(words):
			// "Dario Lusk in the role of Copper"
			if p := askedRun(s, words, i+1, 1, left, names); p != "" && tight(s, words, i-4, i-3) {
				performer, part = capRun(s, words, i-4, -1, personNameWords), p
			}
		case castGloss[strings.ToLower(w(i))] && i+2 < len(words) && w(i+1) == "by" && strings.HasSuffix(strings.TrimSpace(s[:words[i][0]]), "("):
			// "Part (voiced by Performer)"
			if p := askedRun(s, words, i-1, -1, left, names); p != "" {
				performer, part = capRun(s, words, i+2, 1, personNameWords), p
			}
		case i > 0 && strings.HasSuffix(strings.TrimSpace(s[words[i-1][1]:words[i][0]]), "("):
			// "Part (Performer)": a parenthesis of a personal name alone.
			// The parenthesis closes right after the name: read only
			// there, not on to the sentence's next ")".
			inner := capRun(s, words, i, 1, glossNameWords)
			closes := strings.HasPrefix(strings.TrimLeftFunc(s[words[i][0]+len(inner):], unicode.IsSpace), ")")
			if n := len(strings.Fields(inner)); n >= 2 && closes {
				if p := askedRun(s, words, i-1, -1, left, names); p != "" {
					performer, part = inner, p
				}
			}
		}
		if performer != "" {
			break
		}
	}
	if performer == "" || avoided(performer, names) {
		return "", nil, false
	}
	in := termSet(part)
	for _, rt := range remaining {
		if !rt.optional && (rt.term == playTerm || performerNouns[strings.ToLower(rt.word)] || in[rt.term]) {
			terms = append(terms, rt.term)
		}
	}
	return performer, terms, true
}

// How many capitalised words a cast line's names run to. These are bounds
// of English names, not tuning: a personal name is rarely more than four
// words ("Mary Elizabeth Winstead", "Dwayne The Rock Johnson"); a
// parenthesis holding a performer alone, "Hylas (Ann Lee)", two or three;
// a part's name up to six ("The Fairy God Mother of the West"); a name run
// on from the previous part of a one-line cast list keeps its last two
// ("as Fen Dario Lusk as Copper": Dario Lusk).
const (
	personNameWords = 4
	glossNameWords  = 3
	partNameWords   = 6
	runOnNameWords  = 2
)

// roleNouns name the part a performer plays ("his role as Copper").
var roleNouns = map[string]bool{"role": true, "part": true}

// roleHolder is the performer before "his role" at word k (the role
// noun): "Dario Lusk reprising his role", "Ann Lee took the part": the
// capitalised name right before at most one verb and a possessive or an
// article, white space only between.
func roleHolder(s string, words [][2]int, k int) string {
	w := func(i int) string { return strings.ToLower(s[words[i][0]:words[i][1]]) }
	j := k - 1
	if j >= 0 && determiners[w(j)] {
		j--
	}
	if j >= 0 && !isCap(s[words[j][0]:words[j][1]]) {
		j-- // the verb: "reprising", "reprises", "took"
	}
	if j < 0 || j+1 >= len(words) || !tight(s, words, j, j+1) {
		return ""
	}
	return capRun(s, words, j, -1, personNameWords)
}

// tight reports that words i and j are separated by white space only.
func tight(s string, words [][2]int, i, j int) bool {
	return strings.TrimSpace(s[words[i][1]:words[j][0]]) == ""
}

// capRun is the run of capitalised words from word i in direction dir (1:
// forward, -1: backward), joined by white space only, at most max words,
// as it reads in s.
func capRun(s string, words [][2]int, i, dir, max int) string {
	lo, hi := i, i
	if i < 0 || i >= len(words) || !isCap(s[words[i][0]:words[i][1]]) {
		return ""
	}
	for n := 1; n < max; n++ {
		k := hi + 1
		if dir < 0 {
			k = lo - 1
		}
		if k < 0 || k >= len(words) || !isCap(s[words[k][0]:words[k][1]]) {
			break
		}
		if dir > 0 && !tight(s, words, hi, k) || dir < 0 && !tight(s, words, k, lo) {
			break
		}
		if dir > 0 {
			hi = k
		} else {
			lo = k
		}
	}
	return s[words[lo][0]:words[hi][1]]
}

// askedRun is the longest run of capitalised words from word i in
// direction dir whose every word is a word left to answer, or that is one
// of names: the part the hop asks about. A cast list read as one line
// runs the next performer's name on after the part ("as Copper Ilse
// Brandt as Old Mag"), so only the asked words count.
func askedRun(s string, words [][2]int, i, dir int, left map[string]bool, names []string) string {
	run := capRun(s, words, i, dir, partNameWords)
	ws := strings.Fields(run)
	if dir < 0 {
		// Read backward: the part ends right before the parenthesis.
		for k := 0; k < len(ws); k++ {
			if cand := strings.Join(ws[k:], " "); asked(cand, left, names) {
				return cand
			}
		}
		return ""
	}
	for k := len(ws); k > 0; k-- {
		if cand := strings.Join(ws[:k], " "); asked(cand, left, names) {
			return cand
		}
	}
	return ""
}

// asked reports a part the question asks about: one of its names, or
// words all left to answer.
func asked(part string, left map[string]bool, names []string) bool {
	for _, n := range names {
		if n != "" && strings.EqualFold(strings.Join(strings.Fields(n), " "), part) {
			return true
		}
	}
	ts := tokens(part)
	if len(ts) == 0 {
		return false
	}
	for _, t := range ts {
		if !left[t] {
			return false
		}
	}
	return true
}

// performerBefore is the performer's name before the "as" at word i. In a
// cast list read as one line the name before it runs on from the previous
// part ("as Fen Dario Lusk as Copper"): after another "as", a personal
// name's last two words are taken.
func performerBefore(s string, words [][2]int, i int) string {
	run := capRun(s, words, i-1, -1, personNameWords)
	ws := strings.Fields(run)
	start := i - len(ws)
	if start > 0 && s[words[start-1][0]:words[start-1][1]] == "as" && len(ws) > runOnNameWords {
		ws = ws[len(ws)-runOnNameWords:]
	}
	// "Starring Ann Lee as Thelma", "The cast: Ann Lee as Thelma": a
	// capitalised verb or article opening the sentence is not the name.
	for len(ws) > 1 {
		ts := tokens(ws[0])
		if len(ts) == 0 || ts[0] == playTerm || performerNouns[strings.ToLower(ws[0])] {
			ws = ws[1:]
			continue
		}
		break
	}
	return strings.Join(ws, " ")
}

// starsWord is the verb of a cast line's lead ("The film stars Ann Lee
// as Thelma"): lower-case and before a name, unlike the noun ("the star
// of the show") and a title's word ("Star Trek").
const starsWord = "stars"

// starsVerb reports a sentence whose verb "stars" names who plays in it,
// the next word a capitalised name, when a hop asks who plays: the term
// it answers. The stem of "stars" is the noun's, so the play relation
// does not hold it as a word of its own.
func starsVerb(s string, remaining []relTerm) (string, bool) {
	asked := false
	for _, rt := range remaining {
		asked = asked || (!rt.optional && rt.term == playTerm)
	}
	if !asked {
		return "", false
	}
	words := wordSpans(s)
	for i := 0; i+1 < len(words); i++ {
		if s[words[i][0]:words[i][1]] == starsWord && tight(s, words, i, i+1) && isCap(s[words[i+1][0]:words[i+1][1]]) {
			return playTerm, true
		}
	}
	return "", false
}
