package research

import (
	"slices"
	"strings"
	"testing"
)

func relTermsOf(q string) []relTerm { return questionRelTerms(NewPlan(q, nil), nil) }

func TestResolveHop(t *testing.T) {
	for _, tt := range []struct {
		name, question, content, subject string
		titleIsSubject                   bool
		bridge, sentence                 string
	}{
		{
			name:     "the relation word in another part of speech (composer / composed by)",
			question: "What is the largest lake near the birth town of the composer of Winter Harbour?",
			content:  "Winter Harbour is an opera in two acts composed by Marta Oslen to a Danish libretto by Per Holm. It was first performed in Aarhus.",
			subject:  "Winter Harbour", titleIsSubject: true,
			bridge: "Marta Oslen", sentence: "Winter Harbour is an opera in two acts composed by Marta Oslen to a Danish libretto by Per Holm.",
		},
		{
			name:     "no relation word: the lead sentence says by whom",
			question: "Who did the performer of Blue Lanterns marry?",
			content:  "Blue Lanterns is an album released by Tom Reyes in May 2004 (see 2004 in music). It sold well in Spain.",
			subject:  "Blue Lanterns", titleIsSubject: true,
			bridge: "Tom Reyes", sentence: "Blue Lanterns is an album released by Tom Reyes in May 2004 (see 2004 in music).",
		},
		{
			name:     "a date is a value, not a bridge",
			question: "When did the sports team that Ann Vole played for win the cup?",
			content:  "Ann Vole is a footballer. She came through the academy at Harbour Rovers and was first picked to play for the club as a substitute in October 2001.",
			subject:  "Ann Vole", titleIsSubject: true,
			bridge: "Harbour Rovers",
		},
		{
			name:     "a page that only mentions the subject needs the relation in the sentence",
			question: "Who is the child of the man who issued the Dunmore Letter?",
			content:  "The party grew in the 1830s. Ross Peale issued the Dunmore Letter in 1834, which set out its principles.",
			subject:  "Dunmore Letter", titleIsSubject: false,
			bridge: "Ross Peale", sentence: "Ross Peale issued the Dunmore Letter in 1834, which set out its principles.",
		},
		{
			name:     "the last hop's answer is a value: no bridge",
			question: "When did the sports team that Ann Vole played for win the cup?",
			content:  "Harbour Rovers are a football club. Rovers won the cup in 1898 and 1959.",
			subject:  "Harbour Rovers", titleIsSubject: true,
			bridge: "", sentence: "Rovers won the cup in 1898 and 1959.",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPlan(tt.question, nil)
			st, ok := resolveHop(tt.content, tt.subject, tt.titleIsSubject, questionRelTerms(p, nil), p.Entities, nil, nil, nil, &defaultParams)
			if !ok {
				t.Fatalf("not resolved (relation terms %v)", relTermsOf(tt.question))
			}
			if st.Bridge != tt.bridge {
				t.Errorf("bridge %q, want %q (sentence %q)", st.Bridge, tt.bridge, tt.content[st.Start:st.End])
			}
			if tt.sentence != "" && tt.content[st.Start:st.End] != tt.sentence {
				t.Errorf("answering sentence %q, want %q", tt.content[st.Start:st.End], tt.sentence)
			}
		})
	}
	// A page that mentions the subject without the relation answers nothing.
	p := NewPlan("Who is the child of the man who issued the Dunmore Letter?", nil)
	if st, ok := resolveHop("The Dunmore Letter is kept in a museum in Leeds.", "Dunmore Letter", false, questionRelTerms(p, nil), p.Entities, nil, nil, nil, &defaultParams); ok {
		t.Errorf("resolved on a mere mention: %+v", st)
	}
}

