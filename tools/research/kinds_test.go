package research

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

func TestNameKinds(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"Orrin County", "county"},
		{"Halden Arms Company", "organization"},
		{"Wexland (state)", "state"},
		{"Pell (Ostria)", ""},
		{"United States", ""}, // a union of states is not a state
		{"Tualatin Mountains", "mountain"},
		{"Wexland", ""},
		{"Halden Capital", ""},
	} {
		if got := nameKind(tt.name); got != tt.want {
			t.Errorf("nameKind(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	for _, tt := range []struct{ lead, want string }{
		{"Wexland is a state in eastern Ostria.", "state"},
		{"Pell is a small city in Orrin County.", "city"},
		{"Pell is the capital of Wexland.", "city"},         // a capital is a city
		{"Ostria is a union made up of twelve states.", ""}, // "states" is past "of"
		{"Ada Lind was an Ostrian composer.", ""},
	} {
		if got := leadKind(tt.lead); got != tt.want {
			t.Errorf("leadKind(%q) = %q, want %q", tt.lead, got, tt.want)
		}
	}
	for _, tt := range []struct{ text, name, want string }{
		{"Orrin County is a county in the state of Wexland.", "Wexland", "state"},
		{"It lies near the city of Pell, in the U.S. state of Wexland.", "Pell", "city"},
		{"The state of Wexlandia borders Wexland.", "Wexland", ""},  // a longer name is another name
		{"She taught at the University of Wexland.", "Wexland", ""}, // the university belongs to it
		{"It is the third city in Wexland state, after Pell.", "Wexland", "state"},
		{"Wexland states rights were debated.", "Wexland", ""},
	} {
		if got := introducedKind(tt.text, tt.name); got != tt.want {
			t.Errorf("introducedKind(%q, %q) = %q, want %q", tt.text, tt.name, got, tt.want)
		}
	}
}

// A hop that asks for a kind of thing (a state, a company, someone) takes
// the name of that kind, not the nearest name.
func TestWalkTakesTheKindAskedFor(t *testing.T) {
	for _, tt := range []struct {
		name     string
		question string
		pages    [][2]string
		refuted  []string
		bridge   string
	}{
		{
			name:     "the company that made it, not the adjective of origin",
			question: "Which company bought the company that made the Vela Rocket?",
			pages:    [][2]string{{"Vela Rocket", "The Vela Rocket was an early Ruritanian rocket, developed by the Halden Arms Company for the Ruritanian Navy."}},
			refuted:  []string{"Halden Arms Company"},
			bridge:   "Halden Arms Company",
		},
		{
			name:     "the state, not the county or the country before or after it",
			question: "When did the state where Fenmoor Lake is located abolish the death penalty?",
			pages: [][2]string{
				{"Fenmoor Lake", "Fenmoor Lake is a hamlet in southern Orrin County, Wexland, Ostria."},
				{"Orrin County", "Orrin County is a county in the state of Wexland."},
			},
			bridge: "Wexland",
		},
		{
			name:     "the state from its own page's lead",
			question: "When did the state where Fenmoor Lake is located abolish the death penalty?",
			pages: [][2]string{
				{"Fenmoor Lake", "Fenmoor Lake is a hamlet in the Orrin valley, Ostria, Wexland."},
				{"Wexland", "Wexland is a state in eastern Ostria. Wexland abolished the death penalty in 1965."},
			},
			bridge: "Wexland",
		},
		{
			name:     "the state in the title's qualifier, known from a place in it",
			question: "When did the state where Fenmoor Lake is located abolish the death penalty?",
			pages: [][2]string{
				{"Fenmoor Lake, Wexland", "Fenmoor Lake is a hamlet in southern Orrin County, Wexland, Ostria."},
				{"Pell, Wexland", "Pell is the third largest city in Wexland state."},
			},
			refuted: []string{"Orrin County"},
			bridge:  "Wexland",
		},
		{
			name:     "someone, even when no page of the name was found",
			question: "What year did the author of The Long Ledger die?",
			pages:    [][2]string{{"The Long Ledger", "The Long Ledger is a pamphlet against the guilds by the Ruritanian reformer Cal Berrow, published in 1558."}},
			refuted:  []string{"Cal Berrow"},
			bridge:   "Cal Berrow",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := walkRun(tt.question, tt.pages)
			r.noPageFor = tt.refuted
			r.advanceChains(false)
			if len(r.chains) == 0 {
				t.Fatal("no chain")
			}
			b := bridges(r.chains[0])
			if len(b) == 0 || b[0] != tt.bridge {
				t.Fatalf("bridges %q, want %q first", b, tt.bridge)
			}
			// The next hop is not read from a place in the bridge as if it
			// were the bridge's own page.
			for _, st := range r.chains[0].steps[1:] {
				if st.OwnPage && r.pages[st.Page].title == "Pell, Wexland" {
					t.Errorf("Pell's page taken for %q's own: %+v", st.Subject, st)
				}
			}
		})
	}
}

