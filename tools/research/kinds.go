package research

import (
	"strings"
)

// What kind of thing a name is (a state, a county, a city, a company...),
// as far as the text read says it. A hop that asks for "the state where X
// is" or "the company that made X" is answered by a name of that kind, not
// by the nearest name: in "X is in Orrin County, Wexland, Ostria" the
// county, the state and the country all sit near the subject.
// The kind is read from the name itself ("Orrin County", "Halden Arms
// Company"), from a title's qualifier ("Wexland (state)"), from the
// head noun of the lead of the name's own page ("Wexland is a state in
// ..."), and from "the state of Wexland" anywhere in the pages read.
// These are rules of English and of how reference pages describe things,
// never a list of places or names.

// kindNouns map the nouns that name a kind of thing to the kind: words of
// one kind are interchangeable in a question ("the town where", "the city
// of") and in a page's description.
var kindNouns = func() map[string]string {
	groups := map[string][]string{
		"country":      {"country", "countries", "nation", "nations"},
		"state":        {"state", "states", "province", "provinces"},
		"county":       {"county", "counties", "parish", "borough"},
		"city":         {"city", "cities", "town", "towns", "village", "villages", "municipality", "community", "suburb", "township", "capital", "capitals"},
		"organization": {"company", "companies", "corporation", "organization", "organisation", "organizations", "firm", "manufacturer", "agency", "institution", "conglomerate", "subsidiary"},
		"university":   {"university", "universities", "college", "colleges"},
		"team":         {"team", "teams", "club", "clubs"},
		"band":         {"band", "bands", "group"},
		"river":        {"river", "rivers"},
		"island":       {"island", "islands"},
		"mountain":     {"mountain", "mountains", "mount", "peak", "range"},
		"film":         {"film", "films", "movie", "movies"},
		"album":        {"album", "albums"},
		"party":        {"party", "parties"},
		"military":     {"navy", "army", "militia", "regiment", "battalion", "brigade", "corps", "fleet"},
	}
	m := map[string]string{}
	for kind, ws := range groups {
		for _, w := range ws {
			m[w] = kind
		}
	}
	return m
}()

// kindOfWord is the kind a word names ("" for none).
func kindOfWord(w string) string { return kindNouns[strings.ToLower(w)] }

// nameKind is the kind a name says of itself: its last word before a
// qualifier is a kind noun ("Columbia County", "Charles University"), or
// its qualifier holds one ("Georgia (U.S. state)").
func nameKind(name string) string {
	if q := qualifier(withoutSite(name)); q != "" {
		ws := strings.Fields(q)
		for i := len(ws) - 1; i >= 0; i-- {
			if k := kindOfWord(strings.Trim(ws[i], ".,")); k != "" {
				return k
			}
		}
	}
	ws := nameWords(bareTitle(name))
	if len(ws) < 2 {
		return ""
	}
	last := ws[len(ws)-1]
	if last == "capital" || last == "capitals" {
		return "" // "Bain Capital": a firm; a capital is called by its own name
	}
	k := kindOfWord(last)
	if placeRank[k] > 0 && strings.HasSuffix(last, "s") {
		// "United States", "Federated States": a union of such places is
		// not one of them.
		return ""
	}
	return k
}

// placeRank orders the kinds of places that hold one another: a city lies
// in a county, a county in a state, a state in a country.
var placeRank = map[string]int{"city": 1, "county": 2, "state": 3, "country": 4}

// kindMismatch reports a name of kind k where the hop asks for kind want.
// A smaller place than the one asked for is a step towards it (a county's
// page names its state), not a wrong answer.
func kindMismatch(want, k string) bool {
	if k == "" || k == want {
		return false
	}
	if rw, rk := placeRank[want], placeRank[k]; rw > 0 && rk > 0 && rk < rw {
		return false
	}
	return true
}

