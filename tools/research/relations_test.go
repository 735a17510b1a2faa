package research

import (
	"strings"
	"testing"
)

func TestRelationWordsMeet(t *testing.T) {
	for _, tt := range []struct{ question, sentence string }{
		{"Who is the director of the film?", "The film was directed by Ann Lee."},
		{"When was she born?", "Her date of birth is unknown."},
		{"Where did he die?", "His death came in Rome."},
		{"Who is the spouse of the singer?", "She married the singer in 1990."},
		{"Who is her husband?", "She was his wife for ten years."},
		{"Who is his maternal grandfather?", "His mother was the daughter of a judge."},
		{"Who is the creator of the show?", "The show was created by two students."},
		{"Which actress played Thelma in the film?", "The film is starring Ann Lee as Thelma."},
		{"Who voices the fox?", "The fox is voiced by Tom Pike."},
		{"Who voices the fox in the film?", "Tom Pike reprises his role as the fox."},
	} {
		q := map[string]bool{}
		for _, r := range relationTerms(tt.question) {
			q[r] = true
		}
		shared := false
		for _, r := range relationTerms(tt.sentence) {
			if q[r] {
				shared = true
			}
		}
		if !shared {
			t.Errorf("%q and %q share no relation: %v vs %v", tt.question, tt.sentence, relationTerms(tt.question), relationTerms(tt.sentence))
		}
	}
	if got := relationTerms("The river flows into the bay."); len(got) != 0 {
		t.Errorf("no relation word in a sentence about a river, got %v", got)
	}
}

// Words the question and the page spell differently are one term: the -t
// and -ed pasts, and "won" (a stop word only in "won't").
func TestTermsMeetAcrossSpellings(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"the spoilt character", "the spoiled girl"},
		{"she learnt Latin", "he learned Latin"},
		{"the state that won the battle", "the award for the win"},
		// A small number's names are one term: cardinal, ordinal, figure.
		{"the third season of the show", "the runner-up of season three"},
		{"its second album", "album 2 of the band"},
		{"the 12th king", "the twelfth king"},
		{"the first novel", "his 1st novel"},
	} {
		ta, tb := termSet(tt.a), termSet(tt.b)
		shared := false
		for x := range ta {
			if tb[x] {
				shared = true
			}
		}
		if !shared {
			t.Errorf("%q and %q share no term: %v vs %v", tt.a, tt.b, tokens(tt.a), tokens(tt.b))
		}
	}
	// Only the number's own names meet: not a larger number, and not the
	// pronoun "one".
	numberTerms := func(s string) map[string]bool {
		out := map[string]bool{}
		for _, t := range tokens(s) {
			if t != "" && strings.Trim(t, "0123456789") == "" {
				out[t] = true
			}
		}
		return out
	}
	for _, tt := range []struct{ a, b string }{
		{"the third season", "the thirty seasons"},
		{"the second season", "the 21st season"},
		{"the first season", "one of the seasons"},
	} {
		tb := numberTerms(tt.b)
		for x := range numberTerms(tt.a) {
			if tb[x] {
				t.Errorf("%q and %q share the number term %q", tt.a, tt.b, x)
			}
		}
	}
	if got := hopString(decompose(NewPlan("Which county borders the state that won the Battle of Fenmoor?", nil))); !strings.Contains(got, "won of Battle of Fenmoor") {
		t.Errorf("decompose = %q, want the hop \"won\" of the battle", got)
	}
}