func TestBridgeNames(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"It was composed by Ada Lind to an Italian libretto by Piero Salvi.", []string{"Ada Lind", "Italian", "Piero Salvi"}},
		// A life's parenthesis keeps its place (the birth place is often only there); other glosses are blanked.
		{"Tom Reyes (born March 14, 1962 in Kestrel Falls) is a singer from Lyon.", []string{"Tom Reyes", "Kestrel Falls", "Lyon"}},
		{"Blue Lanterns (see 2004 in Music) is an album by Tom Reyes.", []string{"Blue Lanterns", "Tom Reyes"}},
		// A blanked gloss ends the name before it: a caption's word after it is not part of the title.
		{"The Grey Orchard (season 2) Promotional poster Starring Ada Lind.", []string{"Grey Orchard", "Promotional", "Starring Ada Lind"}},
		{"Gravelpit (band) Gravelpit is a band from Kestrel Falls.", []string{"Gravelpit", "Kestrel Falls"}},
		{"He played in October 2001 for the Museum of Modern Art team.", []string{"Museum of Modern Art"}},
		// A name used twice, and a name inside a longer word before it, each at its own place.
		{"Ada Lindholm met Lind at \"the Lind Hall\" and Lind.", []string{"Ada Lindholm", "Lind", "Lind Hall", "Lind"}},
		{"The Ox and the Oxford side left for Ox Vale.", []string{"Ox", "Oxford", "Ox Vale"}},
		// A lone word is dropped only where the sentence opens with it, not wherever the opening's letters recur.
		{"Lindholm met Lind at the Lind Hall.", []string{"Lind", "Lind Hall"}},
		// An infobox flattened into one line: a row label's participle ends the name before it and is no name.
		{"Harbor Lights Poster Directed by Ada Lind Produced by Tom Reyes Screenplay by Piero Salvi Based on Harbor Lights by Ines Varga", []string{"Harbor Lights Poster", "Ada Lind", "Tom Reyes Screenplay", "Piero Salvi", "Harbor Lights", "Ines Varga"}},
		// In running text the participle is lower-case; a name in -ed or -eed before "by" stays whole.
		{"The film was directed by Ada Lind and scored by Tom Reed on the road.", []string{"Ada Lind", "Tom Reed"}},
		{"A song by Karl Fred on the radio.", []string{"Karl Fred"}},
		// A number with a unit sign after it is a measure, not the end of a name: coordinates after a place.
		{"The fort stands on Tern Island, Ostland 51 ° 12 ′ N 3 ° 40 ′ W, near Marlow.", []string{"Tern Island", "Ostland", "Marlow"}},
		{"Apollo 11 landed; Route 66 runs west.", []string{"Apollo 11", "Route 66"}},
	} {
		if got := bridgeNames(tt.s); !slices.Equal(got, tt.want) {
			t.Errorf("bridgeNames(%q) = %q, want %q", tt.s, got, tt.want)
		}
		// Each name's place is where it stands, after the one before.
		last := -1
		for _, n := range bridgeNamesAt(tt.s) {
			if n.at <= last || n.at+len(n.name) > len(tt.s) || tt.s[n.at:n.at+len(n.name)] != n.name {
				t.Errorf("bridgeNamesAt(%q): %q at %d is not where it stands", tt.s, n.name, n.at)
			}
			last = n.at
		}
	}
}

func TestRelationTermsUsedUp(t *testing.T) {
	rel := relTermsOf("Who is the mother of the director of Red Coast?")
	var words []string
	for _, r := range rel {
		words = append(words, r.word)
	}
	if !slices.Equal(words, []string{"mother", "director"}) {
		t.Fatalf("relation words %q", words)
	}
	content := "Red Coast is a 1961 film directed by Lena Ork."
	st, ok := resolveHop(content, "Red Coast", true, rel, []string{"Red Coast"}, nil, nil, nil, &defaultParams)
	if !ok || st.Bridge != "Lena Ork" {
		t.Fatalf("first hop: %+v", st)
	}
	if left := remainingWords(without(rel, st.Consumed)); !slices.Equal(left, []string{"mother"}) {
		t.Errorf("words left for the next hop %q, want [mother]", left)
	}
}

func TestHopWindowWidens(t *testing.T) {
	c := "Lena Ork is a director. She was born in Oslo. Her mother was Ada Ork, a painter. She lives in Rome."
	start := len("Lena Ork is a director. She was born in Oslo. ")
	end := start + len("Her mother was Ada Ork, a painter.")
	if got := hopWindow(c, start, end, 60); got != "She was born in Oslo. Her mother was Ada Ork, a painter." {
		t.Errorf("hopWindow = %q", got)
	}
	if got := hopWindow(c, start, end, 10); got != "Her mother was Ada Ork, a painter." {
		t.Errorf("hopWindow within a small limit = %q", got)
	}
}

func TestResolveHopSkipsLabels(t *testing.T) {
	p := NewPlan("Who founded the company that makes Zeta Pens?", nil)
	content := "From Pagepedia, the free reference\n\nZeta Pens are made by Orlo Works, a firm in Turin."
	st, ok := resolveHop(content, "Zeta Pens", true, questionRelTerms(p, nil), p.Entities, nil, nil, nil, &defaultParams)
	if !ok || st.Bridge != "Orlo Works" {
		t.Errorf("got %+v, want the bridge Orlo Works from the statement, not the byline", st)
	}
}

func TestKinCompoundsAreHops(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{"Who is the maternal grandmother of Ed Lowe?", []string{"mother", "mother"}},
		{"Who is Queen Anne (Denmark)'s mother-in-law?", []string{"spouse", "mother"}},
		{"Who is the paternal grandfather of Ed Lowe?", []string{"father", "father"}},
		{"Who is the grandfather of Ed Lowe?", []string{"parent", "father"}},
	} {
		var got []string
		for _, r := range relTermsOf(tt.q) {
			got = append(got, r.word)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: relation words %q, want %q", tt.q, got, tt.want)
		}
	}
	// One "mother" used up leaves the other for the next hop.
	rel := relTermsOf("Who is the maternal grandmother of Ed Lowe?")
	if left := without(rel, []string{rel[0].term}); len(left) != 1 {
		t.Errorf("after one hop %v left, want one", left)
	}
}