// smallerPlace reports a place of kind k that lies inside places of kind
// want (a city for a county, a county for a state).
func smallerPlace(k, want string) bool {
	return placeRank[k] > 0 && placeRank[want] > placeRank[k]
}

// leadKind is the kind the lead sentence of a name's own page gives it:
// the first kind noun of the phrase after "is a"/"was an"/"is the", before
// the phrase turns to where or of what it is ("Wexland is a state in the
// north of Ostria"; "a union made up of 12 states" names no kind: "states"
// is past "of").
func leadKind(sentence string) string {
	low := " " + strings.ToLower(sentence) + " "
	at := -1
	for _, cop := range []string{" is a ", " is an ", " is the ", " was a ", " was an ", " was the ", " are a ", " were a "} {
		if i := strings.Index(low, cop); i >= 0 && (at < 0 || i < at) {
			at = i + len(cop)
		}
	}
	if at < 0 {
		return ""
	}
	for k, w := range strings.Fields(low[at:]) {
		w = strings.Trim(w, ",;:()\"'")
		if k >= leadKindWords || leadStops[w] {
			break
		}
		if kind := kindOfWord(w); kind != "" {
			return kind
		}
	}
	return ""
}

// leadKindWords: the head noun of "X is a ..." comes within this many words.
const leadKindWords = 8

// leadStops end the head phrase of a description: what follows says where,
// of what or which it is, not what it is.
var leadStops = map[string]bool{
	"of": true, "in": true, "on": true, "at": true, "near": true, "from": true, "by": true, "for": true, "with": true,
	"that": true, "which": true, "who": true, "whose": true, "located": true, "based": true, "situated": true, "and": true, "or": true,
}

// kindIndex answers what kind a name is from the pages read so far. It is
// built per walk, so it depends only on the pages read, in schedule order.
type kindIndex struct {
	r     *run
	cache map[string]string
}

func (r *run) kinds() *kindIndex { return &kindIndex{r: r, cache: map[string]string{}} }

// of is the kind of name in sentence s: what the name says of itself, the
// noun that introduces it in s ("the state of Wexland"), the lead of its
// own page, or "the K of NAME" on a page read.
// ats are the places in s where the name stands.
func (ki *kindIndex) of(name, s string, ats []int) string {
	if k := nameKind(name); k != "" {
		return k
	}
	if k := introducedKindAt(s, name, ats); k != "" {
		return k
	}
	if ki == nil {
		return ""
	}
	k, ok := ki.cache[name]
	if !ok {
		k = ki.fromPages(name)
		ki.cache[name] = k
	}
	if ki.r != nil && ki.r.p != nil && ki.r.p.HopAddressSeries && inLargerPlace(k, name, s, ats) {
		return ""
	}
	return k
}

// inLargerPlace reports that s writes name as the first part of an
// address ("Dorran, Tavaria, United States": each place lies in the next)
// while the pages read make it a country, the largest place: a name
// shared by a country and a smaller place ("Georgia", "Mexico") is, where
// a larger place follows it, the smaller one, of a kind the pages do not
// say. ats are the places in s where the name stands (placeCommaAt, the
// reading originShaped makes of the same address).
func inLargerPlace(k, name, s string, ats []int) bool {
	return k == "country" && placeCommaAt(s, name, ats)
}

func (ki *kindIndex) fromPages(name string) string {
	// The name's own page first: its qualifier, then its lead.
	for level := 3; level >= 2; level-- {
		for _, p := range ki.r.pages {
			if p.status != statusOK || p.reading == nil || titleLevel(p.title, name) != level {
				continue
			}
			if k := nameKind(p.title); k != "" {
				return k
			}
			for _, sp := range sentenceSpans(p.reading.Content) {
				s := p.reading.Content[sp[0]:sp[1]]
				if strings.HasPrefix(s, "#") || isLabel(s) {
					continue
				}
				if k := leadKind(s); k != "" && mentions(s, bareTitle(p.title), true) {
					return k
				}
				break // only the lead describes the page's subject
			}
		}
	}
	for _, p := range ki.r.pages {
		if p.status != statusOK || p.reading == nil {
			continue
		}
		if k := introducedKind(p.reading.Content, name); k != "" {
			return k
		}
	}
	return ""
}

