package research

import (
	"slices"
	"strings"
	"testing"
)

// walkRun is a run over pages already read (title, text), as the
// coordinator has them after their reports; no web is needed to walk.
func walkRun(question string, pages [][2]string) *run {
	p := &defaultParams
	r := &run{p: p, plan: NewPlan(question, nil)}
	r.weights = newTermWeights(r.plan, nil, p)
	for _, pg := range pages {
		r.pages = append(r.pages, &pageRec{item: item{title: pg[0]}, status: statusOK, reading: &Reading{Content: pg[1]}})
	}
	r.chains = newChains(r.plan, r.weights, p.MaxChainAnchors)
	return r
}

func bridges(c *chain) []string {
	var out []string
	for _, s := range c.steps {
		out = append(out, s.Bridge)
	}
	return out
}

func TestWalkPrefersTheSubjectsOwnPage(t *testing.T) {
	q := "Where was the composer of Tern Island (opera) born?"
	r := walkRun(q, [][2]string{
		// Read first: a page sharing the name, not the opera's.
		{"Tern Island (soundtrack)", "Tern Island: Music from the Film is the soundtrack album of the 2004 film, released by Coral Records."},
		{"Tern Island (opera)", "Tern Island is an opera in three acts composed by Ada Lind to a libretto by Piero Salvi."},
	})
	r.advanceChains(false)
	if len(r.chains) != 1 {
		t.Fatalf("chains %d, want 1", len(r.chains))
	}
	c := r.chains[0]
	if len(c.steps) == 0 || c.steps[0].Bridge != "Ada Lind" || r.pages[c.steps[0].Page].title != "Tern Island (opera)" {
		t.Fatalf("first hop %+v, want Ada Lind from the opera's page", c.steps)
	}
}

func TestWalkReplacesAnEarlierPage(t *testing.T) {
	q := "Who founded the company that makes the Varel 146?"
	r := walkRun(q, [][2]string{
		{"Varel 146 family", "The Varel 146 family includes the Varel 146-200, a regional jet made by Norra Works."},
	})
	r.advanceChains(false)
	first := bridges(r.chains[0])
	// The aircraft's own page is read later: the walk starts over from it.
	r.pages = append(r.pages, &pageRec{item: item{title: "Varel 146"}, status: statusOK, reading: &Reading{Content: "The Varel 146 is a regional airliner manufactured by Ostmark Aviation from 1983."}})
	r.advanceChains(false)
	got := bridges(r.chains[0])
	if len(got) == 0 || got[0] != "Ostmark Aviation" {
		t.Errorf("bridges %q after the own page was read (before: %q), want Ostmark Aviation first", got, first)
	}
}

func TestWalkFallsBackFromARefutedBridge(t *testing.T) {
	q := "Where was the director of Cold Meadow born?"
	page := [2]string{"Cold Meadow", "Cold Meadow is a 1961 film directed by Harlan Ward and Ivo Kress."}
	r := walkRun(q, [][2]string{page})
	r.advanceChains(false)
	if b := bridges(r.chains[0]); len(b) == 0 || b[0] != "Harlan Ward" {
		t.Fatalf("bridges %q, want Harlan Ward first", b)
	}
	// Harlan Ward's search and name search found no page of his name.
	r.noPageFor = append(r.noPageFor, "Harlan Ward")
	r.advanceChains(false)
	if b := bridges(r.chains[0]); len(b) == 0 || b[0] != "Ivo Kress" {
		t.Errorf("bridges %q after Harlan Ward was refuted, want Ivo Kress", b)
	}
	// A page of his name, once read, confirms him again.
	r.pages = append(r.pages, &pageRec{item: item{title: "Harlan Ward"}, status: statusOK, reading: &Reading{Content: "Harlan Ward (born 1920 in Pell) was a director."}})
	r.advanceChains(false)
	if b := bridges(r.chains[0]); len(b) == 0 || b[0] != "Harlan Ward" {
		t.Errorf("bridges %q with Harlan Ward's page read, want Harlan Ward", b)
	}
}

func TestWalkValueNeedsTheKindAsked(t *testing.T) {
	for _, tt := range []struct {
		question, sentence string
		resolved           bool
	}{
		{"When did the club that Ann Vole played for win the cup?", "Harbour Rovers had their first cup win in 1898.", true},
		// A person is asked for: a sentence without a new name is no answer.
		{"Who coached the club that Ann Vole played for?", "Harbour Rovers were coached with great success.", false},
	} {
		r := walkRun(tt.question, [][2]string{
			{"Ann Vole", "Ann Vole is a footballer who played for Harbour Rovers."},
			{"Harbour Rovers", "Harbour Rovers are a football club. " + tt.sentence},
		})
		r.advanceChains(false)
		c := r.chains[0]
		if c.resolved != tt.resolved {
			t.Errorf("%q: resolved %v, want %v (steps %+v)", tt.question, c.resolved, tt.resolved, c.steps)
		}
	}
}

