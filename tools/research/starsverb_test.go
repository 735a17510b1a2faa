package research

import (
	"slices"
	"testing"
)

// "The film stars X as Y" answers who plays; the noun "star" and a title's
// "Star" do not.
func TestStarsVerb(t *testing.T) {
	plays := questionRelTerms(NewPlan("Which actress played the keeper in Salt Orchard?", nil), nil)
	directs := questionRelTerms(NewPlan("Who directed Salt Orchard?", nil), nil)
	for _, tt := range []struct {
		s    string
		rem  []relTerm
		want bool
	}{
		{"It stars Mira Dell as the keeper and Owen Pratt as her son.", plays, true},
		{"The film stars Mira Dell.", plays, true},
		{"It stars Mira Dell as the keeper.", directs, false}, // no hop asks who plays
		{"Mira Dell is the star of the film.", plays, false},
		{"She was one of the stars of the decade.", plays, false},
		{"He appeared in Star Harbor in 1990.", plays, false},
		{"The night sky stars", plays, false},
		{"", plays, false},
	} {
		if _, got := starsVerb(tt.s, tt.rem); got != tt.want {
			t.Errorf("starsVerb(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// The walk takes the name after "stars" for who plays a part.
func TestWalkReadsStarsAsACastLine(t *testing.T) {
	q := "Who is the spouse of the actress who played in Salt Orchard?"
	pages := [][2]string{
		{"Salt Orchard", "Salt Orchard is a 1990 drama film directed by Tomas Reyl. It stars Mira Dell and was shot in Porto."},
		{"Mira Dell", "Mira Dell (1951–2020) was a stage actress.\n\nHer spouse was the playwright Owen Pratt, whom she married in 1980."},
	}
	r := walkRun(q, pages)
	r.advanceChains(false)
	if got, want := bridges(r.chains[0]), []string{"Mira Dell", "Owen Pratt"}; !slices.Equal(got, want) {
		t.Errorf("bridges %q, want %q", got, want)
	}
	p := defaultParams
	p.HopStarsVerb = false
	r = walkRun(q, pages)
	r.p = &p
	r.advanceChains(false)
	if got := bridges(r.chains[0]); len(got) > 0 && got[0] == "Mira Dell" {
		t.Errorf("rule off: bridges %q, the case does not test the rule", got)
	}
}
