package research

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// English writes an address from the smallest place to the largest, each
// lying in the next: "Dorran, Tavaria, United States" is a town, its
// state and its country. When the pages read say nothing of the kind of
// its places (a town or a state with no page of its own), the order still
// does: in a series of three places the first is the town, the last the
// country, and the one between them the state. A hop asking for a state
// then takes the middle name, not the country that ends the series and
// has a page of its own. A series of two ("Dorran, Tavaria") says less:
// the larger may be a state or a country, so it is left to the pages.

// addressPlaces are the places of the address series that holds the name
// standing at byte offset at in s, smallest first, and the name's index
// among them; nil when the name is in no series of three to
// maxAddressPlaces places led by a preposition of place ("licensed to",
// "born in"): a longer series, or one after another word, is a list
// ("starring Ann Lee, Bo Dahl, Cy Varn"), not an address.
func addressPlaces(s string, at int, name string) ([]string, int) {
	if at < 0 || at+len(name) > len(s) || name == "" || s[at:at+len(name)] != name {
		return nil, -1
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:at]); at > 0 && wordRune(r) {
		return nil, -1 // the end of a longer word
	}
	// Back over the places before the name: each ends with ", ".
	places := []string{name}
	idx, first := 0, at
	for len(places) <= maxAddressPlaces {
		prev, from, ok := placeBefore(s, first)
		if !ok {
			break
		}
		places = append([]string{prev}, places...)
		idx++
		first = from
	}
	// On over the places after it.
	for end := at + len(name); len(places) <= maxAddressPlaces; {
		next, to, ok := placeAfter(s, end)
		if !ok {
			break
		}
		places = append(places, next)
		end = to
	}
	if len(places) < 3 || len(places) > maxAddressPlaces || !placePrepositions[strings.ToLower(wordBefore(s, first))] {
		return nil, -1
	}
	return places, idx
}

// maxAddressPlaces is the most places an address holds (town, county,
// state, country and one more); a longer comma series is a list.
const maxAddressPlaces = 5

// placePrepositions lead an address: "licensed to", "born in", "based
// at", "moved from", "near".
var placePrepositions = map[string]bool{"in": true, "at": true, "to": true, "from": true, "near": true}

// maxPlaceWords is the most words one place of an address holds ("Bleckley
// County", "New South Wales"); maxPlaceBytes bounds the text read for one
// place, so that a sentence of many names is not read again for each.
const (
	maxPlaceWords = 4
	maxPlaceBytes = 96
)

// wordBefore is the word right before byte offset at of s (one space
// between), "" if none.
func wordBefore(s string, at int) string {
	head, ok := strings.CutSuffix(s[:at], " ")
	if !ok {
		return ""
	}
	lo := runeCeil(head, max(0, len(head)-maxPlaceBytes))
	ws := wordSpans(head[lo:])
	if len(ws) == 0 || lo+ws[len(ws)-1][1] != len(head) {
		return ""
	}
	w := ws[len(ws)-1]
	return head[lo+w[0] : lo+w[1]]
}

// placeAfter is the place right after ", " at byte offset end of s: a run
// of capitalised words (with "and"/"of"/"the" inside, never at either
// end), and where it ends.
func placeAfter(s string, end int) (string, int, bool) {
	rest, ok := strings.CutPrefix(s[end:], ", ")
	if !ok {
		return "", 0, false
	}
	base := end + 2
	hi := runeFloor(rest, min(len(rest), maxPlaceBytes))
	win := rest[:hi]
	words := wordSpans(win)
	n, stop := 0, 0
	for i, w := range words {
		if i >= maxPlaceWords || (i > 0 && !nameGap(win[words[i-1][1]:w[0]])) {
			break
		}
		word := win[w[0]:w[1]]
		if !upperInitial(word) {
			if i == 0 || !placeJoiners[word] {
				break
			}
			continue
		}
		n, stop = i+1, w[1]
	}
	if n == 0 || words[0][0] != 0 {
		return "", 0, false
	}
	return rest[:stop], base + stop, true
}

// placeBefore is the place that ends with ", " right before byte offset
// start of s, and where it starts.
func placeBefore(s string, start int) (string, int, bool) {
	head, ok := strings.CutSuffix(s[:start], ", ")
	if !ok {
		return "", 0, false
	}
	lo := runeCeil(head, max(0, len(head)-maxPlaceBytes))
	win := head[lo:]
	words := wordSpans(win)
	from := -1
	for k := 0; k < maxPlaceWords && k < len(words); k++ {
		i := len(words) - 1 - k
		w := words[i]
		if i+1 < len(words) && !nameGap(win[w[1]:words[i+1][0]]) {
			break
		}
		if k == 0 && w[1] != len(win) {
			return "", 0, false
		}
		word := win[w[0]:w[1]]
		if !upperInitial(word) {
			if k == 0 || !placeJoiners[word] {
				break
			}
			continue
		}
		from = lo + w[0]
	}
	if from < 0 {
		return "", 0, false
	}
	return head[from:], from, true
}

// placeJoiners are the lower-case words a place's name holds inside it
// ("Trinidad and Tobago", "Isle of Man", "Stratford-upon-Avon").
var placeJoiners = map[string]bool{"and": true, "of": true, "the": true, "on": true, "upon": true}

// nameGap reports what may stand between two words of one place's name:
// a space, a hyphen ("Winston-Salem"), an apostrophe ("Kell's
// Point"), a full stop ("St. Albans").
func nameGap(g string) bool {
	switch g {
	case " ", "-", "'", "’", ". ", "'s ", "’s ":
		return true
	}
	return false
}

// upperInitial reports a word starting with a capital letter (isCap also
// takes a year, which ends an address's places: "Dorran, Tavaria, 1921").
func upperInitial(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// addressKindAt is addressKind at the first of the places ats where the
// name stands in s that lies in a series.
func addressKindAt(s, name string, ats []int) string {
	for _, at := range ats {
		if k := addressKind(s, at, name); k != "" {
			return k
		}
	}
	return ""
}

// addressKind is the kind of place the order of its address gives the
// name standing at byte offset at in s: "city" first, "country" last,
// "state" right before the country; "" outside a series of three or more,
// or for a place between a county and a state, whose kind the order alone
// does not fix.
func addressKind(s string, at int, name string) string {
	places, idx := addressPlaces(s, at, name)
	switch n := len(places); {
	case n < 3:
		return ""
	case idx == 0:
		return "city"
	case idx == n-1:
		return "country"
	case idx == n-2:
		return "state"
	}
	return ""
}
