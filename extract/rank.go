package extract

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// BM25 parameters: the usual defaults, which suit paragraph-length passages.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
	// proximityWeight rewards query terms that stand next to each other in
	// the passage (per adjacent pair, times the pair's mean idf), so
	// "climate change" beats a passage with "climate" and "change" apart.
	proximityWeight = 0.3
	// headingWeight rewards query terms in the passage's heading.
	headingWeight = 0.3
)

// tokenize appends the search terms of text to buf: lower-cased runs of
// letters and digits, stop words removed, English words lightly stemmed.
// Han, Hiragana and Katakana characters are single-character terms, as
// those scripts do not separate words with spaces.
func tokenize(text string, buf []string) []string {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if t := normalizeTerm(text[start:end]); t != "" {
				buf = append(buf, t)
			}
			start = -1
		}
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII fast path: most text, no decoding or table lookups.
			if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
				if start < 0 {
					start = i
				}
			} else if c == '\'' && negation(text[i+1:]) {
				start = -1 // "won't", "can't": an auxiliary, not a term
			} else {
				flush(i)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isIdeograph(r):
			flush(i)
			buf = append(buf, text[i:i+n])
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r):
			if start < 0 {
				start = i
			}
		case r == '’' && negation(text[i+n:]):
			start = -1 // "won’t": an auxiliary, not a term
		case r == '\'' || r == '’':
			// "don't", "Obama's": the apostrophe ends the word; a short tail
			// ("s", "t") is dropped by the stop list.
			flush(i)
		default:
			flush(i)
		}
		i += n
	}
	flush(len(text))
	return buf
}

// negation reports that the text after an apostrophe is the "t" of a
// negated auxiliary ("won't", "can't"): the word before it is a function
// word even when its letters spell a content word ("won", "can").
func negation(after string) bool {
	if after == "" || (after[0] != 't' && after[0] != 'T') {
		return false
	}
	if len(after) == 1 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(after[1:])
	return !unicode.IsLetter(r) && !unicode.IsDigit(r)
}

func isIdeograph(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

// normalizeTerm lower-cases w (allocating only when it has upper case),
// drops stop words and single letters, and strips common English suffixes.
func normalizeTerm(w string) string {
	lower := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			lower = false
			break
		}
	}
	if !lower {
		w = strings.ToLower(w)
	}
	if len(w) == 1 && w[0] < 0x80 && !(w[0] >= '0' && w[0] <= '9') {
		return ""
	}
	if _, stop := stopWords[w]; stop {
		return ""
	}
	return stem(w)
}

// stem strips a few English inflections from ASCII words so that
// "studies"/"study", "matches"/"match", "running"/"runn" meet. It is
// deliberately light: stems are only compared with each other.
func stem(w string) string {
	n := len(w)
	if n <= 3 || w[n-1] > 0x7f || w[0] >= '0' && w[0] <= '9' {
		return w
	}
	switch {
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3]
	case strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
		return w[:n-2]
	case strings.HasSuffix(w, "s"):
		return w[:n-1]
	case strings.HasSuffix(w, "ing") && n > 6:
		return w[:n-3]
	case strings.HasSuffix(w, "ed") && n > 5:
		return w[:n-2]
	case strings.HasSuffix(w, "ly") && n > 5:
		return w[:n-2]
	case strings.HasSuffix(w, "y") && n > 4:
		return w[:n-1]
	}
	return w
}

// stopWords are the function words of English (and the words questions are
// made of): they carry no topic, so they are not search terms. This is the
// project's one stop-word list; research uses it through IsStopWord.
var stopWords = func() map[string]struct{} {
	words := strings.Fields(`a about above after again against all am an and another any are aren as at be
	because been before being below between both but by can cannot could couldn did didn do does doesn
	doing don done down during each either few for from further had hadn has hasn have haven having he her here hers
	herself him himself his how i if in into is isn it its itself just ll may me might more most much must mustn my myself
	neither no nor not now of off on once one ones only onto or other our ours ourselves out over own re s same shall shan she should
	shouldn so some such t than that the their theirs them themselves then there these they this those
	through to too under until up upon us ve very was wasn we were weren what when where whether which while who whom whose
	why will with would wouldn yes you your yours yourself yourselves d m o y also many`)
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}()

// IsStopWord reports whether w (lower case) is a function word.
func IsStopWord(w string) bool {
	_, ok := stopWords[w]
	return ok
}

// rankPassages scores passages with BM25 over the passages themselves as
// the collection, plus small bonuses for adjacent query terms and for
// query terms in the heading. Best first; ties keep page order.
func rankPassages(query string, passages []Passage) []ScoredPassage {
	out := make([]ScoredPassage, len(passages))
	for i, p := range passages {
		out[i] = ScoredPassage{Passage: p, Index: i}
	}
	qTerms := uniqueTerms(tokenize(query, nil))
	if len(qTerms) == 0 || len(passages) == 0 {
		return out
	}
	qIndex := make(map[string]int, len(qTerms))
	for i, t := range qTerms {
		qIndex[t] = i
	}
	// One pass per passage: term frequencies of query terms only, length,
	// and adjacent query-term pairs.
	nq := len(qTerms)
	tf := make([]int, len(passages)*nq)
	lengths := make([]int, len(passages))
	pairs := make([][]int, len(passages))
	df := make([]int, nq)
	var buf []string
	total := 0
	for i, p := range passages {
		buf = tokenize(p.Text, buf[:0])
		lengths[i] = len(buf)
		total += len(buf)
		row := tf[i*nq : (i+1)*nq]
		prev := -1
		for _, t := range buf {
			qi, ok := qIndex[t]
			if !ok {
				prev = -1
				continue
			}
			row[qi]++
			if prev >= 0 && prev != qi {
				pairs[i] = append(pairs[i], prev, qi)
			}
			prev = qi
		}
		for qi, c := range row {
			if c > 0 {
				df[qi]++
			}
		}
	}
	n := float64(len(passages))
	avg := float64(total) / n
	if avg == 0 {
		avg = 1
	}
	idf := make([]float64, nq)
	for qi := range qTerms {
		idf[qi] = math.Log(1 + (n-float64(df[qi])+0.5)/(float64(df[qi])+0.5))
	}
	for i, p := range passages {
		row := tf[i*nq : (i+1)*nq]
		var s float64
		norm := bm25K1 * (1 - bm25B + bm25B*float64(lengths[i])/avg)
		for qi, c := range row {
			if c == 0 {
				continue
			}
			f := float64(c)
			s += idf[qi] * f * (bm25K1 + 1) / (f + norm)
		}
		if s == 0 {
			continue
		}
		for k := 0; k+1 < len(pairs[i]) && k < 20; k += 2 {
			s += proximityWeight * (idf[pairs[i][k]] + idf[pairs[i][k+1]]) / 2
		}
		if p.Heading != "" {
			for _, t := range uniqueTerms(tokenize(p.Heading, buf[:0])) {
				if qi, ok := qIndex[t]; ok {
					s += headingWeight * idf[qi]
				}
			}
		}
		out[i].Score = s
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Score > out[b].Score })
	return out
}

// uniqueTerms removes repeats in place, keeping first occurrences.
func uniqueTerms(ts []string) []string {
	out := ts[:0]
	for i, t := range ts {
		dup := false
		for _, u := range ts[:i] {
			if u == t {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, t)
		}
	}
	return out
}
