package research

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// cuesFor reads a question with the names given as its plan's entities.
func cuesFor(question string, names ...string) answerCues {
	tw := newTermWeights(&Plan{Question: question, Entities: names}, nil, nil)
	return newAnswerCues(question, tw, defaultParams.AnswerNearWords, defaultParams.AnswerPhraseRun)
}

func TestAnswerSignOf(t *testing.T) {
	for _, tt := range []struct {
		name, question string
		names          []string
		text           string // one sentence, or two split by a line break
		wantRun        int    // 0: below AnswerPhraseRun
		wantValue      bool
		wantBoth       bool // the quote takes the next sentence too
	}{
		{"relation and a full name next to it", "Who married the narrator of Blue Harbor?", []string{"Blue Harbor"},
			"In the last episode he lived a quiet married life with Nora Vance.", 0, true, false},
		{"another word of the relation's group", "Who was the wife of the narrator of Blue Harbor?", []string{"Blue Harbor"},
			"The narrator married Nora Vance in the spring of 1961.", 0, true, false},
		{"the name too far from the relation", "Who married the narrator of Blue Harbor?", []string{"Blue Harbor"},
			"He married young and, many years after the long war in the north had ended, Nora Vance arrived.", 0, false, false},
		{"no relation word of the question", "Who married the narrator of Blue Harbor?", []string{"Blue Harbor"},
			"The narrator was voiced by Nora Vance.", 0, false, false},
		{"the relation word is the question's name's", "Who directed Mother of Pearl?", []string{"Mother of Pearl"},
			"The mother of the hero is played by Nora Vance.", 0, false, false},
		{"the name is the question's own", "Who married the narrator of Blue Harbor?", []string{"Blue Harbor"},
			"The narrator married in Blue Harbor.", 0, false, false},
		{"a year next to the relation", "When was the composer of Grey Dunes born?", []string{"Grey Dunes"},
			"Ivo Marek was born in 1874 in a village by the sea.", 0, true, false},
		{"a year the question holds is no answer", "Who was born in 1874 in the town of Grey Dunes?", []string{"Grey Dunes"},
			"The composer was born in 1874.", 0, false, false},
		{"split: the relation labels a line, the name is on the next", "Who was the spouse of the painter of Grey Dunes?", []string{"Grey Dunes"},
			"Spouse\nIvo Marek (m. 1920)", 0, true, true},
		{"the question's predicate restated, with a value", "What modern breed is most closely related to the extinct Tarvish hound?", []string{"Tarvish"},
			"The survey found that the breed most closely related to the Tarvish hound is the Carrow terrier.", 3, false, false},
		{"two words of the predicate meet by chance", "What modern breed is most closely related to the extinct Tarvish hound?", []string{"Tarvish"},
			"Both dogs are closely related to wolves of the Tarn valley.", 0, false, false},
		{"a figure in the run is a quantity, not the predicate", "Which coast road hosts a 300 km rally every spring?", nil,
			"The 300 km rally was open to Ardish sedans.", 0, false, false},
		{"the predicate restated without a value", "What modern breed is most closely related to the extinct Tarvish hound?", []string{"Tarvish"},
			"It is unclear which breed is most closely related to it.", 0, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := cuesFor(tt.question, tt.names...)
			spans := sentenceSpans(tt.text)
			var next *[2]int
			if len(spans) > 1 {
				next = &spans[1]
			}
			sg := c.signOf(tt.text, spans[0], next)
			run := sg.run
			if run < defaultParams.AnswerPhraseRun {
				run = 0
			}
			both := sg.span[1] > spans[0][1]
			if run != tt.wantRun || sg.value != tt.wantValue || both != tt.wantBoth {
				t.Fatalf("sign of %q = run %d value %v next %v; want run %d value %v next %v",
					tt.text, sg.run, sg.value, both, tt.wantRun, tt.wantValue, tt.wantBoth)
			}
		})
	}
}

