package research

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// A chain stranded at its bridge: the pages its bridge search brought that
// name the bridge score as a share of the bridge's page, whatever words
// they share with the question; other pages keep their own scores.
func TestCreditBridgePages(t *testing.T) {
	const bridgeQuery = "Halden Arms Company company"
	tests := []struct {
		name, title, via, text string
		credited               bool
	}{
		{"read for the bridge, names it before a comma", "Jon Ek", bridgeQuery,
			"Jon Ek (1901–1977) was an engineer at the Halden Arms Company, in Strelsau.", true},
		{"read for the bridge, names it at the end of the sentence", "Ostmark Metals", bridgeQuery,
			"In 1961 Ostmark Metals merged with the Halden Arms Company.", true},
		{"read for the bridge, does not name it", "Halden (town)", bridgeQuery,
			"Halden is a town on the coast. Its arms are a ship and a tower.", false},
		{"names the bridge, read for something else", "Strelsau", "Vela Rocket navy",
			"Strelsau is the capital. The Halden Arms Company had its seat there.", false},
		{"a longer name is another thing", "Halden Arms Company Museum", bridgeQuery,
			"The museum of the Halden Arms Companyworks opened in 1990.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := "Which company followed the company that made the Vela Rocket?"
			r := walkRun(q, [][2]string{
				{"Vela Rocket", "The Vela Rocket was an early Ruritanian sounding rocket, developed by the Halden Arms Company for the navy."},
				{tt.title, tt.text},
			})
			r.pages[1].via = tt.via
			// The walk stopped at the bridge the rocket's page named.
			r.chains = []*chain{{anchor: "Vela Rocket", steps: []hopStep{{Subject: "Vela Rocket", Bridge: "Halden Arms Company", Page: 0, OwnPage: true}}}}
			scores := []float64{1.5, 0.1}
			r.creditBridgePages(scores)
			want := 0.1
			if tt.credited {
				want = r.p.HopBridgePage * 1.5
			}
			if scores[0] != 1.5 || scores[1] != want {
				t.Errorf("scores %v, want [1.5 %v]", scores, want)
			}
		})
	}
}

// A chain that reached its answer has its pages: nothing else is credited.
func TestCreditBridgePagesNotForAResolvedChain(t *testing.T) {
	r := walkRun("Where was the director of Gray Orchard born?", [][2]string{
		{"Gray Orchard", "Gray Orchard is a 1958 drama film directed by Ivo Brandt."},
		{"Ivo Brandt", "Ivo Brandt (1910–1980) was a film director, born in Tarnow."},
		{"Tarnow Film Days", "The festival in Tarnow shows the films of Ivo Brandt, its most famous son."},
	})
	r.pages[2].via = "Ivo Brandt born"
	c := &chain{anchor: "Gray Orchard", steps: []hopStep{
		{Subject: "Gray Orchard", Bridge: "Ivo Brandt", Page: 0, OwnPage: true},
		{Subject: "Ivo Brandt", Bridge: "Tarnow", Page: 1, OwnPage: true},
	}, done: true, resolved: true}
	r.chains = []*chain{c}
	scores := []float64{1.2, 1.0, 0.05}
	r.creditBridgePages(scores)
	if scores[2] != 0.05 {
		t.Errorf("page of a resolved chain's bridge scored %v, want its own 0.05", scores[2])
	}
	// The same chain stranded at Ivo Brandt credits the festival's page.
	c.steps, c.done, c.resolved = c.steps[:1], false, false
	r.creditBridgePages(scores)
	if want := r.p.HopBridgePage * 1.2; scores[2] != want {
		t.Errorf("page read for a stranded chain's bridge scored %v, want %v", scores[2], want)
	}
}

func TestNamesBridge(t *testing.T) {
	tests := []struct {
		s, bridge string
		want      bool
	}{
		{"He wrote of the war with Arvo (410–362 BC).", "King Arvo of Tessaly", true},
		{"The tales of Raleigh's voyages.", "Sir Walter Raleigh", false}, // the whole rest is the name
		{"Walter Raleigh sailed in 1595.", "Sir Walter Raleigh", true},
		{"The Lady Jane was crowned.", "Lady Jane Grey", false},
		{"It is a University of the first rank.", "Duke University", false}, // an institution, not a styled person
		{"The County Council met.", "King County", false},
		{"Louis lived in Paris.", "St. Louis", false}, // a city named after a saint
		{"He joined Motors Inc.", "General Motors", false},
		{"The Halden Arms Company, founded 1901.", "Halden Arms Company", true},
		{"He banked with America's first bank.", "Bank of America", false},
		{"Tessaly is a region of Ostria.", "King Arvo of Tessaly", false},
		{"He met the King.", "King Arvo", false}, // the style alone is not the name
	}
	for _, tt := range tests {
		if got := namesBridge(tt.s, tt.bridge); got != tt.want {
			t.Errorf("namesBridge(%q, %q) = %v, want %v", tt.s, tt.bridge, got, tt.want)
		}
	}
}

