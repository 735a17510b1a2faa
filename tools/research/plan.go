package research

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
)

// Plan is what the coordinator sets out to find.
type Plan struct {
	Question string
	Keywords string   // the question without stop words
	Entities []string // named things the question is about (comparisons: each side)
	Sides    []string // the things a comparison compares
	Queries  []string // searches to run first, best first, deduplicated
	// Comparison is set when the question compares or pairs entities
	// ("Which is older, X or Y?", "Are X and Y both ..."): evidence must cover each.
	Comparison bool
}

// questionWords open a question; capitalised only because they start it.
var questionWords = map[string]bool{
	"what": true, "which": true, "who": true, "whom": true, "whose": true, "when": true, "where": true,
	"why": true, "how": true, "is": true, "are": true, "was": true, "were": true, "do": true, "does": true,
	"did": true, "in": true, "the": true, "a": true, "an": true, "name": true, "of": true, "on": true,
	"at": true, "for": true, "from": true, "by": true, "this": true, "that": true, "these": true, "can": true,
	"has": true, "have": true, "had": true, "both": true, "between": true, "as": true, "after": true, "before": true,
}

// connectors may sit inside a capitalised name ("Museum of Modern Art").
var connectors = map[string]bool{
	"of": true, "the": true, "and": true, "de": true, "la": true, "le": true, "von": true, "van": true,
	"der": true, "del": true, "da": true, "di": true, "du": true, "for": true, "in": true, "on": true, "&": true, "y": true,
}

// NewPlan builds the queries for question plus the caller's extra queries,
// with the default tuning.
func NewPlan(question string, extra []string) *Plan { return newPlan(question, extra, &defaultParams) }

func newPlan(question string, extra []string, params *Params) *Plan {
	q := strings.TrimSpace(question)
	p := &Plan{Question: q, Keywords: keywordForm(q)}
	var ents []string
	sides := comparisonSides(q)
	if len(sides) >= 2 {
		p.Comparison = true
		p.Sides = sides
	}
	ents = append(ents, quotedSpans(q)...)
	ents = append(ents, capitalSpans(q)...)
	// An entity inside a longer one adds nothing as a query of its own...
	ents = dropContained(dedupeFold(ents, strings.EqualFold))
	// ...but the sides of a comparison are searched one by one, and a span
	// that joins them ("Local H and For Against") is not a name.
	var kept []string
	for _, e := range ents {
		n := 0
		for _, s := range sides {
			if containsWords(e, s) {
				n++
			}
		}
		if n < 2 {
			kept = append(kept, e)
		}
	}
	p.Entities = dedupeFold(append(sides, kept...), strings.EqualFold)

	queries := []string{q}
	// The keyword form helps engines that match words literally; when the
	// question names entities, their own searches do that job better.
	if len(p.Entities) == 0 && p.Keywords != "" {
		queries = append(queries, p.Keywords)
	}
	queries = append(queries, p.Entities...)
	for _, x := range extra {
		if x = strings.TrimSpace(x); x != "" {
			queries = append(queries, x)
		}
	}
	queries = dedupeFold(queries, func(a, b string) bool {
		return normQuery(a) == normQuery(b)
	})
	if maxPlannedQueries := params.MaxPlannedQueries; len(queries) > maxPlannedQueries {
		// The caller's queries are kept: they know something we do not.
		keep := maxPlannedQueries - len(extra)
		if keep < 2 {
			keep = 2
		}
		if keep < len(queries)-len(extra) {
			queries = append(queries[:keep:keep], queries[len(queries)-len(extra):]...)
		}
	}
	p.Queries = queries
	return p
}

// normQuery is a query's identity for deduplication: its words, lower-cased.
func normQuery(s string) string {
	var ws []string
	for _, sp := range wordSpans(s) {
		ws = append(ws, strings.ToLower(s[sp[0]:sp[1]]))
	}
	return strings.Join(ws, " ")
}

// keywordForm drops stop words and punctuation: what a person types into a search box.
func keywordForm(q string) string {
	var out []string
	for _, w := range wordSpans(q) {
		word := q[w[0]:w[1]]
		if extract.IsStopWord(strings.ToLower(word)) {
			continue
		}
		out = append(out, word)
	}
	return strings.Join(out, " ")
}