func TestAddAnswerSentences(t *testing.T) {
	const question = "Who married the narrator of Blue Harbor?"
	character := "Tom Reyes is the narrator of the sitcom Blue Harbor. The show follows Tom Reyes and his friends in Leeds. " +
		"The narrator tells his children how he met their mother. The finale shows the station at night. " +
		"It ends as he lives a quiet married life with Nora Vance."
	filler := "Blue Harbor is a sitcom that aired on a national network from 2005 to 2014 in ten seasons."
	filler2 := "Its theme song was recorded in a single afternoon."
	p := DefaultParams()
	newRun := func() *run {
		tw := newTermWeights(&Plan{Question: question, Entities: []string{"Blue Harbor"}}, nil, &p)
		return &run{p: &p, req: Request{Question: question}, weights: tw, pages: []*pageRec{
			{status: statusOK, reading: &Reading{Content: character}},
			{status: statusOK, reading: &Reading{Content: filler + " " + filler2}},
		}}
	}
	lead := "Tom Reyes is the narrator of the sitcom Blue Harbor. The show follows Tom Reyes and his friends in Leeds."
	answer := "It ends as he lives a quiet married life with Nora Vance."
	scores := []float64{1.2, 0.4}
	rankOf := []int{0, 1}
	tight := estimateTokens(lead) + estimateTokens(filler) + estimateTokens(filler2) + 2
	for _, tt := range []struct {
		name    string
		chosen  []scoredQuote
		budget  int
		off     bool
		want    string // the answer sentence when it is added, "" for not added
		dropped string // the quote that made room for it
	}{
		{"added after the page's quote", []scoredQuote{{page: 0, quote: lead, score: 1.2}, {page: 1, quote: filler, score: 0.4}}, 1150, false, answer, ""},
		{"a lower page's second quote makes room",
			[]scoredQuote{{page: 0, quote: lead, score: 1.2}, {page: 1, quote: filler, score: 0.4}, {page: 1, quote: filler2, score: 0.3}},
			tight, false, answer, filler2},
		{"a page's last quote is cut to its best sentence, not dropped",
			[]scoredQuote{{page: 0, quote: lead, score: 1.2}, {page: 1, quote: filler + " " + filler2, score: 0.4}}, tight, false, answer, filler + " " + filler2},
		{"no room: every other quote is a hop's",
			[]scoredQuote{{page: 0, quote: lead, score: 1.2}, {page: 1, quote: filler, score: 0.4, must: true}, {page: 1, quote: filler2, score: 0.3, must: true}},
			tight, false, "", ""},
		{"the page's quote holds it already", []scoredQuote{{page: 0, quote: character, score: 1.2}}, 1150, false, "", ""},
		{"the rule off", []scoredQuote{{page: 0, quote: lead, score: 1.2}}, 1150, true, "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := newRun()
			if tt.off {
				pp := p
				pp.AnswerSentences = 0
				r.p = &pp
			}
			got := r.addAnswerSentences(append([]scoredQuote(nil), tt.chosen...), scores, rankOf, tt.budget, nil)
			added := ""
			for _, c := range got {
				if c.quote == answer {
					added = c.quote
					if c.page != 0 {
						t.Errorf("answer sentence credited to page %d", c.page)
					}
				}
			}
			if added != tt.want {
				t.Fatalf("added %q, want %q (evidence %q)", added, tt.want, quotesOf(got))
			}
			if tt.want != "" && got[1].quote != answer {
				t.Errorf("answer sentence not right after its page's quote: %q", quotesOf(got))
			}
			used := 0
			have := map[string]bool{}
			for _, c := range got {
				used += estimateTokens(c.quote)
				have[c.quote] = true
			}
			for _, c := range tt.chosen {
				if !have[c.quote] && c.quote != tt.dropped {
					t.Errorf("quote %q dropped", c.quote)
				}
			}
			if tt.name == "a page's last quote is cut to its best sentence, not dropped" && !have[filler] {
				t.Errorf("the low page's quote was not cut to %q: %q", filler, quotesOf(got))
			}
			if tt.dropped != "" && have[tt.dropped] {
				t.Errorf("quote %q kept, want it dropped to make room", tt.dropped)
			}
			if used > tt.budget {
				t.Errorf("evidence takes %d tokens, budget %d", used, tt.budget)
			}
		})
	}
}

func quotesOf(cs []scoredQuote) string {
	var out []string
	for _, c := range cs {
		out = append(out, c.quote)
	}
	return strings.Join(out, " | ")
}

