package research

import "testing"

// Three shapes of English that nest a lookup, in questions written for
// this test: a part numbered after its noun ("season 8 of X"), a value
// shared with another thing ("the same nationality as Y"), and a relative
// clause whose noun an adjective qualifies ("the Ostrian king who founded
// X"). Each case says the hops innermost first; without the rule each
// question folds into fewer hops (the "old" column says how, so the case
// tests the rule; checked against main at 5d48918).
func TestDecomposeHopPhrases(t *testing.T) {
	for _, tt := range []struct{ q, want, old string }{
		// a numbered part of a series is one hop from the series
		{"In which county was season 3 of Harbor Lights filmed?", "season 3 of Harbor Lights > county filmed",
			"county season 3 filmed"},
		{"Who directed episode 12 of The Grey Orchard?", "episode 12 of The Grey Orchard > directed", "directed episode 12"},
		{"Which county borders the county where the largest city in the state where part 2 of Varn Saga was shot lies?",
			"part 2 of Varn Saga > shot > largest city > lies > county borders",
			"county borders county largest city state part 2 shot lies"},
		// a number after a word that numbers no part counts things: no hop
		{"What is the capital of the country that won 3 of the Orvane Cups?", "capital country won 3", "capital country won 3"},
		// the same N as Y: Y's N, then what is asked of it
		{"What is the average wage of a worker of the same nationality as the author of Grey Lantern?",
			"author of Grey Lantern > nationality > worker > average wage", "author of Grey Lantern > average wage worker nationality"},
		{"Which river crosses the city in the same province as Lake Orvane?", "province of Lake Orvane > city > river crosses",
			"river crosses city province"},
		// a comparison's "the same N" has no "as": its sides stay
		{"Are Ada Lind and Ivo Brandt of the same nationality?", "0: of Ada Lind > 1: of Ivo Brandt", "0: of Ada Lind > 1: of Ivo Brandt"},
		// an adjective of origin before a relative clause's noun: the
		// chain runs through the clause, not from the adjective
		{"Who was the father of the Ostrian king who founded Varnholm?", "founded of Varnholm > father", "father of Ostrian > king founded"},
		{"Where was the rock band that recorded Blue Halden formed?", "recorded of Blue Halden > formed", "rock band recorded formed"},
		// the word before a relative word must be a noun, not "from"
		{"What was the tongue from which the surname Orlen came during the era of the Tavarian king who united Ostmark?",
			"united of Ostmark > era > tongue surname came", "era of Tavarian > tongue surname came king united"},
	} {
		p := NewPlan(tt.q, nil)
		if got := hopString(p.Hops); got != tt.want {
			t.Errorf("decompose(%q) = %q, want %q (entities %q)", tt.q, got, tt.want, p.Entities)
		}
	}
}
