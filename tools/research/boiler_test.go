package research

import (
	"strconv"
	"testing"
)

func TestTrimBoiler(t *testing.T) {
	boiler := map[string]bool{"From Miniweb, the offline encyclopedia": true, "Share this page": true}
	tests := []struct {
		name, in, want string
	}{
		{"leading byline", "From Miniweb, the offline encyclopedia\n\nWyke Hollow is a hamlet.", "Wyke Hollow is a hamlet."},
		{"both ends", "From Miniweb, the offline encyclopedia\n\nA hamlet.\n\nShare this page", "A hamlet."},
		{"only chrome", "From Miniweb, the offline encyclopedia", ""},
		{"middle kept verbatim", "A hamlet.\n\nShare this page\n\nIt lies on a road.", "A hamlet.\n\nShare this page\n\nIt lies on a road."},
		{"no chrome", "A hamlet in Lincolnshire.", "A hamlet in Lincolnshire."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := trimBoiler(tt.in, boiler); got != tt.want {
				t.Errorf("trimBoiler(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestAnswerKindOf(t *testing.T) {
	tests := []struct {
		q    string
		want answerKind
		cue  string
	}{
		{"In what year was the director of Alien born?", kindYear, "He was born in 1937."},
		{"When did the band release its debut album?", kindYear, "It was released in the 1990s."},
		{"In what month was the officer born?", kindMonth, "He was born on 3 February 1950."},
		{"How many members does the band have?", kindNumber, "The band has four members."},
		{"What was the population of the town in 2001?", kindNumber, "It had 21,806 inhabitants."},
		{"Who directed Tidewater?", kindPerson, "The film was directed by Oona Farrell."},
		{"Where did the painter die?", kindPlace, "He died in Mantua two years later."},
		{"In which country is the lake?", kindPlace, "The lake lies in Norway."},
		{"What is the name of the album?", kindAny, ""},
		// "population" asks a number as "the population (of)", not when a
		// question word picks one ("what modern population"): a people.
		{"What is the 2001 census population of the village?", kindNumber, "It had 812 inhabitants."},
		{"The island has a population of how many people?", kindNumber, "About 900 people live there."},
		{"Which native population is most closely related to the islanders?", kindAny, ""},
		{"What modern population descends from the settlers?", kindAny, ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := answerKindOf(tt.q)
			if got != tt.want {
				t.Fatalf("answerKindOf(%q) = %v, want %v", tt.q, got, tt.want)
			}
			if tt.cue != "" && !answerCue(got, tt.cue) {
				t.Errorf("answerCue(%v, %q) = false, want true", got, tt.cue)
			}
			if got != kindAny && answerCue(got, "A page with nothing of the kind.") {
				t.Errorf("answerCue(%v) matched a sentence without one", got)
			}
		})
	}
}

// A byline that opens a few pages of the many read is the site's, even
// when it is on fewer pages than BoilerShare asks; a paragraph two pages
// share deeper down is not, and the opening of a single page is its own.
// The same opening on two sites is one story told twice (an agency's
// report), not chrome.
func TestBoilerplateOpenings(t *testing.T) {
	byline := "From Fenwiki, the open almanac"
	shared := "The town is twinned with Harrowgate."
	pages := []string{
		"# Wyke Hollow\n\n" + byline + "\n\nWyke Hollow is a hamlet in the county of Wexland.\n\n" + shared,
		"# Olde Marsh\n\n" + byline + "\n\nOlde Marsh is a village on the river Fen.\n\n" + shared,
		"# Harrowgate\n\nHarrowgate is a market town. It has a castle.",
		"# Fen (river)\n\nThe Fen is a river of Wexland, 40 miles long.",
		"# Wexland\n\nWexland is a county.\n\nIt has three towns.",
		"# Tollbridge\n\nTollbridge is a civil parish.",
		"# Marsh Fair\n\nMarsh Fair is a yearly fair.",
		"# Ada Penrith\n\nAda Penrith was a writer.",
		"# Ostria\n\nOstria is a country.",
		"# Strelsau\n\nStrelsau is a city.",
		"# Ruritania\n\nRuritania is a kingdom.",
		"# Norra Works\n\nNorra Works is a company.",
	}
	for _, tt := range []struct {
		name       string
		openings   int
		secondSite bool // the second page with the byline is on another site
		byline     bool
	}{
		{"openings rule on", 2, false, true},
		{"openings rule off", 0, false, false},
		{"the same opening on two sites", 2, true, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultParams()
			p.BoilerOpeningPages = tt.openings
			r := &run{p: &p}
			for i, c := range pages {
				u := "https://fenwiki.example/wiki/" + strconv.Itoa(i)
				if tt.secondSite && i == 1 {
					u = "https://news.example/" + strconv.Itoa(i)
				}
				r.pages = append(r.pages, &pageRec{item: item{url: u}, status: statusOK, reading: &Reading{Content: c}})
			}
			b := r.boilerplate()
			if b[byline] != tt.byline {
				t.Errorf("byline opening 2 of %d pages counted as chrome: %v, want %v", len(pages), b[byline], tt.byline)
			}
			if b[shared] {
				t.Errorf("a paragraph two pages share below their openings counted as chrome")
			}
			if b["Harrowgate is a market town. It has a castle."] {
				t.Errorf("the opening of one page counted as chrome")
			}
		})
	}
}

// A heading that recurs on most pages ("## References") is chrome like any
// other paragraph; it does not count as a page's opening.
func TestBoilerplateRecurringHeading(t *testing.T) {
	p := DefaultParams()
	r := &run{p: &p}
	for i, c := range []string{"Wyke Hollow is a hamlet.", "Olde Marsh is a village.", "Harrowgate is a town.", "The Fen is a river."} {
		content := "# Page " + strconv.Itoa(i) + "\n\n## References\n\n" + c
		r.pages = append(r.pages, &pageRec{item: item{url: "https://fenwiki.example/" + strconv.Itoa(i)}, status: statusOK, reading: &Reading{Content: content}})
	}
	b := r.boilerplate()
	if !b["## References"] {
		t.Errorf("a heading on every page read is not counted as chrome")
	}
	if b["Wyke Hollow is a hamlet."] {
		t.Errorf("the paragraph below a recurring heading counted as chrome: the heading was taken for the page's opening")
	}
}
