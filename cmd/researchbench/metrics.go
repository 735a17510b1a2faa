package main

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
)

// question is one line of questions_dev.jsonl.
type question struct {
	ID              string  `json:"id"`
	Question        string  `json:"question"`
	Answer          string  `json:"answer"`
	Type            string  `json:"type"`
	Level           string  `json:"level"`
	SupportingFacts [][]any `json:"supporting_facts"`
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

// score measures one result against the question's gold pages and answer.
func score(q question, ev []research.Evidence, titleOf func(string) (string, bool)) outcome {
	o := outcome{Q: q}
	gold := map[string]bool{}
	for _, g := range q.gold() {
		gold[g] = true
	}
	o.GoldTotal = len(gold)
	cited := map[string]bool{}
	ans := normalizeAnswer(q.Answer)
	o.YesNo = ans == "yes" || ans == "no"
	for _, e := range ev {
		o.Tokens += (len(e.Quote) + 3) / 4
		t, ok := titleOf(e.URL)
		if !ok || !gold[t] {
			continue
		}
		cited[t] = true
		if !o.YesNo && ans != "" && strings.Contains(" "+normalizeAnswer(e.Quote)+" ", " "+ans+" ") {
			o.AnswerSeen = true
		}
	}
	o.GoldCited = len(cited)
	return o
}

type summary struct {
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
