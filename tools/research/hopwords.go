package research

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Which relation words of a question a hop chain must use up. A chain is
// walked until every word that names a hop (a role: "director", "county";
// an event: "born", "located") has been answered. Words that only qualify
// a hop or its answer do not name a hop of their own, and a chain waiting
// for them never ends: modifiers ("famous", "widely", "largest"), light
// verbs ("see", "came", "known as"), nouns that stand for any answer
// ("person", "people") and numbers. They still count towards choosing the
// answering sentence and ride along in the searches; they are just not
// waited for. These are facts of English word formation, not of any page.

// lightVerbs carry little meaning of their own; the noun or name next to
// them says what is asked.
var lightVerbs = map[string]bool{
	"see": true, "seen": true, "saw": true, "come": true, "comes": true, "came": true, "go": true, "goes": true, "went": true,
	"get": true, "gets": true, "got": true, "take": true, "takes": true, "took": true, "taken": true, "give": true, "gave": true,
	"know": true, "known": true, "knows": true, "call": true, "called": true, "become": true, "became": true, "becomes": true,
	"happen": true, "happened": true, "happens": true, "occur": true, "occurs": true, "occurred": true, "consider": true,
	"considered": true, "refer": true, "referred": true, "use": true, "used": true, "uses": true, "put": true, "keep": true,
	"kept": true, "hold": true, "holds": true, "say": true, "said": true, "think": true, "thought": true, "want": true,
	"exist": true, "exists": true, "existed": true, "like": true, "live": true, "lives": true, "lived": true,
}

// genericNouns stand for whatever the answer is ("the person who", "which
// people"): the hop is named by the verb or noun next to them.
var genericNouns = map[string]bool{
	"person": true, "persons": true, "people": true, "someone": true, "somebody": true, "thing": true, "things": true,
	"one": true, "ones": true, "individual": true, "entity": true, "kind": true, "type": true, "sort": true, "part": true,
}

// degreeWords grade a noun ("most populous", "largest") without naming a
// relation; common superlatives and comparatives.
var degreeWords = map[string]bool{
	"most": true, "least": true, "more": true, "less": true, "largest": true, "biggest": true, "smallest": true,
	"oldest": true, "youngest": true, "longest": true, "shortest": true, "highest": true, "lowest": true,
	"greatest": true, "best": true, "worst": true, "first": true, "last": true, "main": true, "major": true,
	"same": true, "other": true, "current": true, "original": true, "new": true, "old": true, "young": true,
	"later": true, "earlier": true, "also": true, "still": true, "ever": true, "now": true, "then": true,
	"top": true, "average": true, "common": true, "popular": true, "total": true, "whole": true,
	"second": true, "third": true, "fourth": true, "fifth": true, "sixth": true, "seventh": true, "eighth": true,
	"ninth": true, "tenth": true,
}

// modifierSuffixes end English adjectives and adverbs ("famous",
// "widely", "professional" is not here: too many nouns end in -al).
var modifierSuffixes = []string{"ly", "ous", "ful", "ive", "able", "ible", "less", "ical"}

// optionalWord reports a relation word of the question that qualifies a
// hop rather than names one (see above).
func optionalWord(w string) bool {
	l := strings.ToLower(w)
	if lightVerbs[l] || genericNouns[l] || degreeWords[l] {
		return true
	}
	if r, _ := utf8.DecodeRuneInString(l); unicode.IsDigit(r) {
		return true // "season 8", "rx 350": a number qualifies a name
	}
	if ts := tokens(l); len(ts) == 1 && isRelation(ts[0]) {
		return false // "directed", "birth": a relation even when shaped like a modifier
	}
	if lyNouns[l] {
		return false
	}
	for _, suf := range modifierSuffixes {
		if strings.HasSuffix(l, suf) && len(l) >= len(suf)+3 {
			return true
		}
	}
	return false
}

// lyNouns are common nouns that end like adverbs.
var lyNouns = map[string]bool{
	"family": true, "assembly": true, "supply": true, "ally": true, "monopoly": true, "anomaly": true,
	"butterfly": true, "rally": true, "reply": true, "lily": true, "holly": true, "dragonfly": true,
}

// beFound: "where X can be found" asks where X is, not who founded it.
var beFound = regexp.MustCompile(`(?i)\b(be|been|is|are|was|were)\s+found\b`)

// rewriteBeFound turns "be found" into "be located" (the stem of "found"
// is that of "founded").
func rewriteBeFound(q string) string { return beFound.ReplaceAllString(q, "$1 located") }
