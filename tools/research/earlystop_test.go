package research

import "testing"

// A question that says "both" asks of two things: a chain that walked to
// one answer is half of it, so the run does not stop early on it. (The
// planner reads "Seaglass and Salt & Song – ..." as one title, with one
// chain: a side of more than eight words is not split off.)
func TestNoEarlyStopOnOneOfBoth(t *testing.T) {
	pages := [][2]string{
		{"Salt & Song – a Long Year on the Old Coral Bay", "Salt & Song – a Long Year on the Old Coral Bay is a 2009 documentary film directed by Ines Varga."},
		{"Ines Varga", "Ines Varga (born 1960) is a Portuguese director of documentaries."},
	}
	for _, tt := range []struct {
		q    string
		rule bool
		stop bool
	}{
		{"Were both directors of Seaglass and Salt & Song – A Long Year On The Old Coral Bay of one nationality?", true, false},
		{"Were both directors of Seaglass and Salt & Song – A Long Year On The Old Coral Bay of one nationality?", false, true},
		{"Of which nationality is the director of Salt & Song – A Long Year On The Old Coral Bay?", true, true},
	} {
		r := walkRun(tt.q, pages)
		p := defaultParams
		p.EarlyStopMinPages = 1
		p.EarlyStopNotBoth = tt.rule
		r.p = &p
		r.advanceChains(false)
		resolved := false
		for _, c := range r.chains {
			resolved = resolved || c.resolved
		}
		if !resolved {
			t.Fatalf("%q: no chain resolved (%d chains): the case needs one", tt.q, len(r.chains))
		}
		if got := r.everyHopAnswered(); got != tt.stop {
			t.Errorf("%q (rule %v): early stop %v, want %v", tt.q, tt.rule, got, tt.stop)
		}
	}
}

func TestAsksOfBoth(t *testing.T) {
	for q, want := range map[string]bool{
		"Are both films by the same director?":          true,
		"Do BOTH bands come from Ohio?":                 true,
		"Which film did the director of Bothwell make?": false,
		"Who directed the film Blue Harbor?":            false,
		"":                                              false,
	} {
		if got := asksOfBoth(q); got != want {
			t.Errorf("asksOfBoth(%q) = %v, want %v", q, got, want)
		}
	}
}