// A stranded chain's earlier bridge: when the walk answered the hop after
// it on a page that only mentions it, the other pages read for it that
// name it are credited too (HopBridgeEveryStep); when it answered that hop
// on the bridge's own page, they are not.
func TestCreditBridgePagesEveryStep(t *testing.T) {
	q := "Who is the spouse of the actress who plays Mara in Harrow Lane?"
	pages := [][2]string{
		{"Harrow Lane", "Harrow Lane is a 1961 drama film starring Ada Voss as Mara."},
		{"Nina Brandt", "Nina Brandt (1933–2015) was an actress, the only child of Ada Voss and her first husband, Tom Kell."},
		{"Summer at Varn", "Summer at Varn is a 1989 series about the 1948 tour of Ostland by Ivo Marek and Ada Voss."},
		{"Ada Voss", "Ada Voss (1913–1967) was an actress."},
	}
	tests := []struct {
		name      string
		everyStep bool
		ownNext   bool
		credited  bool
	}{
		{"next hop answered on a page that mentions the bridge", true, false, true},
		{"the rule off", false, false, false},
		{"next hop answered on the bridge's own page", true, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := walkRun(q, pages)
			p := *r.p
			p.HopBridgeEveryStep = tt.everyStep
			r.p = &p
			r.pages[2].via = "Ada Voss spouse"
			next := hopStep{Subject: "Ada Voss", Bridge: "Tom Kell", Page: 1, Consumed: []string{"spouse"}}
			if tt.ownNext {
				next.Page, next.OwnPage = 3, true
			}
			r.chains = []*chain{{anchor: "Harrow Lane", rel: questionRelTerms(r.plan, r.weights), steps: []hopStep{
				{Subject: "Harrow Lane", Bridge: "Ada Voss", Page: 0, OwnPage: true, Consumed: []string{"actress", "portray"}},
				next,
			}}}
			scores := []float64{2.0, 1.0, 0.1, 0.5}
			credited := r.creditBridgePages(scores)
			bc, ok := credited[2]
			if ok != tt.credited {
				t.Fatalf("page read for the first bridge credited = %v, want %v (scores %v)", ok, tt.credited, scores)
			}
			if !tt.credited {
				if scores[2] != 0.1 {
					t.Errorf("uncredited page scored %v, want its own 0.1", scores[2])
				}
				return
			}
			if want := p.HopBridgePage * 2.0; scores[2] != want {
				t.Errorf("credited page scored %v, want %v", scores[2], want)
			}
			if bc.bridge != "Ada Voss" {
				t.Errorf("credited for %q, want Ada Voss", bc.bridge)
			}
		})
	}
}

// bridgeSentence: the credited page's sentence naming the bridge with the
// next hop's relation, else the first naming it, with the sentence before
// it when both fit.
func TestBridgeSentence(t *testing.T) {
	spouse := []relTerm{{term: "spouse", word: "spouse", w: 1}}
	film := []relTerm{{term: "film", word: "film", w: 1}}
	tests := []struct {
		name, content, bridge string
		rem                   []relTerm
		boiler                map[string]bool
		maxChars              int
		want                  string
	}{
		{"the sentence with the hop's relation", "Ada Voss sang at the Varn festival in 1950. She toured the north for ten years. In 1960 Ada Voss married the painter Tom Kell.",
			"Ada Voss", spouse, nil, 60, "In 1960 Ada Voss married the painter Tom Kell."},
		{"no relation word: the first naming it", "Summer at Varn is a 1989 series about the 1948 tour of Ostland by Ivo Marek and Ada Voss. It won two prizes.",
			"Ada Voss", spouse, nil, 90, "Summer at Varn is a 1989 series about the 1948 tour of Ostland by Ivo Marek and Ada Voss."},
		{"with the sentence before: what 'it' is", "The Gray Nine is a 2012 western film by Ola Brenn. It stars Tomas Weir, Dario Lusk and Ines Varga. It was shot in winter.",
			"Dario Lusk", film, nil, 100, "The Gray Nine is a 2012 western film by Ola Brenn. It stars Tomas Weir, Dario Lusk and Ines Varga."},
		{"a relation word inside a name does not count", "Ada Voss sang in Varn in 1952. In 1950 she toured with Married Couples Revue, where Ada Voss was billed first.",
			"Ada Voss", spouse, nil, 40, "Ada Voss sang in Varn in 1952."},
		{"the site's chrome is not the page", "Ada Voss fan site. Ada Voss married Tom Kell in 1960.",
			"Ada Voss", spouse, map[string]bool{"Ada Voss fan site.": true}, 40, "Ada Voss married Tom Kell in 1960."},
		{"the bridge not named", "Tom Kell was a painter from Varn.", "Ada Voss", spouse, nil, 100, ""},
		{"first named inside a longer name: the page is about that one", "The Tarn store was opened by merchant Peter Holby in 1825. Holby sold it in 1840.",
			"Holby", film, nil, 100, ""},
		{"a place named alone, with its state", "Ivo Marek was a farmer from Holby, Wexland, and a member of the assembly.",
			"Holby", film, nil, 100, "Ivo Marek was a farmer from Holby, Wexland, and a member of the assembly."},
		{"empty", "", "Ada Voss", spouse, nil, 100, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := bridgeSentence(tt.content, bridgeCredit{bridge: tt.bridge, rem: tt.rem, rival: true}, tt.boiler, tt.maxChars)
			if got != tt.want {
				t.Errorf("bridgeSentence = %q, want %q", got, tt.want)
			}
		})
	}
}

