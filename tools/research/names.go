package research

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
)

// Finding names in a question or a sentence: runs of capitalised words,
// with the lower-case words titles are made of ("Museum of Modern Art",
// "A Garden of Their Own" written "of their Own"), particles of surnames
// ("d'Este"), a parenthesised qualifier that belongs to the name
// ("Empress Wang (Gaozong)"), and without the possessive ending a name
// carries in a question ("Anna Benson's husband" names "Anna Benson").

// connectors may sit inside a capitalised name ("Museum of Modern Art").
var connectors = map[string]bool{
	"of": true, "the": true, "and": true, "de": true, "la": true, "le": true, "von": true, "van": true,
	"der": true, "del": true, "da": true, "di": true, "du": true, "for": true, "in": true, "on": true, "&": true, "y": true,
	"to": true, "with": true, "at": true, "from": true, "a": true, "an": true,
}

// determiners may follow a connector inside a title ("League of their Own",
// "Return of the King", "Dancing with the Stars").
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "their": true, "his": true, "her": true, "its": true, "my": true,
	"your": true, "our": true,
}

// quotedSpans returns text inside double quotes.
func quotedSpans(q string) []string {
	var out []string
	for _, pair := range [][2]string{{`"`, `"`}, {"“", "”"}} {
		rest := q
		for {
			i := strings.Index(rest, pair[0])
			if i < 0 {
				break
			}
			rest = rest[i+len(pair[0]):]
			j := strings.Index(rest, pair[1])
			if j < 0 {
				break
			}
			if s := strings.TrimSpace(rest[:j]); s != "" {
				out = append(out, s)
			}
			rest = rest[j+len(pair[1]):]
		}
	}
	return out
}

// capitalSpans returns the names in q, skipping the capital a question starts with.
func capitalSpans(q string) []string {
	var out []string
	for _, n := range capitalSpansAt(q) {
		out = append(out, n.name)
	}
	return out
}

// nameAt is a name and the byte offset in its text where it stands.
type nameAt struct {
	name string
	at   int
}

// capitalSpansAt is capitalSpans with where each name stands in q.
func capitalSpansAt(q string) []nameAt {
	ws := wordSpans(q)
	word := func(i int) string { return q[ws[i][0]:ws[i][1]] }
	clean := func(a, b int) bool { return !strings.ContainsAny(q[ws[a][1]:ws[b][0]], ",;:?!()\"“”") }
	var out []nameAt
	i := 0
	for i < len(ws) {
		w := word(i)
		if !isCap(w) || (i == 0 && opensNotName(w)) || labelAt(q, ws, i) {
			i++
			continue
		}
		j := i
		end := i
		for j+1 < len(ws) {
			if !clean(j, j+1) || (isPossessive(word(j)) && !isCap(word(j+1))) {
				// A possessive ends the name unless a capital follows
				// (a title: "Isabella d'Este's Coronation").
				break
			}
			next := word(j + 1)
			if labelAt(q, ws, j+1) {
				break
			}
			if isCap(next) || (nameNumber(next) && numberJoins(q[ws[j][1]:ws[j+1][0]]) && !measureAfter(q[ws[j+1][1]:])) {
				j++
				end = j
				continue
			}
			lower := strings.ToLower(next)
			if connectors[lower] && j+2 < len(ws) && isCap(word(j+2)) && clean(j+1, j+2) {
				j += 2
				end = j
				continue
			}
			// "of their Own": a connector and a determiner before a capital.
			if connectors[lower] && j+3 < len(ws) && determiners[strings.ToLower(word(j+2))] && isCap(word(j+3)) && clean(j+1, j+2) && clean(j+2, j+3) {
				j += 3
				end = j
				continue
			}
			break
		}
		spanEnd := ws[end][1]
		next := end + 1
		// A parenthesised qualifier right after the name is part of it.
		if rest := q[spanEnd:]; strings.HasPrefix(rest, " (") {
			if k := strings.IndexByte(rest, ')'); k > 2 && k < 40 && !strings.ContainsAny(rest[2:k], "(?") {
				spanEnd += k + 1
				for next < len(ws) && ws[next][0] < spanEnd {
					next++
				}
				if next < len(ws) && word(next) == "s" && ws[next][0] <= spanEnd+2 {
					next++ // "(Gaozong)'s"
				}
			}
		}
		span := trimPossessive(q[ws[i][0]:spanEnd])
		// A lone capitalised word is a name worth a search of its own only
		// when it is distinctive: not the word the sentence starts with, not
		// a bare number, not a function word.
		if end > i || spanEnd > ws[end][1] || ((i > 0 || oddlyCased(span)) && !isNumber(span) && isDistinctWord(span)) {
			out = append(out, nameAt{span, ws[i][0]})
		}
		i = next
	}
	return out
}

// labelAt reports a capitalised participle a preposition follows
// ("Directed by", "Based on", "Edited by"): an infobox's row label, which a
// page flattened into one line sets right after the last row's name
// ("Screenplay by Piero Salvi Based on ..."). It is no word of the name
// before it, nor a name of its own. In running text such a participle is
// lower-case ("a film directed by").
func labelAt(q string, ws [][2]int, i int) bool {
	if i+1 >= len(ws) {
		return false
	}
	w := q[ws[i][0]:ws[i][1]]
	if !labelParticiple(w) || q[ws[i][1]:ws[i+1][0]] != " " {
		return false
	}
	return labelPrepositions[q[ws[i+1][0]:ws[i+1][1]]]
}