// comparisonSides finds the things a question compares: "..., X or Y?",
// "Are X and Y both ...?", "Between X and Y, which ...".
func comparisonSides(q string) []string {
	body := strings.TrimRight(q, "?. ")
	// "Which is older, X or Y" / "Who was born first, X or Y"
	if i := strings.LastIndex(body, ","); i >= 0 {
		tail := strings.TrimSpace(body[i+1:])
		if parts := splitOr(tail); len(parts) >= 2 {
			return parts
		}
	}
	lower := strings.ToLower(body)
	// "Are X and Y both ..." / "Were X and Y of the same nationality"
	for _, aux := range []string{"are ", "were ", "is ", "was ", "do ", "did ", "does ", "have ", "has "} {
		if !strings.HasPrefix(lower, aux) {
			continue
		}
		rest := body[len(aux):]
		end := len(rest)
		for _, stop := range []string{" both ", " of the same ", " the same ", " from the same ", " located ", " each ", " considered ", " in the same ", " based "} {
			if j := strings.Index(strings.ToLower(rest), stop); j > 0 && j < end {
				end = j
			}
		}
		if parts := splitAnd(rest[:end]); len(parts) == 2 {
			return parts
		}
	}
	// "Between X and Y, which ..."
	if strings.HasPrefix(lower, "between ") {
		if j := strings.Index(body, ","); j > 0 {
			if parts := splitAnd(body[len("between "):j]); len(parts) == 2 {
				return parts
			}
		}
	}
	return nil
}

func splitOr(s string) []string {
	parts := strings.Split(s, " or ")
	if len(parts) < 2 {
		return nil
	}
	var out []string
	for _, p := range parts {
		p = trimEntity(p)
		if p == "" || len(strings.Fields(p)) > 8 {
			return nil
		}
		out = append(out, p)
	}
	return out
}

func splitAnd(s string) []string {
	i := strings.Index(s, " and ")
	if i < 0 {
		return nil
	}
	a, b := trimEntity(s[:i]), trimEntity(s[i+5:])
	if a == "" || b == "" || len(strings.Fields(a)) > 8 || len(strings.Fields(b)) > 8 {
		return nil
	}
	return []string{a, b}
}

// trimEntity removes quotes, articles and "the band"-style heads a question
// puts around a name.
func trimEntity(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, `"“”'‘’ ,;:`)
	for _, pre := range []string{"the ", "a ", "an "} {
		if len(s) > len(pre) && strings.EqualFold(s[:len(pre)], pre) {
			s = s[len(pre):]
		}
	}
	return strings.TrimSpace(strings.Trim(s, `"“”'‘’ `))
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

// capitalSpans returns runs of capitalised words (and numbers), joined by
// connectors, skipping the capital a question starts with.
func capitalSpans(q string) []string {
	ws := wordSpans(q)
	var out []string
	i := 0
	for i < len(ws) {
		w := q[ws[i][0]:ws[i][1]]
		if !isCap(w) || (i == 0 && questionWords[strings.ToLower(w)]) {
			i++
			continue
		}
		j := i
		end := i
		for j+1 < len(ws) {
			next := q[ws[j+1][0]:ws[j+1][1]]
			gap := q[ws[j][1]:ws[j+1][0]]
			if strings.ContainsAny(gap, ",;:?!()\"“”") {
				break
			}
			if isCap(next) {
				j++
				end = j
				continue
			}
			if connectors[strings.ToLower(next)] && j+2 < len(ws) && isCap(q[ws[j+2][0]:ws[j+2][1]]) && !strings.ContainsAny(q[ws[j+1][1]:ws[j+2][0]], ",;:?!()") {
				j += 2
				end = j
				continue
			}
			break
		}
		span := q[ws[i][0]:ws[end][1]]
		// A lone capitalised word is a name worth a search of its own only
		// when it is distinctive: not the word the sentence starts with, not
		// a bare number, not a function word.
		if end > i || ((i > 0 || oddlyCased(span)) && !isNumber(span) && isDistinctWord(span)) {
			out = append(out, span)
		}
		i = end + 1
	}
	return out
}

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || (unicode.IsDigit(r) && len(w) == 4)
}

func isDistinctWord(w string) bool {
	if extract.IsStopWord(strings.ToLower(w)) || questionWords[strings.ToLower(w)] {
		return false
	}
	return utf8.RuneCountInString(w) >= 4
}

func dedupeFold(in []string, same func(a, b string) bool) []string {
	var out []string
outer:
	for _, s := range in {
		for _, o := range out {
			if same(s, o) {
				continue outer
			}
		}
		out = append(out, s)
	}
	return out
}

// dropContained removes entities that are words inside another entity.
func dropContained(ents []string) []string {
	var out []string
	for i, e := range ents {
		contained := false
		for j, o := range ents {
			if i != j && len(o) > len(e) && containsWords(o, e) {
				contained = true
				break
			}
		}
		if !contained {
			out = append(out, e)
		}
	}
	return out
}

func containsWords(hay, needle string) bool {
	h := " " + strings.ToLower(strings.Join(strings.Fields(hay), " ")) + " "
	n := " " + strings.ToLower(strings.Join(strings.Fields(needle), " ")) + " "
	return strings.Contains(h, n)
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
