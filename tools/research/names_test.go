package research

import (
	"slices"
	"testing"
)

func TestCapitalSpansNames(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string // must be present
		not  []string // must be absent
	}{
		{"What team was Maria Lopez's husband on?", []string{"Maria Lopez"}, []string{"Maria Lopez's"}},
		{"Who is Queen Anne (Denmark)'s mother-in-law?", []string{"Queen Anne (Denmark)"}, []string{"Denmark"}},
		{"Who directed the film A Night at the Opera?", []string{"A Night at the Opera"}, nil},
		{"Who starred in Return of the Jedi and when?", []string{"Return of the Jedi"}, nil},
		{"Who painted the Portrait of Luca d'Aragona's Wedding?", []string{"Portrait of Luca d'Aragona's Wedding"}, nil},
		{"When was the film Dancing in their Shoes (Film) released?", []string{"Dancing in their Shoes (Film)"}, []string{"Film"}},
	} {
		got := capitalSpans(tt.text)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("capitalSpans(%q) = %q, want %q among them", tt.text, got, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("capitalSpans(%q) = %q, must not hold %q", tt.text, got, w)
			}
		}
	}
}

func TestComparisonSidesPhrasings(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"Which river is longer, the Elbe or the Oder?", []string{"Elbe", "Oder"}},
		{"Which came out first: Blue Harbor, Red Coast, or Green Field?", []string{"Blue Harbor", "Red Coast", "Green Field"}},
		{"Tom Marsh or Ed Lowe, who was born first?", []string{"Tom Marsh", "Ed Lowe"}},
		{"Do Tom Marsh and Ed Lowe have the same nationality?", []string{"Tom Marsh", "Ed Lowe"}},
		{"Are Lake Vorn and Lake Tesk both in Norway?", []string{"Lake Vorn", "Lake Tesk"}},
		{"Who died later out of Tom Marsh and Ed Lowe?", []string{"Tom Marsh", "Ed Lowe"}},
		{"Which film has the director who died first, Blue Harbor or The Long Road Home?", []string{"Blue Harbor", "Long Road Home"}},
		// The noun phrase before the first of two coordinated titles is the question's, not the side's.
		{"Do both directors of films Blue Harbor and Red Coast have the same nationality?", []string{"Blue Harbor", "Red Coast"}},
		{"Are the founders of Varn Mills and Orrin Works from the same town?", []string{"Varn Mills", "Orrin Works"}},
		{"Do both Blue Harbor (1950 Film) and Red Coast films have directors from one country?", []string{"Blue Harbor (1950 Film)", "Red Coast"}},
		{"Do the drinks Orla and Bessamer both contain rum?", []string{"Orla", "Bessamer"}},
		// A title with its subtitle, and a second title of eight words not counting its dash and ampersand.
		{"Do both directors of films Tide: For Love of Salt and Far Home – The Life & Songs Of Old Lyon share a nationality?", []string{"Tide: For Love of Salt", "Far Home – The Life & Songs Of Old Lyon"}},
		// Sides without a name are kept whole.
		{"Are dolphins and sharks both fish?", []string{"dolphins", "sharks"}},
	} {
		if got := comparisonSides(tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("comparisonSides(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
	if got := comparisonSides("Who is the mother of the director of Blue Harbor?"); got != nil {
		t.Errorf("not a comparison, got sides %q", got)
	}
}

func TestJoinTitles(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		{"Who is the mother of Conrad Iii, Count Of Marlow?", "Conrad Iii, Count Of Marlow"},
		{"When was Bolesław, Prince Of Wexen's mother born?", "Bolesław, Prince Of Wexen"},
	} {
		p := NewPlan(tt.q, nil)
		if len(p.Entities) != 1 || p.Entities[0] != tt.want {
			t.Errorf("%q: entities %q, want [%q]", tt.q, p.Entities, tt.want)
		}
	}
	// A comparison's options stay apart.
	p := NewPlan("Who was born first, Anna Lind or Count of Monte Rey?", nil)
	if len(p.Sides) != 2 {
		t.Errorf("sides %q", p.Sides)
	}
}

// A capitalised function word opening a sentence is the sentence's
// capital, not a name's first word: "During Maren's absence" names Maren
// alone, so a page saying so is about the bridge Maren (namesAlone). An
// acronym spelling a function word ("US") stays a name's word.
func TestSentenceOpeningWordIsNoName(t *testing.T) {
	for _, tt := range []struct {
		sentence string
		want     string // a name bridgeNamesAt must find
		not      string // one it must not
	}{
		{"During Maren's absence, Tobias Veldt sold the mill.", "Maren", "During Maren"},
		{"After Orlen Hask left the quartet, it split.", "Orlen Hask", "After Orlen Hask"},
		{"While Pellory Bay froze, the ferries ran.", "Pellory Bay", "While Pellory Bay"},
		{"US Brassworks built the mill in 1901.", "US Brassworks", "Brassworks"},
	} {
		var got []string
		for _, n := range bridgeNamesAt(tt.sentence) {
			got = append(got, n.name)
		}
		if !slices.Contains(got, tt.want) || slices.Contains(got, tt.not) {
			t.Errorf("bridgeNamesAt(%q) = %q, want %q and not %q", tt.sentence, got, tt.want, tt.not)
		}
	}
	if s := "During Maren's absence, Tobias Veldt sold the mill."; !namesAlone(s, "Maren") {
		t.Errorf("namesAlone(%q, Maren) = false: the sentence names Maren alone", s)
	}
}
