package research

import (
	"strings"
	"unicode/utf8"
)

// An adjective of origin ("Austrian physicist", "an English actress",
// "traditional African religion", "Russian-born") says where someone or
// something comes from. It is the answer of a hop only when the hop asks
// for an origin (a nationality, a language, a people, a country); a hop
// asking for a person, a state, a company or a religion takes the thing
// of that kind, and an adjective beside it only qualifies it. These are
// rules of English word order: an adjective stands before the noun it
// qualifies, a place's name stands where a noun does ("born in Milan",
// "Japan is").

// originTerms are the terms of the nouns that ask for an origin.
var originTerms = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"nationality", "citizenship", "citizen", "language", "languages", "tongue", "ethnicity", "ethnic", "origin", "descent", "ancestry", "heritage", "demonym"} {
		m[stemOf(w)] = true
	}
	return m
}()

// originAsked reports that the innermost hop still open may be answered
// by an adjective of origin: it asks for a country, or for no kind of
// thing and one of the words left asks for an origin ("the nationality
// of", "the language of"). A hop asking for someone or a kind of thing
// other than a country is not.
func originAsked(remaining []relTerm) bool {
	switch wk, _ := wantedKind(remaining); wk {
	case "country":
		return true
	case "":
		for _, rt := range remaining {
			if !rt.optional && originTerms[rt.term] {
				return true
			}
		}
	}
	return false
}

// occurrences are the byte offsets of name in s, each after the last.
func occurrences(s, name string) []int {
	var ats []int
	for from := 0; from < len(s) && name != ""; {
		i := strings.Index(s[from:], name)
		if i < 0 {
			break
		}
		ats = append(ats, from+i)
		from += i + len(name)
	}
	return ats
}

// standsAt is the first byte offset where name stands in s as whole
// words (no letter, digit or hyphen touching it), or -1: "Lind" in
// "Lindholm met Lind" stands at 13, not inside "Lindholm".
func standsAt(s, name string) int {
	for _, at := range occurrences(s, name) {
		if wholeWordsAt(s, at, at+len(name)) {
			return at
		}
	}
	return -1
}

// wholeWordsAt reports that s[at:end] is whole words of s: no letter,
// digit or hyphen touches it on either side (punctuation may).
func wholeWordsAt(s string, at, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:at])
	after, _ := utf8.DecodeRuneInString(s[end:])
	return (at == 0 || !wordRune(before)) && (end == len(s) || !wordRune(after))
}

// originAdjectiveAt reports that one-word name stands in s, at one of
// the places ats, as an adjective
// of origin: shaped like one, and right before the word it qualifies, a
// lower-case word that is not a function word ("Austrian physicist",
// "English theatre and screen actress") or a hyphen's compound
// ("Russian-born"). A place's name in a noun's place ("born in Milan",
// "Japan is a country", "Milan, Italy") is not.
func originAdjectiveAt(s, name string, ats []int) bool {
	if len(strings.Fields(name)) != 1 || !demonymShaped(name) {
		return false
	}
	for _, at := range ats {
		end := at + len(name)
		if r, _ := utf8.DecodeLastRuneInString(s[:at]); at > 0 && wordRune(r) {
			continue // the end of a longer word
		}
		if end < len(s) && s[end] == '-' && end+1 < len(s) && wordRune(rune(s[end+1])) {
			return true // "Russian-born", "African-American"
		}
		if end >= len(s) || s[end] != ' ' {
			continue // a full stop, a comma, a longer word: not before a noun
		}
		// The word after, read in a window of its first bytes: longer
		// than any function word, so a word cut by it reads the same,
		// and the sentence is not read again at each use of the name.
		win := runeFloor(s, min(len(s), end+nextWordWindow))
		ws := wordSpans(s[end:win])
		if len(ws) == 0 {
			continue
		}
		if next := s[end+ws[0][0] : end+ws[0][1]]; ws[0][0] == 1 && !isCap(next) && !isStopWord(next) && !connectors[strings.ToLower(next)] {
			return true
		}
	}
	return false
}

// nextWordWindow is how many bytes after a name originAdjectiveAt reads
// for the word that follows it.
const nextWordWindow = 64

// birthNameAt reports a name at byte offset at that is the subject's own
// name at birth: right after a bare "born" or "née" ("(born Ruth Mary
// Calder; 1913 – 1967)", "Ann Lee (née Ann Marsh)", "she was born Ann
// Marsh"), not after "born in" or "born on", which lead to where and when.
// A compound's "-born" ("Russian-born American") is an origin, not a name.
func birthNameAt(s string, at int) bool {
	if at <= 0 {
		return false
	}
	before := strings.ToLower(s[max(0, at-8):at])
	for _, m := range []string{"born ", "née "} {
		if !strings.HasSuffix(before, m) {
			continue
		}
		i := len(before) - len(m)
		if i == 0 {
			return at == len(before) // "born" opens the sentence
		}
		r, _ := utf8.DecodeLastRuneInString(before[:i])
		return !wordRune(r)
	}
	return false
}