func TestWalkStopsDrifting(t *testing.T) {
	// No sentence answers "spouse": the walk may take one step from what
	// a page says first, not a run of them from name to name.
	r := walkRun("Who is the spouse of the narrator of Gull Point?", [][2]string{
		{"Gull Point", "Gull Point is a television series by Tom Reyes."},
		{"Tom Reyes", "Tom Reyes is a writer from Lyon."},
		{"Lyon", "Lyon is a city in France."},
	})
	r.advanceChains(false)
	if n := len(r.chains[0].steps); n > 2 {
		t.Errorf("walked %d hops without answering a word: %q", n, bridges(r.chains[0]))
	}
}

func TestTitleLevel(t *testing.T) {
	for _, tt := range []struct {
		title, subject string
		want           int
	}{
		{"Empress Wang (Gaozong)", "Empress Wang (Gaozong)", 3},
		{"Empress Wang (Jingtai)", "Empress Wang (Gaozong)", 0},
		{"The Serpent's Egg (film)", "The Serpent's Egg", 2},
		{"The Lego Batman Movie - Miniweb", "Lego Batman Movie", 3},
		{"Ted Mosby", "Older Ted Mosby", 1},
		{"Battle of Alhandic", "Battle of Peleliu", 0},
		{"Fenton High School", "Redan High School", 0},
	} {
		if got := titleLevel(tt.title, tt.subject); got != tt.want {
			t.Errorf("titleLevel(%q, %q) = %d, want %d", tt.title, tt.subject, got, tt.want)
		}
	}
}

// An own page that answers none of the hop's words (a film's plot when its
// cast is asked) yields to a page that speaks of the subject in a
// sentence that does: here the list of its characters.
func TestWalkOwnPageWithoutAnswerYields(t *testing.T) {
	q := "Who played the spoilt character in Marlow Mill?"
	r := walkRun(q, [][2]string{
		{"Marlow Mill", "Marlow Mill is a 1971 musical film. One day, Tobin finds a coin in the snow."},
		{"List of Marlow Mill characters", "Greta Pike, a spoilt girl, is played by Ann Dorr."},
	})
	r.advanceChains(false)
	c := r.chains[0]
	if len(c.steps) == 0 || r.pages[c.steps[0].Page].title != "List of Marlow Mill characters" || c.steps[0].Bridge != "Ann Dorr" {
		t.Fatalf("first hop %+v, want Ann Dorr from the list page", c.steps)
	}
	// An own page that answers keeps its place.
	r.pages[0].reading.Content = "Marlow Mill is a 1971 musical film. The spoilt heiress is played by Eve Lund."
	r.advanceChains(false)
	if st := r.chains[0].steps; len(st) == 0 || st[0].Bridge != "Eve Lund" {
		t.Errorf("first hop %+v, want Eve Lund from the film's own page", st)
	}
}

// "N of X" names another thing than X, both ways; a list of X's things is X's.
func TestTitleHeadOfIsAnotherThing(t *testing.T) {
	for _, tt := range []struct {
		title, subject string
		level          int
	}{
		{"Battle of Fenmoor Island", "Fenmoor Island", 0},
		{"Fenmoor Island", "Battle of Fenmoor Island", 0},
		{"Duke of Pell", "Pell", 0},
		{"Quiet Harbour", "For Love of Salt and Quiet Harbour", 1}, // "of" inside a title joined to another
		{"List of Marlow Mill characters", "Marlow Mill", 1},
		{"Older Ted Voss", "Ted Voss", 1},
		{"Museum of Modern Art", "Museum of Modern Art", 3},
		{"Pell, Wexland", "Wexland", 0},
		{"Pell, Wexland", "Pell", 1},
	} {
		if got := titleLevel(tt.title, tt.subject); got != tt.level {
			t.Errorf("titleLevel(%q, %q) = %d, want %d", tt.title, tt.subject, got, tt.level)
		}
	}
	if nameMatch("Battle of Fenmoor Island", "Fenmoor Island", 0.5) {
		t.Error(`nameMatch("Battle of Fenmoor Island", "Fenmoor Island") = true: a battle is not the island's page`)
	}
	if !nameMatch("Fenmoor Island (Ostria)", "Fenmoor Island", 0.5) {
		t.Error(`nameMatch("Fenmoor Island (Ostria)", "Fenmoor Island") = false`)
	}
}

