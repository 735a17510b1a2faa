package research

import (
	"testing"
)

// A chain whose only page names the question's person at a sentence's end
// starts on that page; and a hop asking for a place takes the place of an
// office or an institution the sentence names nearest the subject ("the 57th Lieutenant Governor of Tavaria serving
// under Governor Ada Lind").
func TestWalkStartsFromAnOfficeHoldersMention(t *testing.T) {
	// The page names the question's person only at its end, after a
	// soldier's regiment and war and the office whose place is asked. No word
	// of it is the hop's "state": the office says the place (a page with
	// "States" in an army's name once started the chain by that word alone).
	const lieutenantPage = "Tom Ork (1821 – 1879) led a cavalry brigade of the Brenna Hussars in the Great Northern War, grew rice on the coast after it, and was the 57th Lieutenant Governor of Tavaria serving under Governor Ada Lind."

	for _, tt := range []struct {
		name, question string
		pages          [][2]string
		bridge         string
		off            func(*Params) // a rule the case needs: with it off, the walk takes another bridge
	}{
		{
			name:     "a name before the full stop, the office's place nearest it",
			question: "What is the capital of the state where Ada Lind died?",
			pages:    [][2]string{{"Tom Ork", lieutenantPage}},
			bridge:   "Tavaria",
			off:      func(p *Params) { p.HopLooseMention = false },
		},
		{
			name:     "the nearest name before the subject, not the first",
			question: "What is the capital of the state where Ada Lind died?",
			pages:    [][2]string{{"Tom Ork", lieutenantPage}},
			bridge:   "Tavaria",
			off:      func(p *Params) { p.HopNearestBefore = false },
		},
		{
			name:     "the office's place, not the office",
			question: "What is the capital of the state where Ada Lind died?",
			pages:    [][2]string{{"Tom Ork", lieutenantPage}},
			bridge:   "Tavaria",
			off:      func(p *Params) { p.HopInstitutionPlace = false },
		},
		{
			name:     "a member of a place's senate is of that place",
			question: "What is the capital of the state where Ada Lind was born?",
			pages: [][2]string{{"Ada Lind",
				"Lind was a member of the Tavaria Senate in 1781 and 1782 and a member of the Tavaria House of Representatives 1786–1788. She died in Dorran in 1807."}},
			bridge: "Tavaria",
			off:    func(p *Params) { p.HopInstitutionPlace = false },
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, on := range []bool{true, false} {
				r := walkRun(tt.question, tt.pages)
				p := *r.p
				if !on {
					tt.off(&p)
				}
				r.p = &p
				r.advanceChains(false)
				if len(r.chains) == 0 {
					t.Fatalf("no chain for %q", tt.question)
				}
				got := bridges(r.chains[0])
				first := ""
				if len(got) > 0 {
					first = got[0]
				}
				if on && first != tt.bridge {
					t.Errorf("first bridge %q (walk %q), want %q", first, got, tt.bridge)
				}
				if !on && first == tt.bridge {
					t.Errorf("rule off: first bridge still %q; the case does not exercise its rule", first)
				}
			}
		})
	}
}

func TestInstitutionPlace(t *testing.T) {
	p := DefaultParams()
	for _, tt := range []struct{ name, want string }{
		{"Tavaria Senate", "Tavaria"},
		{"Tavaria State Senate", "Tavaria"},
		{"Tavaria House of Representatives", "Tavaria"},
		{"Lieutenant Governor of Tavaria", "Tavaria"},
		{"Mayor of Dorran", "Dorran"},
		{"Northern States Army", ""},
		{"Governor Ada Lind", ""},
		{"Senate", ""},
		{"Governor of Tavaria Serves Second Term", ""}, // a headline: more words than a place's name
		{"Governor of Isle of Dorran", "Isle of Dorran"},
	} {
		if got := institutionPlace(tt.name, p.HopInstitutionPlaceWords); got != tt.want {
			t.Errorf("institutionPlace(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}
