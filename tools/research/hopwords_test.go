package research

import (
	"slices"
	"testing"
)

func TestOptionalWords(t *testing.T) {
	for _, tt := range []struct {
		question string
		required []string // words a chain must use up
		optional []string // words it does not wait for
	}{
		{
			question: "The birth city of the composer of Blue Harbour has which famous bridge?",
			required: []string{"bridge", "birth", "city", "composer"},
			optional: []string{"famous"},
		},
		{
			question: "Who is the child of the person who issued the Garvey Letter?",
			required: []string{"child", "issued"},
			optional: []string{"person"},
		},
		{
			question: "What mountains can you see from the largest city of the state where Lake Orm is located?",
			required: []string{"mountains", "city", "state", "located"},
			optional: []string{"see", "largest"},
		},
		{
			question: "Which group is most closely related to the people who came to Tarvia in the third wave?",
			required: []string{"group", "related", "wave"},
			optional: []string{"closely", "people", "came", "third"},
		},
		{
			// "be found" asks where, not who founded it.
			question: "Which county is the city where Radio KXLM can be found in?",
			required: []string{"county", "city", "located"},
		},
	} {
		got := map[string]bool{}
		for _, rt := range relTermsOf(tt.question) {
			got[rt.word] = rt.optional
		}
		for _, w := range tt.required {
			if opt, ok := got[w]; !ok || opt {
				t.Errorf("%q: %q should be a required relation word (terms %v)", tt.question, w, got)
			}
		}
		for _, w := range tt.optional {
			if opt, ok := got[w]; !ok || !opt {
				t.Errorf("%q: %q should be optional (terms %v)", tt.question, w, got)
			}
		}
	}
	if waiting([]relTerm{{word: "famous", optional: true}}) {
		t.Error("a chain left with only a modifier is still waiting")
	}
	if !waiting([]relTerm{{word: "famous", optional: true}, {word: "bridge"}}) {
		t.Error("a chain left with a noun is not waiting")
	}
}

func TestPlanKeepsNumberedNamesWhole(t *testing.T) {
	for _, tt := range []struct{ question, entity string }{
		{"Who is the spouse of the actress who voiced the queen in Frobnitz 2?", "Frobnitz 2"},
		{"When was the company that built the Varel 146 dissolved?", "Varel 146"},
		{"Which company took over the firm that made the XQ-7 Kestrel?", "XQ-7 Kestrel"},
		{"Who painted Dawn at Keswick: Study of a Mill?", "Dawn at Keswick: Study of a Mill"},
	} {
		p := NewPlan(tt.question, nil)
		if !slices.Contains(p.Entities, tt.entity) {
			t.Errorf("%q: entities %q lack %q", tt.question, p.Entities, tt.entity)
		}
	}
	// A number after a lower-case word is a quantity, not part of a name.
	p := NewPlan("Which team did Ann Vole join after scoring 3 goals?", nil)
	for _, e := range p.Entities {
		if e != "Ann Vole" {
			t.Errorf("unexpected entity %q", e)
		}
	}
}

func TestResolveHopNameRules(t *testing.T) {
	for _, tt := range []struct {
		name, question, content, subject string
		bridge                           string
		left                             []string // relation words still waited for after the hop
	}{
		{
			name:     "a passive by names the author (no 'author' in the sentence)",
			question: "What century did the author of On Quiet Waters live in?",
			content:  "On Quiet Waters is a 1720 essay, in Latin, by Danish Empiricist philosopher Jon Rask.",
			subject:  "On Quiet Waters",
			bridge:   "Jon Rask", left: []string{"century"},
		},
		{
			name:     "an alias is the subject itself, not a bridge",
			question: "Who painted Dawn at Keswick?",
			content:  "Dawn at Keswick, also known as The Millpond, is a painting by Ruth Aske of about 1845.",
			subject:  "Dawn at Keswick",
			bridge:   "Ruth Aske",
		},
		{
			name:     "a fuller form of the subject's name is the subject",
			question: "Where was Tom Harle born?",
			content:  "Thomas James Harle (born March 8, 1953 in Kestrel Bay) is a retired catcher.",
			subject:  "Tom Harle",
			bridge:   "Kestrel Bay",
		},
		{
			name:     "a relation word inside a name is not used up",
			question: "Which county borders the county where the largest city of the state where Morlan Academy is located is?",
			content:  "Morlan Academy is a school located in Pell County, in the United States.",
			subject:  "Morlan Academy",
			bridge:   "Pell County", left: []string{"county", "borders", "city", "state"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPlan(tt.question, nil)
			rel := questionRelTerms(p, nil)
			st, ok := resolveHop(tt.content, tt.subject, true, rel, p.Entities, nil, nil, nil, &defaultParams)
			if !ok {
				t.Fatalf("not resolved (relation terms %v)", rel)
			}
			if st.Bridge != tt.bridge {
				t.Errorf("bridge %q, want %q", st.Bridge, tt.bridge)
			}
			if tt.left != nil {
				var left []string
				for _, rt := range without(rel, st.Consumed) {
					if !rt.optional {
						left = append(left, rt.word)
					}
				}
				if !slices.Equal(left, tt.left) {
					t.Errorf("words left %q, want %q (used %q)", left, tt.left, st.Consumed)
				}
			}
		})
	}
}
