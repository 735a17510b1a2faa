package research

import (
	"strings"
	"testing"
)

func TestVerifyQuote(t *testing.T) {
	content := "Edda Lindqvist was a Swedish potter.\nShe served as keeper of the ceramics collection in Malmö."
	tests := []struct {
		quote string
		want  string
		ok    bool
	}{
		{"Edda Lindqvist was a Swedish potter.", "Edda Lindqvist was a Swedish potter.", true},
		// Reflowed white space maps back to the page's own text.
		{"potter. She served as  keeper", "potter.\nShe served as keeper", true},
		{"Edda Lindqvist was a Danish potter.", "", false},
		{"  ", "", false},
	}
	for _, tt := range tests {
		got, ok := verifyQuote(content, tt.quote)
		if ok != tt.ok || got != tt.want {
			t.Errorf("verifyQuote(%q) = %q, %v; want %q, %v", tt.quote, got, ok, tt.want, tt.ok)
		}
		if ok && !strings.Contains(content, got) {
			t.Errorf("verified quote %q is not in the content", got)
		}
	}
}

func TestSelectEvidenceDedupesAndCuts(t *testing.T) {
	a := "The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris, France."
	aMirror := "The Eiffel Tower is a wrought-iron lattice tower on the Champ de Mars in Paris, France!"
	b := "It is named after the engineer Gustave Eiffel, whose company designed and built the tower."
	c := strings.Repeat("Long filler passage about something else entirely. ", 20)
	cands := []scoredQuote{
		{page: 0, quote: a, score: 3, first: true},
		{page: 1, quote: aMirror, score: 2.9, first: true},
		{page: 2, quote: c, score: 2.5, first: true},
		{page: 0, quote: b, score: 2, first: false},
	}
	budget := estimateTokens(a) + estimateTokens(b) + 5
	got := selectEvidence(cands, budget, &defaultParams)
	var quotes []string
	used := 0
	for _, g := range got {
		quotes = append(quotes, g.quote)
		used += estimateTokens(g.quote)
	}
	if len(got) != 2 || got[0].quote != a || got[1].quote != b {
		t.Errorf("selected %q; want the first passage and the second of its page (mirror deduplicated, long one over budget)", quotes)
	}
	if used > budget {
		t.Errorf("used %d tokens, budget %d", used, budget)
	}
}

func TestSelectEvidenceCoversPagesFirst(t *testing.T) {
	cands := []scoredQuote{
		{page: 0, quote: "Page zero best passage about the first entity of the question.", score: 5, first: true},
		{page: 0, quote: "Page zero second passage, also strong, about other matters here.", score: 4.5},
		{page: 1, quote: "Page one best passage about the second entity of the comparison.", score: 1, first: true},
	}
	budget := estimateTokens(cands[0].quote) + estimateTokens(cands[2].quote)
	got := selectEvidence(cands, budget, &defaultParams)
	if len(got) != 2 || got[0].page != 0 || got[1].page != 1 {
		t.Fatalf("selected %+v; want the best passage of each page before a second passage of page 0", got)
	}
}

func TestEstimateTokens(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want int
	}{{"", 0}, {"abcd", 1}, {"abcde", 2}, {strings.Repeat("x", 400), 100}} {
		if got := estimateTokens(tt.s); got != tt.want {
			t.Errorf("estimateTokens(%d chars) = %d, want %d", len(tt.s), got, tt.want)
		}
	}
}

func TestSentenceSpans(t *testing.T) {
	text := "Dr. J. R. Smith was born in 1901. He died in St. Louis, U.S. in 1980! Did he? Yes.\nNext line"
	var got []string
	for _, sp := range sentenceSpans(text) {
		got = append(got, text[sp[0]:sp[1]])
	}
	want := []string{"Dr. J. R. Smith was born in 1901.", "He died in St. Louis, U.S. in 1980!", "Did he?", "Yes.", "Next line"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences %q, want %q", got, want)
	}
}