// FuzzAnswerSign: any text and question read without a panic, and the
// quote a sign names is the sentence (with the next one) of the text.
func FuzzAnswerSign(f *testing.F) {
	f.Add("Who married the narrator of Blue Harbor?", "It ends as he lives a married life with Nora Vance. Spouse\nIvo Marek")
	f.Add("When was Ivo Marek born?", "Ivo Marek (born 1874) was a painter. Born\n1874")
	f.Add("What breed is most closely related to the hound?", "the breed most closely related to the hound is the Carrow terrier")
	f.Fuzz(func(t *testing.T, question, text string) {
		c := cuesFor(question)
		spans := sentenceSpans(text)
		for i, sp := range spans {
			var next *[2]int
			if i+1 < len(spans) {
				next = &spans[i+1]
			}
			sg := c.signOf(text, sp, next)
			if sg.span[0] != sp[0] || (sg.span[1] != sp[1] && (next == nil || sg.span[1] != next[1])) {
				t.Fatalf("sign span %v for sentence %v (next %v)", sg.span, sp, next)
			}
		}
		_ = c.bestSign(text, defaultParams.AnswerPhraseRun)
	})
}

func TestSentenceCut(t *testing.T) {
	for _, tt := range []struct {
		name, q string
		limit   int
		want    string
		ok      bool
	}{
		{"two sentences to the first", "Ann Lee painted the harbour. She was born in Leeds in 1901.", 40, "Ann Lee painted the harbour.", true},
		{"one sentence is never cut", "Ann Lee (1901 – 1970) was the daughter of Tom Lee, the son of Ivo Lee.", 20, "Ann Lee (1901 – 1970) was the daughter of Tom Lee, the son of Ivo Lee.", false},
		{"it fits already", "Ann Lee painted. She sang.", 100, "Ann Lee painted. She sang.", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := sentenceCut(tt.q, tt.limit, nil)
			if ok != tt.ok || (ok && got != tt.want) || (!ok && got != tt.q) {
				t.Fatalf("sentenceCut(%q, %d) = %q, %v; want %q, %v", tt.q, tt.limit, got, ok, tt.want, tt.ok)
			}
		})
	}
}

// BenchmarkAddAnswerSentences: ten cited pages of sixty sentences each,
// the answer on none (every sentence of every page is read).
func BenchmarkAddAnswerSentences(b *testing.B) {
	const question = "Who married the narrator of Blue Harbor?"
	p := DefaultParams()
	tw := newTermWeights(&Plan{Question: question, Entities: []string{"Blue Harbor"}}, nil, &p)
	var sb strings.Builder
	for i := 0; i < 60; i++ {
		sb.WriteString("In the seventh season the show moved to a new studio in Leeds, and Tom Reyes wrote most of its episodes. ")
	}
	r := &run{p: &p, req: Request{Question: question}, weights: tw}
	var chosen []scoredQuote
	scores := make([]float64, 10)
	rankOf := make([]int, 10)
	for i := 0; i < 10; i++ {
		r.pages = append(r.pages, &pageRec{status: statusOK, reading: &Reading{Content: sb.String()}})
		chosen = append(chosen, scoredQuote{page: i, quote: "Tom Reyes wrote most of its episodes.", score: 1})
		scores[i], rankOf[i] = 1, i
	}
	b.ResetTimer()
	for b.Loop() {
		r.addAnswerSentences(chosen, scores, rankOf, 1150, nil)
	}
}

// manyPeople is a sentence of n distinct two-word names and no relation
// word until its end ("... they married").
func manyPeople(n int) string {
	var b strings.Builder
	for i := range n {
		w := letterName(i)
		fmt.Fprintf(&b, "then Ada V%s Moray and Tom V%s Lee spoke; ", w, w)
	}
	b.WriteString("they married")
	return b.String()
}

// TestAnswerSignGrowsLinearly: a sentence (or the sentence after a short
// one) of thousands of names takes time in proportion to its length: each
// name's word was found by a scan from the sentence's start, and each
// value was held against every relation word. Timed against an eighth of
// itself: linear work grows 8×, quadratic 64×.
func TestAnswerSignGrowsLinearly(t *testing.T) {
	c := newAnswerCues("Who married the painter of Lind?", nil, 4, 3)
	c.kind = kindPerson
	c.relation["married"] = true
	run := func(n int) time.Duration {
		long := manyPeople(n)
		content := "Her husband married. " + long
		first, next := [2]int{0, 20}, [2]int{21, len(content)}
		start := time.Now()
		c.signOf(long, [2]int{0, len(long)}, nil)
		c.signOf(content, first, &next)
		return time.Since(start)
	}
	run(64)        // warm up
	const n = 8000 // about 340 KB
	wantLinear(t, "names", n, time.Second, run)
}
