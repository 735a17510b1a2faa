package research

import (
	"slices"
	"strings"
	"testing"
)

func TestNewPlanDecomposes(t *testing.T) {
	tests := []struct {
		question   string
		extra      []string
		comparison bool
		entities   []string // must all be present
		queries    []string // must all be present
	}{
		{
			question: "Which is older, Greta Valdine or Osman Keller?", comparison: true,
			entities: []string{"Greta Valdine", "Osman Keller"},
			queries:  []string{"Which is older, Greta Valdine or Osman Keller?", "Greta Valdine", "Osman Keller"},
		},
		{
			question: "Were Pylon K and Over Under both formed in Canada?", comparison: true,
			entities: []string{"Pylon K", "Over Under"},
		},
		{
			question: `The writer of the stage farce "Harbour Lights Out" grew up in which Ohio town?`,
			entities: []string{"Harbour Lights Out", "Ohio"},
		},
		{
			question: "K9RX is a contest built around which sailing manoeuvre?",
			entities: []string{"K9RX"},
		},
		{
			question: "Which public office did the actress who played Trudy Blake in the film Porch Light later hold?",
			entities: []string{"Trudy Blake", "Porch Light"},
			extra:    []string{"Marian Holloway ambassador"},
			queries:  []string{"Marian Holloway ambassador"},
		},
		{
			// No names: the keyword form is searched instead.
			question: "what is the tallest mountain in the world?",
			queries:  []string{"what is the tallest mountain in the world?", "tallest mountain world"},
		},
	}
	for _, tt := range tests {
		p := NewPlan(tt.question, tt.extra)
		if p.Comparison != tt.comparison {
			t.Errorf("%q: comparison = %v, want %v", tt.question, p.Comparison, tt.comparison)
		}
		for _, e := range tt.entities {
			if !slices.Contains(p.Entities, e) {
				t.Errorf("%q: entities %q lack %q", tt.question, p.Entities, e)
			}
		}
		for _, q := range tt.queries {
			if !slices.Contains(p.Queries, q) {
				t.Errorf("%q: queries %q lack %q", tt.question, p.Queries, q)
			}
		}
		if len(p.Queries) > defaultParams.MaxPlannedQueries {
			t.Errorf("%q: %d queries, more than %d", tt.question, len(p.Queries), defaultParams.MaxPlannedQueries)
		}
		seen := map[string]bool{}
		for _, q := range p.Queries {
			if seen[normQuery(q)] {
				t.Errorf("%q: duplicate query %q", tt.question, q)
			}
			seen[normQuery(q)] = true
		}
	}
}

func TestNewPlanSkipsSentenceInitialWords(t *testing.T) {
	p := NewPlan("According to the 1991 count, how many people lived in the district where Marlow Fen lies?", nil)
	for _, e := range p.Entities {
		if e == "According" || e == "1991" {
			t.Errorf("entity %q is not a name", e)
		}
	}
	if !slices.Contains(p.Entities, "Marlow Fen") {
		t.Errorf("entities %q lack Marlow Fen", p.Entities)
	}
}

// foldKey gives two strings one key exactly when strings.EqualFold holds,
// with the runes whose case-folding orbits hold more than two (K, k and
// the Kelvin sign; s, S and the long s) and invalid bytes.
func TestFoldKeyIsEqualFold(t *testing.T) {
	words := []string{"Kiel", "kiel", "\u212Aiel", "KIEL", "Sund", "\u017Fund", "SUND", "straße", "STRASSE", "Straße", "Σίσυφος", "σίσυφοσ", "ΣΊΣΥΦΟΣ", "\xffa", "\xfea", "", "É", "é"}
	for _, a := range words {
		for _, b := range words {
			if got, want := foldKey(a) == foldKey(b), strings.EqualFold(a, b); got != want {
				t.Errorf("foldKey(%q) == foldKey(%q) is %v, strings.EqualFold %v", a, b, got, want)
			}
		}
	}
	if got := dedupeBy([]string{"Kiel", "Lund", "KIEL", "lund", "Ost"}, foldKey); strings.Join(got, ",") != "Kiel,Lund,Ost" {
		t.Errorf("dedupeBy = %q, want the first of each: Kiel, Lund, Ost", got)
	}
}
