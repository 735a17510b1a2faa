package research

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rules of English for which names in an answering sentence are not a
// hop's answer (an alias, a describing name, the subject's own fuller
// name, someone when a place is asked), which mark it (a passive "by"),
// and when a sentence speaks of a place (written with its larger place).

// attributive reports that the words from index next on are a common noun
// or two and then a name ("[Ruritanian] reformer Cal Berrow", "[Ostrian
// idealist] philosopher Ada Lind"): the name before them
// describes the one after, which is what the sentence is about.
func attributive(s string, words [][2]int, next int) bool {
	for k := next; k < len(words) && k < next+3; k++ {
		w := s[words[k][0]:words[k][1]]
		if k > next && isCap(w) {
			return !strings.ContainsAny(s[words[next-1][1]:words[k][0]], ",;:()\"“”")
		}
		if isCap(w) || isStopWord(w) || connectors[strings.ToLower(w)] {
			return false
		}
	}
	return false
}

// aliasMarks introduce another name of the subject itself ("also known as
// The Surveyor"), not a bridge to something else.
var aliasMarks = []string{"known as ", "also called ", "aka ", "a.k.a. ", "nicknamed ", "formerly ", "better known as "}

// aliasAt reports a name at byte offset at that follows an alias mark.
func aliasAt(s string, at int) bool {
	if at <= 0 {
		return false
	}
	before := strings.ToLower(s[max(0, at-20):at])
	before = strings.TrimRight(before, `"“'‘ `) + " "
	for _, m := range aliasMarks {
		if strings.HasSuffix(before, m) {
			return true
		}
	}
	return false
}

// sameAs reports a fuller or shorter form of subject's own name ("Donald
// Paul Werner" for "Don Werner", "Theodore Mosby" for "Ted Mosby"): the
// same last word and the same initial. A relative sharing the surname has
// another given name.
func sameAs(name, subject string) bool {
	a, b := strings.Fields(bareTitle(name)), strings.Fields(bareTitle(subject))
	if len(a) < 2 || len(b) < 2 || !strings.EqualFold(a[len(a)-1], b[len(b)-1]) {
		return false
	}
	return strings.EqualFold(a[0][:1], b[0][:1])
}

// sameAsAny reports a fuller or shorter form of one of names (the page's
// own title, "Theodore Evelyn Mosby" on the page "Ted Mosby").
func sameAsAny(name string, names []string) bool {
	for _, n := range names {
		if n != "" && sameAs(name, n) {
			return true
		}
	}
	return false
}

// blankNames is s with the names bridgeNames finds blanked out.
func blankNames(s string) string {
	b := []byte(s)
	for _, n := range bridgeNamesAt(s) {
		for i := n.at; i < n.at+len(n.name) && i < len(b); i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// byAgent reports a sentence naming someone after "by" ("a painting by Ada
// Lind") when the words left ask for an agent (an author, a creator, a
// director; with HopAgentVerb any word of an agent relation, a verb of
// any clause, "the company that produces X", or a noun that is no role):
// the agent term it answers.
func byAgent(s string, remaining []relTerm, p *Params) (string, bool) {
	i := strings.Index(s, " by ")
	if i < 0 {
		return "", false
	}
	ws := strings.Fields(s[i+4:])
	named := false
	for k := 0; k < len(ws) && k < 5; k++ {
		if isCap(ws[k]) {
			named = true
			break
		}
	}
	if !named {
		return "", false
	}
	for _, rt := range remaining {
		if !rt.optional && agentRelations[rt.term] && (isRole(rt.word) || p.HopAgentVerb) {
			return rt.term, true
		}
	}
	return "", false
}

// agentRelations are the relations whose agent a passive "by" names: a
// work is written, composed, directed, made by someone. (An employer or a
// member is not "by".)
var agentRelations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"direct", "create", "write", "compose", "produce", "found", "perform", "publish", "make"} {
		m[stemOf(w)] = true
	}
	return m
}()

