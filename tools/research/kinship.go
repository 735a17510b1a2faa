package research

import (
	"regexp"
	"sort"
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
	names := bridgeNames(text)
	if len(names) > 0 && strings.HasPrefix(strings.TrimLeft(text, "\"“ "), names[0]) {
		return names[0]
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

// expandKinWords rewrites the kinship compounds of question into the hops
// they stand for ("maternal grandmother" → "mother mother", a
// mother-in-law is the spouse's mother) and returns the words so added:
// each is a hop of its own even when it repeats.
func expandKinWords(question string) (string, map[string]bool) {
	low := strings.ToLower(question)
	kin := map[string]bool{}
	// Longest compounds first: "maternal grandfather" before "grandfather".
	keys := make([]string, 0, len(kinCompounds))
	for k := range kinCompounds {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if len(keys[i]) != len(keys[j]) {
			return len(keys[i]) > len(keys[j])
		}
		return keys[i] < keys[j]
	})
	for _, k := range keys {
		for {
			i := strings.Index(low, k)
			if i < 0 {
				break
			}
			end := i + len(k)
			if (i > 0 && isWordRune(low[i-1])) || (end < len(low) && isWordRune(low[end])) {
				break
			}
			rep := strings.Join(kinCompounds[k], " ")
			for _, w := range kinCompounds[k] {
				kin[w] = true
			}
			low = low[:i] + rep + low[end:]
			question = question[:i] + rep + question[end:]
		}
	}
	return question, kin
}

func isWordRune(c byte) bool {
	return c == '-' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
}