func TestDropHeldQuotes(t *testing.T) {
	hop := "Marlow Bay is a 1961 novel by the Welsh writer Ada Penrith."
	wide := "Marlow Bay is a 1961 novel by the Welsh writer Ada Penrith. It was her third book and sold poorly at first."
	other := "Ada Penrith was born in Tenby in 1920 and died in Cardiff in 1988."
	tests := []struct {
		name   string
		in     []scoredQuote
		quotes []string
		scores []float64
		must   []bool
	}{{
		name: "a widened passage holds the hop sentence: one quote, at the hop's place and score",
		in: []scoredQuote{
			{page: 0, quote: hop, score: 10, must: true},
			{page: 1, quote: other, score: 2},
			{page: 0, quote: wide, score: 1.5},
		},
		quotes: []string{wide, other}, scores: []float64{10, 2}, must: []bool{true, false},
	}, {
		name: "the same text twice: the later one goes",
		in: []scoredQuote{
			{page: 0, quote: hop, score: 3},
			{page: 0, quote: hop, score: 4},
		},
		quotes: []string{hop}, scores: []float64{4}, must: []bool{false},
	}, {
		name: "the same words on another page are another source: both stay",
		in: []scoredQuote{
			{page: 0, quote: wide, score: 3},
			{page: 1, quote: hop, score: 2},
		},
		quotes: []string{wide, hop}, scores: []float64{3, 2}, must: []bool{false, false},
	}, {
		name: "two passages of one page that only overlap both stay",
		in: []scoredQuote{
			{page: 0, quote: wide, score: 3},
			{page: 0, quote: "It was her third book and sold poorly at first. A second edition followed in 1970.", score: 2},
		},
		quotes: []string{wide, "It was her third book and sold poorly at first. A second edition followed in 1970."},
		scores: []float64{3, 2}, must: []bool{false, false},
	}, {
		name: "empty",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dropHeldQuotes(append([]scoredQuote(nil), tt.in...))
			if len(got) != len(tt.quotes) {
				t.Fatalf("got %d quotes %+v; want %q", len(got), got, tt.quotes)
			}
			for i, g := range got {
				if g.quote != tt.quotes[i] || g.score != tt.scores[i] || g.must != tt.must[i] {
					t.Errorf("quote %d = %q score %v must %v; want %q score %v must %v", i, g.quote, g.score, g.must, tt.quotes[i], tt.scores[i], tt.must[i])
				}
			}
		})
	}
}

// "c." and "ca." before a number are "circa", not the end of a sentence;
// upper-case "CA." (a state) and longer words still end one, and so does
// "c." before a word: circa is known by the number after it. The cost: a
// lone lower-case "c" ending a sentence before a number does not end it.
func TestSentenceSpansCirca(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Aldo Venn (c. 1580–1644) was a painter. He lived in Tenby.", []string{"Aldo Venn (c. 1580–1644) was a painter.", "He lived in Tenby."}},
		{"The abbey was built ca. 1200 by monks. It burned.", []string{"The abbey was built ca. 1200 by monks.", "It burned."}},
		{"He took vitamin c. 1990 was the year he stopped.", []string{"He took vitamin c. 1990 was the year he stopped."}}, // the cost
		{"The office is in Fresno, CA. 2001 was its first year.", []string{"The office is in Fresno, CA.", "2001 was its first year."}},
		{"It was sold to Norra Inc. 2 years later it closed.", []string{"It was sold to Norra Inc. 2 years later it closed."}},
		{"The spec is ABC. 1990 saw its first draft.", []string{"The spec is ABC.", "1990 saw its first draft."}},
		{"He was born c. March 1580. He died young.", []string{"He was born c.", "March 1580.", "He died young."}},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range sentenceSpans(tt.text) {
			got = append(got, tt.text[sp[0]:sp[1]])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("sentenceSpans(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
