package research

import (
	"regexp"
	"strings"
)

// English names both parents in one phrase: "son of A and B", "daughter of
// A and his wife B", the father first by convention. Such a sentence answers
// a hop that asks for the father (A), the mother (B) or a parent (A) though
// it holds neither word.
var childOf = regexp.MustCompile(`\b(?:son|daughter|child|eldest son|youngest son|eldest daughter|youngest daughter)\s+of\s+`)

// parentsNamed returns the two parents a "son of A and B" sentence names.
func parentsNamed(s string) (father, mother string, ok bool) {
	m := childOf.FindStringIndex(s)
	if m == nil {
		return "", "", false
	}
	rest := s[m[1]:]
	i := strings.Index(rest, " and ")
	if i <= 0 {
		return "", "", false
	}
	a := leadingName(rest[:i])
	after := rest[i+5:]
	for _, pre := range []string{"his wife ", "her husband ", "his consort ", "the "} {
		after = strings.TrimPrefix(after, pre)
	}
	b := leadingName(after)
	if a == "" || b == "" {
		return "", "", false
	}
	return a, b, true
}

// leadingName is the name text starts with (its capitalised run, glosses
// in parentheses and commas ending it), or "".
func leadingName(text string) string {
	for _, n := range bridgeNames(text) {
		if strings.HasPrefix(strings.TrimLeft(text, "\"“ "), n) {
			return n
		}
		break
	}
	return ""
}

// kinHop resolves a father, mother or parent hop from a "son of A and B"
// sentence: the parent asked for and the term used up.
func kinHop(s string, remaining []relTerm) (bridge, term string, ok bool) {
	father, mother, found := parentsNamed(s)
	if !found {
		return "", "", false
	}
	for _, rt := range remaining {
		switch rt.term {
		case stemOf("father"), stemOf("parent"):
			return father, rt.term, true
		case stemOf("mother"):
			return mother, rt.term, true
		}
	}
	return "", "", false
}