// introducedKind is the kind of place that introduces name in text: "the
// state of Wexland", "the Ostrian state of Tavaria", "the city of Dorran"
// (a kind noun, "of", the name), or follows it in lower case ("New York
// state").
func introducedKind(text, name string) string {
	return introducedKindAt(text, name, occurrences(text, name))
}

// introducedKindAt is introducedKind read at the places ats where name
// stands in text.
func introducedKindAt(text, name string, ats []int) string {
	for _, at := range ats {
		from := at + len(name)
		if from < len(text) {
			if r := text[from]; r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				continue // part of a longer word or name
			}
			// "New York state", "Orange county": a lower-case kind of place
			// right after the name.
			if after := strings.Fields(text[from:min(len(text), from+20)]); len(after) > 0 {
				w := strings.Trim(after[0], ",.;:()")
				if k := kindOfWord(w); placeRank[k] > 0 && w == strings.ToLower(w) && !strings.HasSuffix(w, "s") {
					return k
				}
			}
		}
		before := strings.Fields(strings.ToLower(text[max(0, at-30):at]))
		if n := len(before); n >= 2 && before[n-1] == "of" {
			// Only places are named this way: "the University of X" or
			// "the Bank of X" belongs to X, it does not say what X is.
			if k := kindOfWord(before[n-2]); placeRank[k] > 0 {
				return k
			}
		}
	}
	return ""
}

// personNouns name a person without being a relation of their own: a hop
// that asks for an actress or a physicist is not answered by a city.
var personNouns = map[string]bool{
	"person": true, "man": true, "woman": true, "actor": true, "actress": true, "singer": true, "musician": true,
	"painter": true, "artist": true, "player": true, "politician": true, "scientist": true, "physicist": true,
	"poet": true, "novelist": true, "king": true, "queen": true, "emperor": true, "president": true,
}

// personRelations are the relations whose role noun names a person (a
// maker or a publisher may be a company; a director, an author, a
// composer is someone).
var personRelations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"direct", "create", "write", "compose", "perform", "spouse", "mother", "father", "parent", "child", "sibling"} {
		m[stemOf(w)] = true
	}
	return m
}()

// locateTerm is the term of "located", "situated", "location".
var locateTerm = stemOf("locate")

// locatesKind reports that the next word that names a hop after the kind
// term is "located": "the state where X is located" locates X in the
// state; in "Where is the province that contains X located?" the
// province's own clause ("contains") comes first, and "located" asks
// where the province is.
func locatesKind(remaining []relTerm, kindTerm string) bool {
	for i, rt := range remaining {
		if rt.term != kindTerm {
			continue
		}
		for _, nx := range remaining[i+1:] {
			if nx.optional {
				continue
			}
			return nx.term == locateTerm
		}
	}
	return false
}

// kindSomeone is the kind of a hop that asks for someone.
const kindSomeone = "person"

// wantedKind is the kind the innermost hop still waiting asks for, with
// the term that asks it: of the words left, the last (in the question's
// order: "the county where the city in the state where X is" asks for the
// state first) that names a kind of thing or a person. "" when the words
// left name no kind.
func wantedKind(remaining []relTerm) (kind, term string) {
	for i := len(remaining) - 1; i >= 0; i-- {
		rt := remaining[i]
		lw := strings.ToLower(rt.word)
		if personNouns[lw] {
			return kindSomeone, rt.term // "the person who": optional as a word, not as a kind
		}
		if rt.optional || rt.describes {
			continue
		}
		if k := kindOfWord(rt.word); k != "" {
			return k, rt.term
		}
		if isRole(lw) && personRelations[rt.term] {
			return kindSomeone, rt.term
		}
	}
	return "", ""
}
