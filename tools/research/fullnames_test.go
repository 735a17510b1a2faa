package research

import (
	"reflect"
	"strings"
	"testing"
)

func TestSurnameSubjects(t *testing.T) {
	for _, tt := range []struct {
		quote string
		want  []string
	}{
		{"Varga was the executive producer.", []string{"Varga"}},
		{"Holt and Marek revised the script. Marek later left.", []string{"Holt", "Marek"}},
		{"The film was shot in Leeds.", nil},      // a stop word opens it
		{"In 1990 Varga left.", nil},              // a stop word opens it
		{"Anna Varga was the producer.", nil},     // the full name is there
		{"\"Varga\" was her nickname.", nil},      // a quotation opens it
		{"He said Varga was the producer.", nil},  // a pronoun subject
		{"Ok was the word.", nil},                 // too short to be a name
		{"Varga, the producer, left early.", nil}, // not followed by a word in lower case
		{"The crew met. Varga produced it.", []string{"Varga"}},
		{"1990 was the year Varga left.", nil},                // a year is not a surname
		{"2004 saw the film released.", nil},                  // nor here
		{"Émile left. Ōta stayed.", []string{"Émile", "Ōta"}}, // capitals beyond ASCII
	} {
		if got := surnameSubjects(tt.quote, defaultParams.SurnameMinBytes); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("surnameSubjects(%q) = %q, want %q", tt.quote, got, tt.want)
		}
	}
}

func TestFullNameBefore(t *testing.T) {
	content := "Orla Bay is a 1981 drama film.\n\n## Production\n\nTom Reyes wrote the script with Anna Varga. " +
		"The film was shot in Leeds. Varga was the executive producer."
	at := strings.Index(content, "Varga was")
	for _, tt := range []struct {
		name, surname string
		max           int
		want          string
		ok            bool
	}{
		{"the sentence naming her in full", "Varga", 400, "Tom Reyes wrote the script with Anna Varga.", true},
		{"longer than the most a lead may be", "Varga", 20, "", false},
		{"a surname never named in full", "Holt", 400, "", false},
		{"a name only after the quote", "Leeds", 400, "", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sp, full, ok := fullNameBefore(content, at, tt.surname, nil, tt.max)
			if ok != tt.ok || (ok && content[sp[0]:sp[1]] != tt.want) {
				t.Fatalf("fullNameBefore(%q) = %q %v, want %q %v", tt.surname, content[sp[0]:sp[1]], ok, tt.want, tt.ok)
			}
			if ok && full != "Anna Varga" {
				t.Errorf("full name = %q, want Anna Varga", full)
			}
		})
	}
	// Site chrome is not where the page names anyone.
	chrome := "Site by Dan Varga.\n\nVarga was the producer."
	if _, _, ok := fullNameBefore(chrome, strings.Index(chrome, "Varga was"), "Varga", map[string]bool{"Site by Dan Varga.": true}, 400); ok {
		t.Error("fullNameBefore took the sentence from site chrome")
	}
}

func TestAddFullNames(t *testing.T) {
	content := "Orla Bay is a 1981 drama film. Tom Reyes wrote the script with Anna Varga. " +
		"The film was shot in Leeds. Varga was the executive producer."
	p := DefaultParams()
	r := &run{p: &p, pages: []*pageRec{{status: statusOK, reading: &Reading{Content: content}}}}
	quote := "Varga was the executive producer."
	for _, tt := range []struct {
		name   string
		chosen []scoredQuote
		budget int
		want   string // the quote added, "" for none
	}{
		{"the sentence naming her in full", []scoredQuote{{page: 0, quote: quote, score: 1}}, 1200, "Tom Reyes wrote the script with Anna Varga."},
		{"no room in the budget", []scoredQuote{{page: 0, quote: quote, score: 1}}, 10, ""},
		{"a quote of the page names her already", []scoredQuote{{page: 0, quote: quote, score: 1}, {page: 0, quote: "Tom Reyes wrote the script with Anna Varga.", score: 0.5}}, 1200, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := r.addFullNames(append([]scoredQuote(nil), tt.chosen...), tt.budget, nil)
			added := ""
			if len(got) > len(tt.chosen) {
				added = got[len(got)-1].quote
			}
			if len(got) > len(tt.chosen)+1 || added != tt.want {
				t.Fatalf("addFullNames added %d quotes, the last %q; want %q", len(got)-len(tt.chosen), added, tt.want)
			}
		})
	}
}

// TestAddFullNamesPerPage: two pages whose full-name sentences stand at
// the same offsets each get theirs (what was added is kept per page).
func TestAddFullNamesPerPage(t *testing.T) {
	a := "Orla Bay is a 1981 drama film. Tom Reyes wrote the script with Anna Varga. The film was shot in Leeds. Varga was the executive producer."
	b := "Kira Dun is a 1984 crime film. Sam Ortiz wrote the script with Lena Holtz. The film was shot in Derby. Holtz was the executive producer."
	p := DefaultParams()
	r := &run{p: &p, pages: []*pageRec{{status: statusOK, reading: &Reading{Content: a}}, {status: statusOK, reading: &Reading{Content: b}}}}
	chosen := []scoredQuote{{page: 0, quote: "Varga was the executive producer.", score: 1}, {page: 1, quote: "Holtz was the executive producer.", score: 0.8}}
	got := r.addFullNames(chosen, 1200, nil)
	var added []string
	for _, c := range got[len(chosen):] {
		added = append(added, c.quote)
	}
	if want := []string{"Tom Reyes wrote the script with Anna Varga.", "Sam Ortiz wrote the script with Lena Holtz."}; !reflect.DeepEqual(added, want) {
		t.Errorf("addFullNames added %q, want %q", added, want)
	}
}

// FuzzFullNames: any page text and quote give surnames that are words of
// the quote, and a full-name sentence that lies before the quote, holds
// the surname last in the full name, and is no longer than asked.
func FuzzFullNames(f *testing.F) {
	f.Add("Orla Bay is a 1981 drama film. Tom Reyes wrote the script with Anna Varga. Varga was the executive producer.", 60)
	f.Add("## Cast\n\nÉmile Zola Ōta wrote it.\nŌta left. 1990 was late.", 10)
	f.Add("\xff\xfe. Ab cd. Ab", 3)
	f.Fuzz(func(t *testing.T, content string, cut int) {
		if cut < 0 || cut > len(content) {
			cut = len(content) / 2
		}
		quote := content[cut:]
		for _, surname := range surnameSubjects(quote, defaultParams.SurnameMinBytes) {
			if !strings.Contains(quote, surname) {
				t.Fatalf("surname %q not in the quote %q", surname, quote)
			}
			sp, full, ok := fullNameBefore(content, cut, surname, nil, defaultParams.FullNameMaxChars)
			if !ok {
				continue
			}
			if sp[0] < 0 || sp[0] > sp[1] || sp[1] > cut || sp[1]-sp[0] > defaultParams.FullNameMaxChars {
				t.Fatalf("span %v for a quote at %d of %d bytes", sp, cut, len(content))
			}
			if !strings.Contains(content[sp[0]:sp[1]], full) || !strings.HasSuffix(full, surname) {
				t.Fatalf("full name %q, surname %q, sentence %q", full, surname, content[sp[0]:sp[1]])
			}
		}
	})
}