// lifeGloss reports a parenthesis that opens with a birth or death ("born
// 1953 in Appleton", "died in Rome").
func lifeGloss(inner string) bool {
	// Only its opening words are read: bridgeNames hands it the rest of
	// the sentence at each parenthesis, and lowering all of it each time
	// is quadratic in a long one. The window ends at a rune's start and
	// holds more than the longest opening below.
	end := runeFloor(inner, min(len(inner), 16))
	l := strings.ToLower(inner[:end])
	for _, p := range []string{"born ", "b. ", "died ", "d. ", "née "} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// speaksOf reports whether sentence s is about subject for the walk: it
// names it (mentions) or, with HopPlaceComma, names it as a place with
// the larger place it lies in after a comma.
func speaksOf(s, subject string, p *Params) bool {
	return mentions(s, subject, false) || (p.HopPlaceComma && placeComma(s, subject))
}

// looseMention is speaksOf with punctuation allowed around the name and a
// styled name read without its style (namesBridge).
func looseMention(s, subject string, p *Params) bool {
	return speaksOf(s, subject, p) || namesBridge(s, subject)
}

// placeComma reports that s names subject in the address form of a place,
// followed by a comma and the larger place it lies in ("from Appleton,
// Wisconsin", "born in Senta, Serbia"): English writes a town with its
// state or country that way, and the sentence speaks of the town. Other
// punctuation after a name (a full stop, a comma before "who") is not
// read as a mention: more sentences would then count as being about a
// subject, and chains on noisy pages walk elsewhere.
func placeComma(s, subject string) bool {
	n := strings.Join(strings.Fields(subject), " ")
	if n == "" {
		return false
	}
	for at := 0; at < len(s); {
		i := strings.Index(s[at:], n+", ")
		if i < 0 {
			return false
		}
		i += at
		if placeCommaAt(s, n, []int{i}) {
			return true
		}
		at = i + 1
	}
	return false
}

// lifeSpanAt reports that name, standing at byte offset at in s, is
// followed by a parenthesis of a life: a birth or a death ("(born 1953 in
// Appleton)") or two years joined by a dash ("(November 2, 1842 – July
// 10, 1887)", "(1505–1572)"). The parenthesis is read as far as it closes within limit bytes
// (Params.HopLifeSpanBytes): a life's span is short, and a name before
// every "(" of a long sentence that closes late would otherwise read the
// rest of it each.
func lifeSpanAt(s string, at int, name string, limit int) bool {
	if at < 0 || name == "" || at+len(name) > len(s) {
		return false
	}
	rest := strings.TrimLeft(s[at+len(name):], " ")
	if !strings.HasPrefix(rest, "(") {
		return false
	}
	win := min(len(rest), limit)
	end := strings.IndexByte(rest[:win], ')')
	if end < 0 {
		return false // never closed, or not within a life's span's length
	}
	inner := rest[1:end]
	if lifeGloss(inner) {
		return true
	}
	years := 0
	dash := false
	for _, w := range strings.FieldsFunc(inner, func(r rune) bool { return r == ' ' || r == ',' }) {
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '–' || r == '-' || r == '—' }) {
			if len(part) == 4 && strings.Trim(part, "0123456789") == "" {
				years++
			}
		}
		if strings.ContainsAny(w, "–-—") {
			dash = true
		}
	}
	return years >= 2 && dash
}

// originShaped reports a one-word name shaped like an adjective of origin
// ("Austrian", "Italian") that s does not write as the first place of an
// address: "Dorran, Tavaria", "Michigan, United States" and "Milan,
// Italy" end like adjectives of origin and are places, each lying in the
// next.
//
// ats are the places in s where the name stands.
func originShaped(s, name string, ats []int, p *Params) bool {
	if len(strings.Fields(name)) != 1 || !demonymShaped(name) {
		return false
	}
	return !p.HopAddressSeries || !placeCommaAt(s, name, ats)
}

// placeCommaAt is placeComma read at the places ats where name stands in
// s, so that a sentence of many names is not searched again for each.
func placeCommaAt(s, name string, ats []int) bool {
	for _, at := range ats {
		if at < 0 || at+len(name) > len(s) {
			continue
		}
		if r, _ := utf8.DecodeLastRuneInString(s[:at]); at > 0 && wordRune(r) {
			continue // the end of a longer word: "Upper-Tavaria, Ostmark" for "Tavaria"
		}
		rest := s[at+len(name):]
		if after, ok := strings.CutPrefix(rest, ", "); ok {
			if r, _ := utf8.DecodeRuneInString(after); unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}
