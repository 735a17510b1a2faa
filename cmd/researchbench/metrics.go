package main

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	extractscore "github.com/deepresearch-mcp/deepresearch-mcp/extract/score"
	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
)

// question is one line of questions_dev.jsonl.
type question struct {
	ID              string   `json:"id"`
	Question        string   `json:"question"`
	Answer          string   `json:"answer"`
	Type            string   `json:"type"`
	Level           string   `json:"level"`
	SupportingFacts [][]any  `json:"supporting_facts"`
	AnswerAliases   []string `json:"answer_aliases"`
}

// answers are the accepted wordings: the answer and its aliases, normalised.
func (q question) answers() []string {
	var out []string
	for _, a := range append([]string{q.Answer}, q.AnswerAliases...) {
		if n := normalizeAnswer(a); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func (q question) gold() []string {
	seen := map[string]bool{}
	var out []string
	for _, sf := range q.SupportingFacts {
		if len(sf) == 0 {
			continue
		}
		if t, ok := sf[0].(string); ok && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

var articles = regexp.MustCompile(`\b(a|an|the)\b`)

// normalizeAnswer is HotpotQA's normalisation: lower case, punctuation and
// articles removed, white space collapsed.
func normalizeAnswer(s string) string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return r
	}, s)
	s = articles.ReplaceAllString(s, " ")
	return strings.Join(strings.Fields(s), " ")
}

// outcome is how one question went.
type outcome struct {
	Q          question
	GoldCited  int
	GoldTotal  int
	AnswerSeen bool // meaningful only when !YesNo
	YesNo      bool
	Tokens     int
	Seconds    float64
	PagesRead  int
	Complete   bool
	Err        string
}

// pageOf maps an evidence URL to its page's title and own text (no chrome).
type pageOf func(url string) (title, text string, ok bool)

// sitePages is pageOf for a mini-web.
func sitePages(site *miniweb.Site) pageOf {
	return func(u string) (string, string, bool) {
		t, ok := site.TitleOf(u)
		if !ok {
			return "", "", false
		}
		text, _ := site.TextOf(u)
		return t, text, true
	}
}

// score measures one result against the question's gold pages and answer.
// A gold page counts as cited only when one of its quotes carries the
// page's own text (a run of four of its words), not just site chrome (the
// byline, the menu, the sidebar); the answer counts only in such a quote.
func score(q question, ev []research.Evidence, pages pageOf) outcome {
	o := outcome{Q: q}
	gold := map[string]bool{}
	for _, g := range q.gold() {
		gold[g] = true
	}
	o.GoldTotal = len(gold)
	cited := map[string]bool{}
	answers := q.answers()
	o.YesNo = len(answers) > 0 && (answers[0] == "yes" || answers[0] == "no")
	for _, e := range ev {
		o.Tokens += (len(e.Quote) + 3) / 4
		t, text, ok := pages(e.URL)
		if !ok || !gold[t] || !carriesText(e.Quote, text) {
			continue
		}
		cited[t] = true
		if o.YesNo {
			continue
		}
		nq := " " + normalizeAnswer(e.Quote) + " "
		for _, a := range answers {
			if strings.Contains(nq, " "+a+" ") {
				o.AnswerSeen = true
			}
		}
	}
	o.GoldCited = len(cited)
	return o
}

// carriesText reports whether quote holds a run of four consecutive words
// of text (all of text when it is shorter), compared case-insensitively.
func carriesText(quote, text string) bool {
	tw := lowerTokens(text)
	qw := lowerTokens(quote)
	n := min(4, len(tw))
	if n == 0 || len(qw) < n {
		return false
	}
	runs := map[string]bool{}
	for i := 0; i+n <= len(tw); i++ {
		runs[strings.Join(tw[i:i+n], " ")] = true
	}
	for i := 0; i+n <= len(qw); i++ {
		if runs[strings.Join(qw[i:i+n], " ")] {
			return true
		}
	}
	return false
}

func lowerTokens(s string) []string {
	ts := extractscore.Tokens(s)
	for i, t := range ts {
		ts[i] = strings.ToLower(t)
	}
	return ts
}

type summary struct {
	Name               string
	N                  int
	BothGold           float64
	GoldRecall         float64
	AnswerRecall       float64
	AnswerN            int
	TokensMedian       float64
	SecondsMedian      float64
	SecondsP90         float64
	PagesMedian        float64
	Incomplete, Errors int
}

func summarize(os []outcome) summary {
	s := summary{N: len(os)}
	var both, gc, gt, ans int
	var toks, secs, pages []float64
	for _, o := range os {
		if o.Err != "" {
			s.Errors++
		}
		if !o.Complete {
			s.Incomplete++
		}
		if o.GoldCited == o.GoldTotal {
			both++
		}
		gc += o.GoldCited
		gt += o.GoldTotal
		if !o.YesNo {
			s.AnswerN++
			if o.AnswerSeen {
				ans++
			}
		}
		toks = append(toks, float64(o.Tokens))
		secs = append(secs, o.Seconds)
		pages = append(pages, float64(o.PagesRead))
	}
	if s.N > 0 {
		s.BothGold = float64(both) / float64(s.N)
	}
	if gt > 0 {
		s.GoldRecall = float64(gc) / float64(gt)
	}
	if s.AnswerN > 0 {
		s.AnswerRecall = float64(ans) / float64(s.AnswerN)
	}
	s.TokensMedian = quantile(toks, 0.5)
	s.SecondsMedian = quantile(secs, 0.5)
	s.SecondsP90 = quantile(secs, 0.9)
	s.PagesMedian = quantile(pages, 0.5)
	return s
}

// quantile by the nearest-rank method on a sorted copy.
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if q <= 0.5 && len(s)%2 == 0 && q == 0.5 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	i := int(q*float64(len(s))+0.999999) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(s) {
		i = len(s) - 1
	}
	return s[i]
}

// byType summarises the outcomes of each question type, in order of first appearance.
func byType(outs []outcome) []summary {
	var order []string
	groups := map[string][]outcome{}
	for _, o := range outs {
		if _, ok := groups[o.Q.Type]; !ok {
			order = append(order, o.Q.Type)
		}
		groups[o.Q.Type] = append(groups[o.Q.Type], o)
	}
	var out []summary
	for _, t := range order {
		s := summarize(groups[t])
		s.Name = t
		out = append(out, s)
	}
	return out
}
