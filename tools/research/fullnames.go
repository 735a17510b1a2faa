package research

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A page names a person in full once and by the surname after ("Tom
// Reyes wrote the script with Anna Varga. ... Varga was the executive
// producer."). A quote whose sentence
// has a bare surname for its subject says what the person did but not who
// the person is; the sentence that first names them in full does.

// addFullNames adds, budget permitting and best quotes first, the sentence
// of the same page that first names in full a person a chosen quote's
// sentence opens with by surname alone, when no quote of the page names
// them in full already.
func (r *run) addFullNames(chosen []scoredQuote, maxTokens int, boiler map[string]bool) []scoredQuote {
	used, order := budgetOrder(chosen)
	added := map[[3]int]bool{} // page, and the sentence's span in it
	for _, k := range order {
		c := chosen[k]
		rd := r.pages[c.page].reading
		if rd == nil {
			continue
		}
		at := strings.Index(rd.Content, c.quote)
		if at < 0 {
			continue
		}
		for _, surname := range surnameSubjects(c.quote, r.p.SurnameMinBytes) {
			sp, full, ok := fullNameBefore(rd.Content, at, surname, boiler, r.p.FullNameMaxChars)
			key := [3]int{c.page, sp[0], sp[1]}
			if !ok || added[key] || pageQuotesName(chosen, c.page, full) {
				continue
			}
			q := rd.Content[sp[0]:sp[1]]
			t := estimateTokens(q)
			if used+t > maxTokens {
				continue
			}
			added[key] = true
			used += t
			chosen = append(chosen, scoredQuote{page: c.page, quote: q, full: q, score: c.score * r.p.FullNameScore, sh: shingles(q)})
		}
	}
	return chosen
}

// surnameSubjects are the single capitalised words that open a sentence of
// quote as its subject: a name word of minBytes or more that starts with
// a capital letter (not a year: isCap takes "1990" for a name's word; not
// a stop word such as "The" or "In") followed by a word in lower case
// ("Varga was", "Holt and").
func surnameSubjects(quote string, minBytes int) []string {
	var out []string
	for _, sp := range sentenceSpans(quote) {
		s := quote[sp[0]:sp[1]]
		ws := wordSpans(s)
		if len(ws) < 2 || ws[0][0] != leftSpace(s) {
			continue // opens with punctuation: a quotation, a list mark
		}
		w, next := s[ws[0][0]:ws[0][1]], s[ws[1][0]:ws[1][1]]
		if first, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(first) || isCap(next) || len(w) < minBytes || stemOf(w) == "" || s[ws[0][1]:ws[1][0]] != " " {
			continue
		}
		out = append(out, w)
	}
	return uniq(out)
}

// fullNameBefore finds the first sentence of content before offset at
// that names surname as the last word of a longer name ("Ronald Shusett"),
// not in site chrome nor a heading, at most maxChars long: its span and the
// full name.
func fullNameBefore(content string, at int, surname string, boiler map[string]bool, maxChars int) ([2]int, string, bool) {
	for _, sp := range sentenceSpans(content[:at]) {
		s := content[sp[0]:sp[1]]
		if sp[1]-sp[0] > maxChars || strings.HasPrefix(s, "#") || boiler[strings.TrimSpace(s)] {
			continue
		}
		for _, n := range capitalSpans(s) {
			ws := strings.Fields(n)
			if len(ws) >= 2 && ws[len(ws)-1] == surname {
				lo := sp[0] + leftSpace(s)
				return [2]int{lo, sp[1]}, n, true
			}
		}
	}
	return [2]int{}, "", false
}

// pageQuotesName reports whether a chosen quote of page names name.
func pageQuotesName(chosen []scoredQuote, page int, name string) bool {
	for _, c := range chosen {
		if c.page == page && strings.Contains(c.quote, name) {
			return true
		}
	}
	return false
}
