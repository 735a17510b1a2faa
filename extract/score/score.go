// Package score implements the scoring of scrapinghub's
// article-extraction-benchmark (shingle precision/recall over \w+ tokens) and
// loads its data, so the bench command and the regression test agree exactly.
package score

import "github.com/deepresearch-mcp/deepresearch-mcp/extract"

// Counts are the multiset shingle matches of one page.
type Counts struct{ TP, FP, FN int }

// Precision is tp/(tp+fp), 1 when the prediction is exactly right.
func (c Counts) Precision() float64 {
	if c.FP == 0 && c.FN == 0 {
		return 1
	}
	if c.TP+c.FP == 0 {
		return 0
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is tp/(tp+fn), 1 when the prediction is exactly right.
func (c Counts) Recall() float64 {
	if c.FP == 0 && c.FN == 0 {
		return 1
	}
	if c.TP+c.FN == 0 {
		return 0
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// Tokens returns the \w+ runs of s (extract's word tokenizer, so the
// scorer and the extractor agree on what a word is).
func Tokens(s string) []string { return extract.WordTokens(s) }

// AppendTokens appends the \w+ runs of s to out.
func AppendTokens(out []string, s string) []string { return extract.AppendWordTokens(out, s) }

// Shingles counts the 4-token shingles of s; a text shorter than four tokens
// is one shingle of all its tokens (an empty text is one empty shingle, so an
// empty prediction counts as precision 0, as in the benchmark).
func Shingles(s string) map[string]int {
	const n = 4
	toks := Tokens(s)
	m := make(map[string]int, len(toks))
	if len(toks) < n {
		key := join(toks)
		m[key]++
		return m
	}
	for i := 0; i+n <= len(toks); i++ {
		m[join(toks[i:i+n])]++
	}
	return m
}

func join(toks []string) string {
	size := 0
	for _, t := range toks {
		size += len(t) + 1
	}
	b := make([]byte, 0, size)
	for i, t := range toks {
		if i > 0 {
			b = append(b, 0)
		}
		b = append(b, t...)
	}
	return string(b)
}

// Compare scores one prediction against the truth. Counts are raw (not
// divided by tp+fp+fn): the benchmark's normalisation cancels out in P and R.
func Compare(truth, pred string) Counts {
	t := Shingles(truth)
	p := Shingles(pred)
	var c Counts
	for k, pv := range p {
		tv := t[k]
		c.TP += min(tv, pv)
		c.FP += max(0, pv-tv)
	}
	for k, tv := range t {
		c.FN += max(0, tv-p[k])
	}
	return c
}

// Summary is the benchmark figure over many pages.
type Summary struct {
	Precision, Recall, F1 float64
	Pages                 int
}

// Summarize averages page precision and recall (over pages where each is
// defined) and takes the F1 of the two means, as the benchmark does.
func Summarize(pages []Counts) Summary {
	var ps, rs float64
	var np, nr int
	for _, c := range pages {
		if c.TP+c.FP > 0 {
			ps += c.Precision()
			np++
		}
		if c.TP+c.FN > 0 {
			rs += c.Recall()
			nr++
		}
	}
	s := Summary{Pages: len(pages)}
	if np > 0 {
		s.Precision = ps / float64(np)
	}
	if nr > 0 {
		s.Recall = rs / float64(nr)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}
