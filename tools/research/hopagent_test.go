package research

import (
	"slices"
	"testing"
)

// The agent after "by" answers a relative clause's verb ("the company that
// produces X": "X ... developed by Y") as well as a role noun: the walk's
// first step answers the clause's hop (its verb is used up, the step has a
// score), so the chain goes on from the agent instead of taking the page's
// first name as a guess, which a second unanswered hop cuts as a drift.
func TestWalkReadsByAsTheAgentOfAClauseVerb(t *testing.T) {
	for _, tt := range []struct {
		name, question string
		pages          [][2]string
		bridge, verb   string // the first step's bridge and the verb it answers
	}{
		{
			name:     "produces / developed by",
			question: "In what year did the premium arm of the firm that produces Velo X1 open its first plant?",
			pages: [][2]string{
				{"Velo X1", "The Velo X1 is a road-legal electric car developed by Ostwerk Motorsport GmbH. It was first shown in 2010."},
				{"Ostwerk Motorsport GmbH", "Ostwerk Motorsport GmbH is a racing firm in Cologne. Its premium arm is Aurel Motors, founded in 1989."},
			},
			bridge: "Ostwerk Motorsport GmbH", verb: "produces",
		},
		{
			name:     "made / designed by",
			question: "Where is the research arm of the company that made the Tova T4 based?",
			pages: [][2]string{
				{"Tova T4", "The Tova T4 is a small tractor designed by Brenner Werke AG from 1958 to 1966."},
				{"Brenner Werke AG", "Brenner Werke AG is a maker of farm machines in Ulm. Its research arm is Brenner Labs, set up in 1972."},
			},
			bridge: "Brenner Werke AG", verb: "made",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			term := tokens(tt.verb)[0]
			for _, on := range []bool{true, false} {
				r := walkRun(tt.question, tt.pages)
				p := *r.p
				p.HopAgentVerb = on
				r.p = &p
				r.advanceChains(false)
				if len(r.chains) == 0 {
					t.Fatalf("no chain for %q", tt.question)
				}
				steps := r.chains[0].steps
				answered := len(steps) > 0 && steps[0].Bridge == tt.bridge && steps[0].Score > 0 && slices.Contains(steps[0].Consumed, term)
				if on && !answered {
					t.Errorf("first step %+v, want %q answering %q (%s)", steps, tt.bridge, tt.verb, term)
				}
				if !on && answered {
					t.Errorf("rule off: the first step still answers %q; the test does not exercise HopAgentVerb", tt.verb)
				}
			}
		})
	}
}
