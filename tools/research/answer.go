package research

import (
	"regexp"
	"strings"
)

// answerKind is what sort of thing the question asks for, when its wording
// says so: a passage that holds such a thing is likelier to hold the answer.
type answerKind int

const (
	kindAny answerKind = iota
	kindYear
	kindMonth
	kindNumber
	kindPerson
	kindPlace
)

var (
	yearAsk   = regexp.MustCompile(`(?i)\b(when|what year|which year|what decade|in what century|how long ago)\b`)
	monthAsk  = regexp.MustCompile(`(?i)\b(what|which) month\b`)
	numberAsk = regexp.MustCompile(`(?i)\b(how many|how much|how long|how old|how tall|how high|how far|how large|how big|what (?:is|was) the (?:population|number|total|capacity|area|height|length|age)|what number|the\s+(?:[\w-]+\s+){0,2}population|population\s+of)\b`)

	yearCue   = regexp.MustCompile(`\b(1[0-9]{3}|20[0-9]{2})s?\b`)
	numberCue = regexp.MustCompile(`[0-9]|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion)\b`)
	personAsk = regexp.MustCompile(`(?i)^(who|whom|whose)\b|\b(which|what) (person|man|woman|actor|actress|singer|artist|author|writer|director|player|politician)\b`)
	placeAsk  = regexp.MustCompile(`(?i)^where\b|\b(in|at|from) (which|what) (city|country|town|state|place|county|region|province)\b|\b(which|what) (city|country|town|state|county|province)\b`)
	// placeCue: a capitalised name after a preposition of place.
	placeCue = regexp.MustCompile(`\b(in|at|from|near|of)\s+(the\s+)?[A-Z][\p{L}]+`)
	monthCue = regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December)\b`)
)

// answerKindOf reads the kind of answer from the question's wording.
func answerKindOf(question string) answerKind {
	switch {
	case monthAsk.MatchString(question):
		return kindMonth
	case yearAsk.MatchString(question):
		return kindYear
	case numberAsk.MatchString(question):
		return kindNumber
	case personAsk.MatchString(question):
		return kindPerson
	case placeAsk.MatchString(question):
		return kindPlace
	}
	return kindAny
}

// answerCue reports whether text holds something of kind k.
func answerCue(k answerKind, text string) bool {
	switch k {
	case kindYear:
		return yearCue.MatchString(text)
	case kindMonth:
		return monthCue.MatchString(text)
	case kindNumber:
		return numberCue.MatchString(strings.ToLower(text))
	case kindPerson:
		// A full name: two capitalised words in a row, not at the start only.
		for _, n := range capitalSpans(text) {
			if len(strings.Fields(n)) >= 2 && !strings.HasPrefix(text, n) {
				return true
			}
		}
		return false
	case kindPlace:
		return placeCue.MatchString(text)
	}
	return false
}

// answerBonus is added to a sentence's score when it already bears on the
// question and holds the kind of thing asked for: it tips the choice
// between passages (and the sentences a quote keeps) towards the one that
// can answer, without letting a stray date outrank the question's terms.
func (tw *termWeights) answerBonus(sentence string, score float64) float64 {
	if tw == nil || tw.kind == kindAny || score <= 0 {
		return 0
	}
	if answerCue(tw.kind, sentence) {
		return tw.p.AnswerBonus
	}
	return 0
}
