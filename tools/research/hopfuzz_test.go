package research

import (
	"strings"
	"testing"
)

// FuzzHopReadings: the readings of a question's chain and of a page's
// sentence take any text without a panic, and a bridge they name is
// text of the sentence.
func FuzzHopReadings(f *testing.F) {
	for _, seed := range [][2]string{
		{"Who is the spouse of the actress who voiced the sea witch in Harbor Tales 3?", "Down in the bay an old Sea Witch (voiced by Wendla Sarn) schemes."},
		{"Which state holds the town sharing a border with the capital of the province where Edda Morn died?", "Jon Pell (1842 – 1887) was a butcher from Marlow, Wexland."},
		{"  , what is the county where Dunmore, New Caledon is located?", "Ruth Ambry (born Ruth Mary Calder; 5 May 1913) was an English actress."},
		{"Where was the actor who plays bramble in Vixen and the Lantern born?", "Mara Quell as Fen Dario Lusk as Bramble (Ilse Brandt"},
		{"Do both directors of films Tide: For Love of Salt and Far Home – The Life & Songs have one nationality?", "Harbor Lights Poster Directed by Ada Lind Based on Harbor Lights by Ines Varga"},
		{"Who directed season 8 of the show whose host has the same nationality as the Frankish king who formed Lorn?", "Season 8 of Lorn Nights (2014) was directed by Ada Lind."},
		{"", ""},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, q, s string) {
		p := NewPlan(q, nil)
		decompose(p) // the chain's readings: "the same N as", "season 8 of", an adjective of origin
		rem := questionRelTerms(p, nil)
		for _, e := range p.Entities {
			chainHops(q, e)
			hopQueryWords(q, e, rem)
		}
		if b, _, ok := castPerformer(s, rem, p.Entities); ok {
			if b == "" {
				t.Errorf("castPerformer found an empty performer in %q", s)
			}
			for _, w := range strings.Fields(b) {
				if !strings.Contains(s, w) {
					t.Errorf("castPerformer named %q, whose word %q is not in %q", b, w, s)
				}
			}
		}
		for _, w := range []string{"Sea", "Witch", "Marlow", "English"} {
			originAdjective(s, w)
			lifeSpanAfter(s, w)
			placeComma(s, w)
		}
		for at := -1; at <= len(s); at++ {
			birthNameAt(s, at)
		}
		params := DefaultParams()
		resolveHop(s, "Marlow", true, rem, p.Entities, nil, nil, nil, &params)
		starsVerb(s, rem)
		for _, w := range []string{"Sea", "Marlow", "Wexland"} {
			originShaped(s, w, occurrences(s, w), &params)
			inLargerPlace("country", w, s, occurrences(s, w))
		}
		// In hop order: the words after the first wait for later hops.
		ordered := make([]relTerm, len(rem))
		for i, rt := range rem {
			rt.later = i > 0
			ordered[i] = rt
		}
		_, later := splitLater(ordered)
		st, _ := resolveHop(s, "Marlow", true, ordered, p.Entities, nil, nil, nil, &params)
		for _, b := range []string{st.Bridge, "Marlow", "Sea Witch"} {
			for _, term := range describedAfter(s, b, later) {
				found := false
				for _, rt := range later {
					found = found || rt.term == term
				}
				if !found {
					t.Errorf("describedAfter(%q, %q) gave %q, no later hop's term", s, b, term)
				}
			}
		}
		// A name the sentence gives starts where it is said (a gloss
		// blanked inside it may change its middle).
		for _, n := range bridgeNamesAt(s) {
			if f := strings.Fields(n.name); n.at < 0 || n.at > len(s) || len(f) == 0 || !strings.HasPrefix(s[n.at:], f[0]) {
				t.Errorf("bridgeNamesAt(%q): %q at %d is not where it stands", s, n.name, n.at)
			}
		}
		for _, side := range p.Sides {
			if side == "" {
				t.Errorf("NewPlan(%q): an empty side in %q", q, p.Sides)
			}
		}
	})
}