// kindWeb: the rocket's page names an adjective of origin before the
// company that made it; a page of another company of that origin is read
// too. The company that bought the maker is named only on the buyer's page.
var kindWeb = []miniweb.Page{
	{Title: "Vela Rocket", Sentences: []string{"The Vela Rocket was an early Ruritanian sounding rocket, developed by the Halden Arms Company for the Ruritanian Navy.", " Twelve were launched before 1960."}},
	{Title: "Ruritanian Brass Company", Sentences: []string{"The Ruritanian Brass Company was a Ruritanian brass manufacturing company based in Strelsau.", " It was bought by Ostmark Metals in 1962."}},
	{Title: "Navy of Ruritania", Sentences: []string{"The Navy of Ruritania is the naval force of the kingdom.", " It was founded in 1901."}},
	{Title: "Norra Works", Sentences: []string{"Norra Works is an engineering company in Strelsau.", " In 1961 Norra Works bought the Halden Arms Company and merged it into its rocket division."}},
	{Title: "Strelsau", Sentences: []string{"Strelsau is the capital of Ruritania.", " Several companies were bought and sold there in the 1960s."}},
}

func TestRunWalksToTheKindAskedFor(t *testing.T) {
	srv, site := startPagesWeb(t, kindWeb)
	e := newTestEngine(t, srv.URL)
	res, err := e.Run(context.Background(), Request{Question: "Which company bought the company that made the Vela Rocket?", MaxPages: 4, TimeBudget: 30 * time.Second}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !quotesPage(site, res, "Norra Works", "bought the Halden Arms Company") {
		t.Errorf("no quote of the buyer's page; evidence %+v, queries %q", res.Evidence, res.Queries)
	}
	// The next hop is searched from the maker, not from "Ruritanian".
	searched := false
	for _, q := range res.Queries {
		if strings.HasPrefix(q, "Halden Arms Company ") {
			searched = true
		}
	}
	if !searched {
		t.Errorf("no hop search from the Halden Arms Company; queries %q", res.Queries)
	}
}

// The place a hop asks for is where its subject is located only when
// "located" is the place's own clause.
func TestLocatesKind(t *testing.T) {
	for _, tt := range []struct {
		question string
		want     bool
	}{
		{"When did the state where Fenmoor Lake is located abolish the death penalty?", true},
		{"Where is the province that contains Orrin County located?", false},
		{"Which county borders the county where the largest city of the state where Morlan Academy is located is?", true},
	} {
		rel := questionRelTerms(NewPlan(tt.question, nil), nil)
		k, term := wantedKind(rel)
		if got := placeRank[k] > 0 && locatesKind(rel, term); got != tt.want {
			t.Errorf("%q: kind %q locates = %v, want %v", tt.question, k, got, tt.want)
		}
	}
}

// A last hop that asks for a nationality ends on an adjective of origin;
// a role still to be found comes first.
func TestNationalityEndsTheChain(t *testing.T) {
	q := "What is the nationality of the director of Cold Meadow?"
	r := walkRun(q, [][2]string{
		{"Cold Meadow", "Cold Meadow is a 1961 British film directed by Ivo Kress."},
		{"Ivo Kress", "Ivo Kress (born 1920) was a French director and writer."},
	})
	r.advanceChains(false)
	c := r.chains[0]
	if b := bridges(c); len(b) != 2 || b[0] != "Ivo Kress" || b[1] != "" || !c.resolved {
		t.Errorf("bridges %q resolved %v, want Ivo Kress then the value, resolved", b, c.resolved)
	}
}
