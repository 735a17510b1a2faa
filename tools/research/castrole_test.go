package research

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

// rel builds the relation words of a question as the walk holds them.
func rel(words ...string) []relTerm {
	var out []relTerm
	for _, w := range words {
		out = append(out, relTerm{term: tokens(w)[0], word: w, w: 1})
	}
	return out
}

func TestCastPerformer(t *testing.T) {
	cases := []struct {
		name, s   string
		remaining []relTerm
		names     []string
		want      string
		terms     []string // words of remaining the line answers
	}{
		{"performer as part, part in lower case in the question",
			"Mara Quell as Fen Dario Lusk as Bramble Ilse Brandt as Old Mag Tomas Vey as The Miller",
			rel("actor", "plays", "bramble", "character", "film"), []string{"Vixen and the Lantern"},
			"Dario Lusk", []string{"actor", "plays", "bramble"}},
		{"performer as part, the part a name of the question",
			"The film starred Ada Moray as Scarlett and Ivo Renn as Rhett.",
			rel("spouse", "actress", "plays"), []string{"Scarlett", "Wind Over Carrow"},
			"Ada Moray", []string{"actress", "plays"}},
		{"an opening verb is not part of the name",
			"Starring Ada Moray as Scarlett, the film opened in 1939.",
			rel("spouse", "actress", "plays"), []string{"Scarlett"},
			"Ada Moray", []string{"actress", "plays"}},
		{"part (voiced by performer)",
			"Down in the bay an old Sea Witch (voiced by Wendla Sarn) schemes against the twins.",
			rel("spouse", "woman", "voiced", "sea", "witch"), []string{"Harbor Tales 3"},
			"Wendla Sarn", []string{"voiced", "sea", "witch"}},
		{"part (performer)",
			"Among them are Hylos (Nigel Brand), Orvan (Pete Cole), and Acastor, sent by his father.",
			rel("actor", "played", "hylos"), nil,
			"Nigel Brand", []string{"actor", "played", "hylos"}},
		{"performer reprising a role as part",
			"Filming began in Marlow in May, Dario Lusk reprising his role as Sable for the third time.",
			rel("spouse", "actor", "voices"), []string{"Sable", "Marlow Heist movie"},
			"Dario Lusk", []string{"actor", "voices"}},
		{"performer in the role of part",
			"The revival cast Ada Moray in the role of Corla for its tour.",
			rel("husband", "actress", "plays"), []string{"Corla"},
			"Ada Moray", []string{"actress", "plays"}},
		{"a role with no one before it",
			"The role as Sable was written for the stage in 1901.",
			rel("spouse", "actor", "voices"), []string{"Sable"}, "", nil},
		{"no performer asked: the line is no answer",
			"Mara Quell as Fen Dario Lusk as Bramble.",
			rel("director", "film"), nil, "", nil},
		{"a part the question does not ask",
			"Mara Quell as Fen Dario Lusk as Bramble.",
			rel("actor", "plays", "tod"), nil, "", nil},
		{"an alias is no cast line",
			"The mill, known as Bramble, is played at fairs.",
			rel("actor", "plays", "bramble"), nil, "", nil},
		{"a gloss that is not a personal name",
			"The Grey Fox (1982) is played at festivals.",
			rel("actor", "plays", "grey", "fox"), nil, "", nil},
		{"the performer a name of the question already",
			"Ada Moray as Scarlett.",
			rel("actress", "plays"), []string{"Scarlett", "Ada Moray"}, "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, terms, ok := castPerformer(c.s, c.remaining, c.names)
			if got != c.want || ok != (c.want != "") {
				t.Fatalf("castPerformer = %q, %v; want %q", got, ok, c.want)
			}
			var want []string
			for _, w := range c.terms {
				want = append(want, tokens(w)[0])
			}
			if !slices.Equal(terms, want) {
				t.Errorf("terms = %v, want %v", terms, want)
			}
		})
	}
}