// A chain that stops at a bridge no page answers the next hop for quotes
// what another page read says of the bridge: the next hop's best lead.
func TestStrandedChainQuotesItsBridge(t *testing.T) {
	q := "Which company followed the company that made the Vela Rocket?"
	r := walkRun(q, [][2]string{
		{"Vela Rocket", "The Vela Rocket was an early Ruritanian sounding rocket, developed by the Halden Arms Company for the navy."},
		{"Strelsau", "Strelsau is the capital of Ruritania. Many companies have their seat there."},
		{"Norra Works", "Norra Works is a company created in 1964 when the Halden Arms Company merged with Ostmark Metals."},
	})
	r.advanceChains(false)
	c := r.chains[0]
	if b := bridges(c); len(b) != 1 || b[0] != "Halden Arms Company" || c.resolved {
		t.Fatalf("bridges %q resolved %v, want the walk to stop at the Halden Arms Company", b, c.resolved)
	}
	var quoted []string
	for _, sq := range r.hopQuotes(nil) {
		quoted = append(quoted, r.pages[sq.page].title)
		if r.pages[sq.page].title == "Norra Works" && !strings.Contains(sq.quote, "when the Halden Arms Company merged") {
			t.Errorf("quote of Norra Works %q, want the sentence naming the bridge", sq.quote)
		}
	}
	if !slices.Contains(quoted, "Norra Works") || slices.Contains(quoted, "Strelsau") {
		t.Errorf("hop quotes from %q, want Vela Rocket and Norra Works only", quoted)
	}
}

// On a page of its own, the fuller form of the page's name is the page's
// subject, not the next bridge, even when the hop's subject was written
// otherwise ("Older Ned Voss").
func TestWalkSkipsTheFullerFormOfThePagesName(t *testing.T) {
	r := walkRun("Who married the narrator of Blue Harbor?", [][2]string{
		{"Blue Harbor", "Blue Harbor is a sitcom. Its events are recounted by the Older Ned Voss, narrator of every episode."},
		{"Ned Voss", "Nathaniel Arlo Voss is the main character of the sitcom, played by Tom Pike."},
	})
	r.advanceChains(false)
	b := bridges(r.chains[0])
	if len(b) < 2 || b[0] != "Older Ned Voss" || b[1] == "Nathaniel Arlo Voss" {
		t.Errorf("bridges %q, want Older Ned Voss and not his own full name next", b)
	}
}

// The stranded quote finds the bridge however the sentence punctuates it.
func TestStrandedQuoteNamesTheBridgeBeforePunctuation(t *testing.T) {
	for _, sent := range []string{
		"Norra Works was formed in 1961 by the Halden Arms Company, after a merger.",
		"Norra Works was the company formed by the merger of Ostmark Metals and the Halden Arms Company.",
		"Norra Works took over the Halden Arms Company's works after the merger in 1961.",
	} {
		r := walkRun("Which company followed the company that made the Vela Rocket?", [][2]string{
			{"Vela Rocket", "The Vela Rocket was an early Ruritanian sounding rocket, developed by the Halden Arms Company for the navy."},
			{"Norra Works", sent},
		})
		r.advanceChains(false)
		q, ok := r.strandedQuote(r.chains[0], nil)
		if !ok || q.page != 1 || !strings.Contains(q.quote, "Halden Arms Company") {
			t.Errorf("stranded quote %+v, %v for %q; want the Norra Works sentence", q, ok, sent)
		}
	}
}

// A chain stranded at a bridge whose own page was read quotes that page's
// first sentence, which says what the next hop asks in words the walk did
// not match; a resolved chain, or a bridge without its page, quotes none.
func TestStrandedLead(t *testing.T) {
	lead := "Ada Penrith (1920–1988) was the eldest daughter of Jon Penrith and his wife Mari Ek."
	tests := []struct {
		name     string
		resolved bool
		pages    [][2]string
		want     string
	}{
		{"own page read", false, [][2]string{
			{"Tomas Penrith", "Tomas Penrith was the son of Ada Penrith."},
			{"Ada Penrith", lead + " She wrote novels."},
		}, lead},
		{"resolved chain", true, [][2]string{
			{"Tomas Penrith", "Tomas Penrith was the son of Ada Penrith."},
			{"Ada Penrith", lead + " She wrote novels."},
		}, ""},
		{"no page of the bridge", false, [][2]string{
			{"Tomas Penrith", "Tomas Penrith was the son of Ada Penrith."},
			{"Penrith Hall", "Penrith Hall is a house in Tenby."},
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := walkRun("Who is the maternal grandmother of Tomas Penrith?", tt.pages)
			for i, p := range r.pages {
				c := p.reading.Content
				if sp := sentenceSpans(c); len(sp) > 0 {
					r.pages[i].reading.Lead = Finding{Quote: c[sp[0][0]:sp[0][1]], Start: sp[0][0], End: sp[0][1], Lead: true}
				}
			}
			c := &chain{anchor: "Tomas Penrith", resolved: tt.resolved, steps: []hopStep{{Subject: "Tomas Penrith", Bridge: "Ada Penrith", Page: 0, OwnPage: true}}}
			q, ok := r.strandedLead(c, nil)
			if tt.want == "" {
				if ok {
					t.Errorf("quote %q, want none", q.quote)
				}
				return
			}
			if !ok || q.quote != tt.want || q.page != 1 || !q.must {
				t.Errorf("quote %+v, %v; want the lead of page 1, forced in", q, ok)
			}
		})
	}
}
