package research

import (
	"strings"
	"testing"
)

// Questions written for these tests, one or more per shape of English that
// nests a lookup; each wants its hops innermost first.
func TestDecomposeNestedClauses(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		// a where-clause: the verb follows the name
		{"What is the nickname of the town where Brindle Hall is located?", "located of Brindle Hall > nickname"},
		{"When did the state where Lake Orvane is located abolish the poll tax?", "located of Lake Orvane > abolish poll tax"},
		{"Who is the mayor of the city in which Tove Arland was born?", "born of Tove Arland > mayor"},
		// a relative clause whose object is the name, verb after it
		{"Where was the band that Mikko Rask is a member of formed?", "member of Mikko Rask > formed"},
		{"Who founded the company that Ilse Varga worked for?", "worked of Ilse Varga > founded"},
		// a relative clause whose verb comes before the name
		{"Which company bought the company that made the Vela Rocket?", "made of Vela Rocket > company bought"},
		// a participle phrase
		{"Who governs the county sharing a border with the county where Ola Brenn was born?",
			"born of Ola Brenn > sharing border > governs"},
		{"Who produced the film directed by Tessa Lund?", "directed of Tessa Lund > produced"},
		// a kind of thing and a preposition
		{"Which county borders the county where the largest city in the state where Harlow Academy is located lies?",
			"located of Harlow Academy > largest city > lies > county borders"},
		// four hops through of, a participle and a where-clause
		{"Which state holds the town sharing a border with the capital of the province where Edda Morn died?",
			"died of Edda Morn > capital > sharing border > state holds"},
		// clauses nested in a clause take the verbs after the name in turn
		{"Where does the river flow in the state where the band that Pia Solberg is a member of formed?",
			"member of Pia Solberg > formed > river flow"},
		// a place after the name's comma qualifies the name
		{"How many people live in the county where Dunmore, New Caledon is located?", "located of Dunmore > people live"},
		// a two-word kinship compound after a possessive is two lookups
		{"Who is Karin Dahl's paternal grandfather?", "father of Karin Dahl > father"},
		// "the place of birth of" is one relation
		{"What is the place of birth of the director of the film Grey Lantern?", "director of Grey Lantern > place birth"},
		{"Where is the place of burial of Lena Ostby's father?", "father of Lena Ostby > place burial"},
		// a phrase set off by a comma at the start qualifies the question
		{"In 1950, what was the population of the town where Corwin Mill is located?", "located of Corwin Mill > population"},
	} {
		p := NewPlan(tt.q, nil)
		if got := hopString(decompose(p)); got != tt.want {
			t.Errorf("decompose(%q) = %q, want %q (entities %q)", tt.q, got, tt.want, p.Entities)
		}
	}
}

func TestDecomposeClauseKinds(t *testing.T) {
	p := NewPlan("Who governs the county sharing a border with the county where Ola Brenn was born?", nil)
	var kinds []string
	for _, h := range p.Hops {
		kinds = append(kinds, h.Kind)
	}
	if got := strings.Join(kinds, ","); got != "county,county," {
		t.Errorf("kinds = %q, want county,county, (hops %s)", got, hopString(p.Hops))
	}
}

func TestClauseVerb(t *testing.T) {
	for _, tt := range []struct{ in, verb, rest string }{
		{" was born?", "born", "?"},
		{" is a member of formed?", "member", " formed?"},
		{" can be found is located?", "found", " is located?"},
		{" is named after?", "named", "?"},
		{" takes place?", "takes place", "?"},
		{" number is named after?", "named", "?"}, // the name's head noun is the subject's
		{" died rank in the top five", "died", " rank in the top five"},
		{" languages are both official?", "official", "?"},
		{", Kent is located?", "located", "?"},
		{" Smith was born", "", " Smith was born"}, // a name, not a verb
		{"?", "", "?"},
		{"", "", ""},
	} {
		verb, rest := clauseVerb(tt.in)
		if verb != tt.verb || rest != tt.rest {
			t.Errorf("clauseVerb(%q) = %q, %q; want %q, %q", tt.in, verb, rest, tt.verb, tt.rest)
		}
	}
}

func TestHopSearchBudgetFollowsTheChain(t *testing.T) {
	pr := DefaultParams()
	pr.MaxHopSearches, pr.HopSearchesPerHop, pr.MaxHops = 4, 2, 4
	four := NewPlan("Which state holds the town sharing a border with the capital of the province where Edda Morn died?", nil)
	// The walk may take one step more than the hops (a town before its
	// county), never fewer than MaxHops.
	if got := hopStepBudget(four, &pr); got != 5 {
		t.Errorf("a four-hop chain walks %d steps, want 5", got)
	}
	if got := hopStepBudget(NewPlan("Who is the mother of the director of the film Blue Harbor?", nil), &pr); got != 4 {
		t.Errorf("a two-hop chain walks %d steps, want MaxHops 4", got)
	}
	for _, tt := range []struct {
		q    string
		want int
	}{
		{"Who is the mother of the director of the film Blue Harbor?", 4},
		{"Who governs the county sharing a border with the county where Ola Brenn was born?", 6},
		{"Which state holds the town sharing a border with the capital of the province where Edda Morn died?", 8},
		{"Which river is longer, the Elbe or the Oder?", 4},
	} {
		if got := hopSearchBudget(NewPlan(tt.q, nil), &pr); got != tt.want {
			t.Errorf("hopSearchBudget(%q) = %d, want %d", tt.q, got, tt.want)
		}
	}
}

func TestLongChainFirstWave(t *testing.T) {
	pr := DefaultParams()
	pr.FirstWave, pr.LongChainFirstWave = 6, 5
	for _, tt := range []struct {
		q    string
		want int
	}{
		{"Who is the mother of the director of the film Blue Harbor?", 6},
		{"Who governs the county sharing a border with the county where Ola Brenn was born?", 5},
		{"Which river is longer, the Elbe or the Oder?", 6},
	} {
		r := &run{p: &pr, plan: NewPlan(tt.q, nil), req: Request{MaxPages: 20}}
		if got := r.firstWave(); got != tt.want {
			t.Errorf("first wave of %q = %d, want %d", tt.q, got, tt.want)
		}
	}
	pr.LongChainFirstWave = 0 // off: every question reads FirstWave
	r := &run{p: &pr, plan: NewPlan("Who governs the county sharing a border with the county where Ola Brenn was born?", nil), req: Request{MaxPages: 20}}
	if got := r.firstWave(); got != 6 {
		t.Errorf("first wave with the rule off = %d, want 6", got)
	}
}

// TestWithoutFronted: a fronted phrase is dropped, and a comma with no
// words before it (odd spacing) is no phrase and no panic.
func TestWithoutFronted(t *testing.T) {
	for _, tt := range []struct{ s, want string }{
		{"In 1900, what was the town", "what was the town"},
		{"According to the census, what was", "what was"},
		{"Harlow, the town", "Harlow, the town"},
		{"  , what was", "  , what was"},
		{"\t, ", "\t, "},
		{"", ""},
	} {
		if got := withoutFronted(tt.s); got != tt.want {
			t.Errorf("withoutFronted(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