// The walk takes the performer a cast line gives as the bridge of a hop
// asking who plays a part, and goes on from the performer; without the
// rule the performer is not the bridge (the part is, the nearest name to
// the words, or no name at all).
func TestWalkTakesThePerformerOfThePart(t *testing.T) {
	cases := []struct {
		question string
		pages    [][2]string
		want     string // the first hop's bridge with the rule
	}{
		{"Who is the spouse of the actress who voiced the sea witch in Harbor Tales 3?",
			[][2]string{{"Harbor Tales 3", "Harbor Tales 3 is a 2011 animated film. Down in the bay an old Sea Witch (voiced by Wendla Sarn) schemes to sink the ferry."}},
			"Wendla Sarn"},
		{"Where was the actor who plays bramble in Vixen and the Lantern born?",
			[][2]string{{"Vixen and the Lantern", "Vixen and the Lantern is a 1981 animated film about Fen, a young vixen, and Bramble, the farm's old hound. Mara Quell as Fen Dario Lusk as Bramble Ilse Brandt as Old Mag Tomas Vey as The Miller"}},
			"Dario Lusk"},
	}
	for _, c := range cases {
		for _, on := range []bool{true, false} {
			p := DefaultParams()
			p.HopCastRole = on
			r := walkRun(c.question, c.pages)
			r.p = &p
			r.advanceChains(false)
			if len(r.chains) == 0 || len(r.chains[0].steps) == 0 {
				t.Fatalf("%q: no hop walked", c.question)
			}
			got := r.chains[0].steps[0].Bridge
			if on && got != c.want {
				t.Errorf("%q: first bridge %q, want %q", c.question, got, c.want)
			}
			if !on && got == c.want {
				t.Errorf("%q: without the rule the first bridge is %q too: the case does not test it", c.question, got)
			}
		}
	}
}

// castWeb: a film whose cast line names the performer of the part in a
// parenthesis, the performer's page (her spouse), and pages about the
// part itself, which share the question's words.
var castWeb = []miniweb.Page{
	{Title: "Harbor Tales 3", Sentences: []string{"Harbor Tales 3 is a 2011 animated film, the last of the Harbor Tales.",
		" Down in the bay an old Sea Witch (voiced by Wendla Sarn) schemes to sink the ferry that carries the twins."}},
	{Title: "Wendla Sarn", Sentences: []string{"Wendla Sarn (born 1958) is an English actress, comedian and writer.", " She has been married to the comedian Rolf Ingram since 1985."}},
	{Title: "Sea Witch", Sentences: []string{"The Sea Witch is a figure of sailors' tales, a witch who lives under the sea and trades in storms.", " In some tales she is the spouse of a drowned king."}},
	{Title: "Rolf Ingram", Sentences: []string{"Rolf Ingram (born 1957) is an English comedian and musician."}},
}

// castFiller are pages that share the question's words and outrank the
// performer's page for the question: the first wave reads them, so her
// page is reached only through the hop's own search.
func castFiller() []miniweb.Page {
	var out []miniweb.Page
	for _, n := range []string{"Aldmere", "Brisk", "Corvel", "Dunlow", "Eskar", "Fallow", "Gorran", "Hestle", "Ivel", "Jorvik"} {
		out = append(out, miniweb.Page{Title: n + " Sea Tale", Sentences: []string{
			"In the " + n + " sea tale the sea witch voiced a curse on the spouse of the woman in the tale.",
			" The tale of " + n + " is told of many a sea witch by the spouse of a woman."}})
	}
	return out
}

func TestRunSearchesThePerformerOfThePart(t *testing.T) {
	srv, _ := startPagesWeb(t, append(castFiller(), castWeb...))
	req := Request{Question: "Who is the spouse of the actress who voiced the sea witch in Harbor Tales 3?", MaxPages: 9, TimeBudget: 30 * time.Second}
	on, off := runOnAndOff(t, srv, req, func(p *Params) { p.HopCastRole = false })
	for _, tt := range []struct {
		rule bool
		res  *Result
	}{{true, on}, {false, off}} {
		searched := slices.ContainsFunc(tt.res.Queries, func(q string) bool { return strings.HasPrefix(q, "Wendla Sarn spouse") })
		if searched != tt.rule {
			t.Errorf("rule %v: the performer searched with the next hop = %v; queries %q", tt.rule, searched, tt.res.Queries)
		}
	}
}
