package research

import (
	"slices"
	"testing"
)

// A bridge's search carries the words of the next hop only, read from how
// English nests the hops; with one hop noun left, every word left.
func TestHopQueryWords(t *testing.T) {
	cases := []struct {
		question, anchor string
		consumed         []string // relation words the hops walked so far used up
		want             []string
	}{
		{"Who governs the county sharing a border with the county where Ilse Brandt was born?",
			"Ilse Brandt", []string{"born"}, []string{"county"}},
		{"Which county borders the county that holds the largest city of the state where Morlan Academy is located?",
			"Morlan Academy", []string{"state", "located"}, []string{"largest", "city"}},
		{"Who governs the county sharing a border with the county where the Fenwick Larks were founded?",
			"Fenwick Larks", nil, []string{"county", "founded"}},
		// One hop noun left: every word left, as before.
		{"What is the nationality of the mother of the director of Blue Harbor?",
			"Blue Harbor", []string{"director"}, []string{"nationality", "mother"}},
		{"Where was the director of Blue Harbor born?",
			"Blue Harbor", []string{"director"}, []string{"born"}},
		// The hops follow the anchor: no nesting to read.
		{"Who is Ada Lind's husband's mother?",
			"Ada Lind", nil, []string{"husband's", "mother"}},
	}
	for _, c := range cases {
		p := NewPlan(c.question, nil)
		var used []string
		for _, w := range c.consumed {
			used = append(used, tokens(w)[0])
		}
		rem := without(questionRelTerms(p, nil), used)
		if got := hopQueryWords(c.question, c.anchor, rem); !slices.Equal(got, c.want) {
			t.Errorf("%q after %v: words %q, want %q (left: %q)", c.question, c.consumed, got, c.want, remainingWords(rem))
		}
	}
}

// The walk's search for a bridge that answered a hop carries the next
// hop's words; without the rule, every word left.
func TestHopSearchCarriesTheNextHop(t *testing.T) {
	q := "Who governs the county sharing a border with the county where Ilse Brandt was born?"
	pages := [][2]string{{"Ilse Brandt", "Ilse Brandt (born March 8, 1953 in Marlow) is a retired tennis player."}}
	for _, c := range []struct {
		on   bool
		want string
	}{{true, "Marlow county"}, {false, "Marlow governs county sharing border"}} {
		p := DefaultParams()
		p.HopNextWords = c.on
		r := walkRun(q, pages)
		r.p = &p
		r.queried = map[string]bool{}
		var got []string
		for _, pr := range r.advanceChains(true) {
			got = append(got, pr.Query)
		}
		if !slices.Contains(got, c.want) {
			t.Errorf("rule %v: hop searches %q, want %q", c.on, got, c.want)
		}
	}
}
