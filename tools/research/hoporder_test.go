package research

import (
	"slices"
	"testing"
)

// The walk answers a question's hops in the order its decomposition gives,
// innermost first: on the inner subject's page, a sentence answering an
// outer hop's words is not the first hop.
func TestWalkFollowsTheHopOrder(t *testing.T) {
	cases := []struct {
		name      string
		question  string
		pages     [][2]string
		want      []string // bridges in order, with HopOrder
		unordered []string // the bridges without it: the case tests the rule
	}{
		{
			name:     "the part played before the husband",
			question: "Who is the husband of the actress who portrays Corla in Tide of Amber?",
			pages: [][2]string{
				{"Corla", "Corla is the heroine of the novel Tide of Amber.\n\nCorla's husband is Brand Haskel, a sea captain she meets in Lisbon.\n\nIn the 1952 film Corla is played by Mira Dell."},
				{"Brand Haskel", "Brand Haskel is a character of Tide of Amber. His wife in the novel is Corla."},
				{"Mira Dell", "Mira Dell (1911–1980) was an English actress of stage and screen.\n\nHer husband was the playwright Owen Pratt, whom she married in 1940."},
			},
			want: []string{"Mira Dell", "Owen Pratt"},
			// The planner names the part apart from the work, so even
			// without the order the first step takes the part's
			// performer; it then spends the step on Mira Dell's page on
			// "actress" and never reads her husband.
			unordered: []string{"Mira Dell", ""},
		},
		{
			name:     "the founder before where he was born",
			question: "Where was the founder of Harlow Mills born?",
			pages: [][2]string{
				{"Harlow Mills", "Harlow Mills is a textile company born in the boom of the 1880s in Lancashire.\n\nThe company was founded by Edwin Marsh in 1884."},
				{"Edwin Marsh", "Edwin Marsh (1850–1921) was an English industrialist. He was born in Clitheroe."},
			},
			want:      []string{"Edwin Marsh", "Clitheroe"},
			unordered: []string{"Lancashire"},
		},
		{
			name:     "the director before his mother",
			question: "Who is the mother of the director of Salt Orchard?",
			pages: [][2]string{
				{"Salt Orchard", "Salt Orchard is a 1990 Portuguese drama film.\n\nInes Varga plays the mother of the heroine. The film was directed by Tomas Reyl."},
				{"Ines Varga", "Ines Varga is a Portuguese actress. Her mother was the singer Rosa Varga."},
				{"Tomas Reyl", "Tomas Reyl (born 1950) is a Portuguese director. He was born in Porto to the painter Lia Reyl, his mother."},
			},
			want:      []string{"Tomas Reyl", "Lia Reyl"},
			unordered: []string{"Ines Varga", ""},
		},
		{
			// No sentence says "percentage": the hop's answer is said as
			// "60%", and the later hop's words pick the sentence.
			name:     "no sentence answers the hop's word",
			question: "What percentage of Tovaria adheres to the religion practiced widely in the north?",
			pages: [][2]string{
				{"Tovaria", "Tovaria is a republic on the coast of the Arden Sea.\n\nAccording to recent estimates, 60% of the population adheres to Orthodoxy, widely practiced in the north."},
			},
			want:      []string{"Orthodoxy"},
			unordered: []string{"Orthodoxy"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := walkRun(tc.question, tc.pages)
			r.advanceChains(false)
			if len(r.chains) == 0 {
				t.Fatalf("no chain for %q", tc.question)
			}
			if got := bridges(r.chains[0]); !slices.Equal(got, tc.want) {
				t.Errorf("bridges %q, want %q", got, tc.want)
			}
			p := defaultParams
			p.HopOrder = false
			r = walkRun(tc.question, tc.pages)
			r.p = &p
			r.advanceChains(false)
			if got := bridges(r.chains[0]); !slices.Equal(got, tc.unordered) {
				t.Errorf("without the hop order: bridges %q, want %q (else the case does not test the order)", got, tc.unordered)
			}
		})
	}
}