// FuzzBridgeSentence: no panic on any text; a quote is verbatim text of the
// page, within the width asked (a sentence wider than it is cut around the
// bridge).
func FuzzBridgeSentence(f *testing.F) {
	f.Add("The Gray Nine is a 2012 western film. It stars Tomas Weir, Dario Lusk and Ines Varga. It was shot in winter.", "Dario Lusk", 100)
	f.Add("King Arvo of Tessaly fought Rome. The war with Arvo (388–379 BC) was long.", "King Arvo of Tessaly", 40)
	f.Add("ééé. Ada Voss. ééé", "Ada Voss", 3)
	f.Fuzz(func(t *testing.T, content, bridge string, maxChars int) {
		if maxChars <= 0 || maxChars > 1<<16 {
			return
		}
		rem := []relTerm{{term: "film", word: "film", w: 1}}
		got := bridgeSentence(content, bridgeCredit{bridge: bridge, rem: rem, rival: len(content)%2 == 0}, nil, maxChars)
		if got == "" {
			return
		}
		if !strings.Contains(content, got) {
			t.Errorf("bridgeSentence = %q: not part of the page", got)
		}
		// A cut falls on a character's start: text that is not UTF-8 may
		// give it none.
		if len(got) > maxChars && len(bridge) < maxChars/2 && utf8.ValidString(content) {
			t.Errorf("bridgeSentence = %q: %d bytes, over the width %d", got, len(got), maxChars)
		}
	})
}

func TestNamesAlone(t *testing.T) {
	tests := []struct {
		s, bridge string
		want      bool
	}{
		{"He was born in Holby, Wexland, in 1950.", "Holby", true},
		{"Holby lies on the river.", "Holby", true},
		{"The store was opened by merchant Peter Holby in 1825.", "Holby", false},
		{"The Holby Paper Company was founded there.", "Holby", false},
		{"The Holby Paper Company moved to Holby in 1901.", "Holby", true}, // the second time alone
		{"It stars Tomas Weir, Dario Lusk and Ines Varga.", "Dario Lusk", true},
		{"The Dario Lusk Theatre opened in 1990.", "Dario Lusk", false},
		{"He wrote of the war with Arvo (388–379 BC).", "King Arvo of Tessaly", true},
		{"Holbyton is a town.", "Holby", false},
		{"", "Holby", false},
	}
	for _, tt := range tests {
		if got := namesAlone(tt.s, tt.bridge); got != tt.want {
			t.Errorf("namesAlone(%q, %q) = %v, want %v", tt.s, tt.bridge, got, tt.want)
		}
	}
}

// TestNamesAloneGrowsLinearly: a sentence of thousands of longer names
// holding the bridge ("Charles Holby, Charles Holby, ...", a page without a
// full stop) takes time in proportion to its length: each occurrence was
// checked against every name of the sentence (8,000 took 45× the time of
// 1,000).
func TestNamesAloneGrowsLinearly(t *testing.T) {
	run := func(n int) time.Duration {
		s := strings.Repeat("Charles Holby, ", n) + "and Holby"
		start := time.Now()
		alone := namesAlone(s, "Holby")
		took := time.Since(start)
		if !alone {
			t.Fatalf("namesAlone on %d longer names and one alone = false, want true", n)
		}
		return took
	}
	const n = 32000 // about 480 KB
	wantLinear(t, "names", n, 200*time.Millisecond, run)
}

// The last bridge's pages are the chain's only lead: a longer name holding
// the bridge may be its own full name ("Jennifer Saunders" for "voiced by
// Saunders"), so such a page is cited; a rival's is not.
func TestBridgeSentenceOfTheLastBridge(t *testing.T) {
	content := "Mirrorwood is a 1999 sitcom pilot written by and starring Ada Holby and Tom Kell. It was never picked up."
	rem := []relTerm{{term: "spouse", word: "spouse", w: 1}}
	if got, want := bridgeSentence(content, bridgeCredit{bridge: "Holby", rem: rem}, nil, 90), "Mirrorwood is a 1999 sitcom pilot written by and starring Ada Holby and Tom Kell."; got != want {
		t.Errorf("last bridge: bridgeSentence = %q, want %q", got, want)
	}
	if got := bridgeSentence(content, bridgeCredit{bridge: "Holby", rem: rem, rival: true}, nil, 90); got != "" {
		t.Errorf("rival: bridgeSentence = %q, want none", got)
	}
}