// labelPrepositions follow a row label's participle, lower-case.
var labelPrepositions = map[string]bool{"by": true, "on": true}

// labelParticiple reports a capitalised past participle in -ed of five
// letters or more, not in -eed ("Based", "Produced", "Edited"; not "Fred",
// "Reed"): a row label's shape.
func labelParticiple(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed")
}

// nameNumber reports a word that is a number or starts with one ("2",
// "146", "34th", "4B"): after a capitalised word it is part of the name
// ("Shrek 2", "BAe 146", "Miracle on 34th Street"), not a quantity.
func nameNumber(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r) && len(w) <= 6
}

// measureAfter reports text that opens with a unit sign, after a number:
// "51 ° 12 ′" is a coordinate, "48 %" a share, not a number in a name
// ("Ostland 51 ° 12 ′ N" is Ostland and where it lies).
func measureAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	for _, sign := range []string{"°", "′", "″", "%", "º"} {
		if strings.HasPrefix(rest, sign) {
			return true
		}
	}
	return false
}

// numberJoins reports a gap between a name's word and a number that keeps
// them one name: a space or a hyphen ("AAM-N-4"), no other punctuation.
func numberJoins(gap string) bool { return gap == " " || gap == "-" }

// joinTitles joins a name and the title set after it by a comma
// ("Conrad III, Count of Marlow", "Otto IV, Duke of Wexen"): a
// capitalised "X of Y" right after ", " is the name's, not a second name.
// A name and a capitalised subtitle after ": " are one title ("Harbour at
// Dusk: Portrait of Ada Lind Voss"): a question joins two
// names by words, not by a colon.
func joinTitles(q string, spans []string) []string {
	var out []string
	// Where q has ", " and ": ", once: each pair of names is looked for at
	// those places, not in all of q again (a question of thousands of
	// names read itself once a pair).
	commas, colons := indexesOf(q, ", "), indexesOf(q, ": ")
	for i := 0; i < len(spans); i++ {
		if i+1 < len(spans) {
			a, b := spans[i], spans[i+1]
			if strings.Contains(strings.ToLower(b), " of ") && len(strings.Fields(b)) <= 5 && joinedAt(q, commas, a, b) {
				out = append(out, a+", "+b)
				i++
				continue
			}
			if !strings.Contains(b, " and ") && joinedAt(q, colons, a, b) {
				sub := a + ": " + b
				// (A subtitle with "and" in it may be two names joined: "Tide:
				// For Love of Salt and Quiet Harbour".)
				out = append(out, sub)
				i++
				continue
			}
		}
		out = append(out, spans[i])
	}
	return out
}

// indexesOf is every offset of sep in s.
func indexesOf(s, sep string) []int {
	var out []int
	for at := 0; ; {
		i := strings.Index(s[at:], sep)
		if i < 0 {
			return out
		}
		out = append(out, at+i)
		at += i + len(sep)
	}
}

// joinedAt reports that q holds a, a separator and b, the separator at one
// of seps (every offset of it in q; two bytes long): q contains a+sep+b.
func joinedAt(q string, seps []int, a, b string) bool {
	for _, at := range seps {
		if strings.HasSuffix(q[:at], a) && strings.HasPrefix(q[at+2:], b) {
			return true
		}
	}
	return false
}

// isPossessive reports a word ending in 's ("Benson's").
func isPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// trimPossessive drops a possessive ending from a name.
func trimPossessive(s string) string {
	for _, suf := range []string{"'s", "’s"} {
		if strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

// isCap reports a capitalised word, a year, or a surname particle before a
// capital ("d'Este", "O'Neil" is capitalised already).
func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) || (unicode.IsDigit(r) && len(w) == 4) {
		return true
	}
	if i := strings.IndexAny(w, "'’"); i > 0 && i <= 3 {
		rest := w[i:]
		_, n := utf8.DecodeRuneInString(rest)
		r2, _ := utf8.DecodeRuneInString(rest[n:])
		return unicode.IsUpper(r2)
	}
	return false
}

func isDistinctWord(w string) bool {
	if extract.IsStopWord(strings.ToLower(w)) || questionWords[strings.ToLower(w)] {
		return false
	}
	return utf8.RuneCountInString(w) >= 4
}

// opensNotName reports a capitalised word that opens a text (a question,
// a sentence) as a function word does: the capital is the sentence's, not
// a name's. "During Maren's absence" speaks of Maren, "In Tenby" of
// Tenby, "Which war" of no name; a name is never "During Maren". A word
// cased oddly is an acronym, not the function word it spells ("US", "IT").
func opensNotName(w string) bool {
	lw := strings.ToLower(w)
	return questionWords[lw] || (extract.IsStopWord(lw) && !oddlyCased(w))
}

// oddlyCased reports a word whose capitals are not just the first letter's
// ("D1NZ", "McLaren", "iPhone"): a name even at the start of a sentence.
func oddlyCased(w string) bool {
	for i, r := range w {
		if i > 0 && (unicode.IsUpper(r) || unicode.IsDigit(r)) {
			return true
		}
	}
	return false
}