// A clause's noun is the kind of its hop's answer, and a word of that hop.
func TestDecomposeHopKind(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want []string // Kind of each hop
	}{
		{"Who is the husband of the actress who portrays Corla in Tide of Amber?", []string{"actress", ""}},
		{"Which company bought the company that made the Vela Rocket?", []string{"company", ""}},
		{"Who is the mother of the director of Salt Orchard?", []string{"", ""}},
		{"When is Tom Marsh's father's birthday?", []string{"", ""}},
	} {
		var got []string
		for _, h := range NewPlan(tt.q, nil).Hops {
			got = append(got, h.Kind)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: kinds %q, want %q", tt.q, got, tt.want)
		}
	}
}

// A cast line answers the part's hop and the performer's at once, in
// whichever order the decomposition puts them ("the actor who played the
// ghost father in X": the part is read as the first hop, "played" as
// the second).
func TestWalkTakesACastLineInEitherHopOrder(t *testing.T) {
	q := "Who is the brother of the actor who played the ghost father in Lantern Bay?"
	pages := [][2]string{
		{"Lantern Bay", "Lantern Bay is a 2004 animated film about a reef.\n\nThe Ghost Father (voiced by Nora Quill) haunts the reef from a sunken ship."},
		{"Nora Quill", "Nora Quill (born 1961) is an actor of stage and screen.\n\nHer brother is the composer Ted Vane, with whom she toured in 1990."},
	}
	r := walkRun(q, pages)
	if hs := r.plan.Hops; len(hs) < 2 || hs[0].Relation != "ghost father" {
		t.Fatalf("hops %+v: the case needs the part read as the first hop", hs)
	}
	r.advanceChains(false)
	if got, want := bridges(r.chains[0]), []string{"Nora Quill", "Ted Vane"}; !slices.Equal(got, want) {
		t.Errorf("bridges %q, want %q", got, want)
	}
}

// A step to a smaller place than the hop asks for (the town, for "the
// county where X was born") answers no hop yet: the next step still asks
// for the county, not for what is asked of it.
func TestWalkStepsThroughASmallerPlace(t *testing.T) {
	q := "Which lake lies in the county where Ida Brandt was born?"
	pages := [][2]string{
		{"Ida Brandt", "Ida Brandt (born 1950 in Marlow) is a painter of lakes."},
		{"Marlow", "Marlow is a city in Orrin County.\n\nLake Pell lies at the edge of the city, by the old mill."},
		{"Orrin County", "Orrin County is a county of hills and farms.\n\nLake Vey lies in the east of the county."},
	}
	r := walkRun(q, pages)
	r.advanceChains(false)
	if got, want := bridges(r.chains[0]), []string{"Marlow", "Orrin County", "Lake Vey"}; !slices.Equal(got, want) {
		t.Errorf("bridges %q, want %q", got, want)
	}
}

// The words a sentence says of its bridge are those after the bridge where
// it stands, not after a longer word it begins ("Lindholm" for "Lind"):
// the words before the bridge speak of the subject.
func TestDescribedAfterReadsWhereTheBridgeStands(t *testing.T) {
	later := rel("sailor", "painter")
	for i := range later {
		later[i].later = true
	}
	for _, tt := range []struct {
		s, bridge string
		want      []string
	}{
		{"Lindholm, a sailor, met Lind, a painter from Oslo.", "Lind", []string{tokens("painter")[0]}},
		{"Lind, a sailor, met Ada Ork, a painter.", "Lind", []string{tokens("sailor")[0], tokens("painter")[0]}},
		{"Lindholm, a sailor, was a painter.", "Lind", nil},
		{"", "Lind", nil},
	} {
		if got := describedAfter(tt.s, tt.bridge, later); !slices.Equal(got, tt.want) {
			t.Errorf("describedAfter(%q, %q) = %q, want %q", tt.s, tt.bridge, got, tt.want)
		}
	}
}