func TestKinHopSonOf(t *testing.T) {
	for _, tt := range []struct{ q, content, want string }{
		{"Who is the mother of Ed Lowe?", "Ed Lowe was the eldest son of Tom Lowe and his wife Ada Marsh (1801–1870).", "Ada Marsh"},
		{"When was Ed Lowe's father born?", "Ed Lowe was the eldest son of Tom Lowe and his wife Ada Marsh.", "Tom Lowe"},
		{"Who is the maternal grandmother of Ed Lowe?", "Ed Lowe (1820–1880) was a son of Tom Lowe and Ada Marsh.", "Ada Marsh"},
	} {
		p := NewPlan(tt.q, nil)
		st, ok := resolveHop(tt.content, "Ed Lowe", true, questionRelTerms(p, nil), p.Entities, nil, nil, nil, &defaultParams)
		if !ok || st.Bridge != tt.want {
			t.Errorf("%q: bridge %q, want %q", tt.q, st.Bridge, tt.want)
		}
	}
}

// A hop sentence that is a flattened table row is quoted around the bridge
// it names, within the hop quote's width, on whole words, verbatim.
func TestAroundName(t *testing.T) {
	row := "Battle of Marlow Bay Part of the Fen War Date 3 May 1701 Location Marlow Bay, Wexland " +
		"Coordinates 51 ° 2 ′ N 1 ° 4 ′ W Result Wexland victory Belligerents Wexland Ostria " +
		"Commanders and leaders Ada Penrith Jon Ek Strength 650 militia 18 guns 3,100 regulars " +
		"Casualties and losses 9 dead 41 hurt 310 dead or hurt 3 frigates sunk"
	content := "Intro. " + row + " After."
	start := len("Intro. ")
	end := start + len(row)
	tests := []struct {
		name, bridge string
		max          int
		want         string // a part the window must hold
	}{
		{"around the bridge", "Ada Penrith", 80, "Ada Penrith"},
		{"a bridge near the end", "3 frigates sunk", 60, "3 frigates sunk"},
		{"no bridge: the start", "", 60, "Battle of Marlow Bay"},
		{"bridge not in the row: the start", "Strelsau", 60, "Battle of Marlow Bay"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := aroundName(content, start, end, tt.bridge, tt.max)
			if len(got) > tt.max || !strings.Contains(got, tt.want) || !strings.Contains(row, got) {
				t.Errorf("aroundName(%q, %d) = %q (%d chars); want at most %d chars of the row holding %q", tt.bridge, tt.max, got, len(got), tt.max, tt.want)
			}
			if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") {
				t.Errorf("aroundName = %q: not cut on words", got)
			}
			for _, w := range strings.Fields(got) {
				if !strings.Contains(" "+row+" ", " "+w+" ") && !strings.HasPrefix(row, w+" ") {
					t.Errorf("aroundName = %q cuts a word: %q", got, w)
				}
			}
		})
	}
	if got := aroundName(content, start, end, "Ada Penrith", 2000); got != row {
		t.Errorf("a row within the width is quoted whole; got %q", got)
	}
}

// aroundName never panics and returns a verbatim part of the sentence.
func FuzzAroundName(f *testing.F) {
	f.Add("Result Wexland victory Belligerents Wexland Ostria Commanders Ada Penrith", 7, 60, "Ada Penrith", 20)
	f.Add("ééé ééé ééé ééé", 0, 23, "é", 5)
	f.Fuzz(func(t *testing.T, content string, start, end int, name string, maxChars int) {
		if start < 0 || end > len(content) || start > end || maxChars <= 0 {
			return
		}
		got := aroundName(content, start, end, name, maxChars)
		if !strings.Contains(content[start:end], got) {
			t.Errorf("aroundName = %q: not part of %q", got, content[start:end])
		}
	})
}

// TestBridgeNamesAtStandsWhereNamed: a name after a part the joins drop (a
// year's, a lower-case part's) stands where the sentence names it, not
// inside the dropped part.
func TestBridgeNamesAtStandsWhereNamed(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want []nameAt
	}{
		{"She won gold at the 1936 Berlin Olympics in Berlin.", []nameAt{{"Berlin", 44}}},
		{"He ran the 1999 Boston Marathon from Boston (born 1950 – 2001).", []nameAt{{"Boston", 37}}},
	} {
		if got := bridgeNamesAt(tt.s); !slices.Equal(got, tt.want) {
			t.Errorf("bridgeNamesAt(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
