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
			question: "Which is older, Annie Morton or Terry Richardson?", comparison: true,
			entities: []string{"Annie Morton", "Terry Richardson"},
			queries:  []string{"Which is older, Annie Morton or Terry Richardson?", "Annie Morton", "Terry Richardson"},
		},
		{
			question: "Are Local H and For Against both from the United States?", comparison: true,
			entities: []string{"Local H", "For Against"},
		},
		{
			question: `The director of the romantic comedy "Big Stone Gap" is based in what New York city?`,
			entities: []string{"Big Stone Gap", "New York"},
		},
		{
			question: "D1NZ is a series based on what oversteering technique?",
			entities: []string{"D1NZ"},
		},
		{
			question: "What government position was held by the woman who portrayed Corliss Archer in the film Kiss and Tell?",
			entities: []string{"Corliss Archer", "Kiss and Tell"},
			extra:    []string{"Shirley Temple ambassador"},
			queries:  []string{"Shirley Temple ambassador"},
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
	p := NewPlan("According to the 2001 census, what was the population of the city in which Kirton End is located?", nil)
	for _, e := range p.Entities {
		if e == "According" || e == "2001" {
			t.Errorf("entity %q is not a name", e)
		}
	}
	if !slices.Contains(p.Entities, "Kirton End") {
		t.Errorf("entities %q lack Kirton End", p.Entities)
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
