package research

import (
	"strings"
	"unicode"

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
	// Hops are the lookups the question chains, innermost first.
	Hops []Hop
}

// questionWords open a question; capitalised only because they start it.
var questionWords = map[string]bool{
	"what": true, "which": true, "who": true, "whom": true, "whose": true, "when": true, "where": true,
	"why": true, "how": true, "is": true, "are": true, "was": true, "were": true, "do": true, "does": true,
	"did": true, "in": true, "the": true, "a": true, "an": true, "name": true, "of": true, "on": true,
	"at": true, "for": true, "from": true, "by": true, "this": true, "that": true, "these": true, "can": true,
	"has": true, "have": true, "had": true, "both": true, "between": true, "as": true, "after": true, "before": true,
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
	names, apart := questionNames(q)
	ents = append(ents, joinTitles(q, names)...)
	// An entity inside a longer one adds nothing as a query of its own...
	ents = dropContained(dedupeBy(ents, foldKey), apart)
	// ...but the sides of a comparison are searched one by one, and a span
	// that joins them ("Pylon K and Over Under") is not a name.
	var kept []string
	// A side inside an entity has its first word there: the sides are
	// looked up by their first word among the entity's words, not all
	// read for each entity (a question comparing thousands of names read
	// every side for every name).
	spacedSides := make([]string, len(sides))
	byFirst := map[string][]int{}
	var noWords []int // a side of no words: read for every entity
	for i, s := range sides {
		spacedSides[i] = spacedWords(s)
		if w, _, _ := strings.Cut(strings.TrimSpace(spacedSides[i]), " "); w != "" {
			byFirst[w] = append(byFirst[w], i)
		} else {
			noWords = append(noWords, i)
		}
	}
	for _, e := range ents {
		n := 0
		se := spacedWords(e)
		count := func(js []int) {
			for _, j := range js {
				if strings.Contains(se, spacedSides[j]) {
					n++
				}
			}
		}
		count(noWords)
		seen := map[string]bool{}
		for _, w := range strings.Fields(se) {
			if !seen[w] {
				seen[w] = true
				count(byFirst[w])
			}
		}
		if n < 2 {
			kept = append(kept, e)
		}
	}
	p.Entities = dedupeBy(append(sides, kept...), foldKey)

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
	queries = dedupeBy(queries, normQuery)
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
	p.Hops = decompose(p)
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

// dedupeBy keeps the first of the strings that share a key: one lookup
// each, where comparing every pair made a question of thousands of names
// take minutes.
func dedupeBy(in []string, key func(string) string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range in {
		if k := key(s); !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

// foldKey is s with each rune the smallest of its case-folding orbit: two
// strings have the same key exactly when strings.EqualFold holds.
func foldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		b.WriteRune(m)
	}
	return b.String()
}

// dropContained removes entities that are words inside another entity,
// but for those in keep (a part played and the work it is played in, which
// a question names apart even when one holds the other: "voices Copper in
// the Marlow Copper movie"): they go last, the longer name being the
// likelier subject.
func dropContained(ents []string, keep map[string]bool) []string {
	var out, kept []string
	// Each entity's words, lower-cased and spaced, once: containsWords of
	// every pair, made again for each, is what a long question paid.
	spaced := make([]string, len(ents))
	// Only an entity holding a name's first word can hold the name: the
	// entities are looked up by their words, not all read for each.
	withWord := map[string][]int{}
	for i, e := range ents {
		spaced[i] = spacedWords(e)
		for _, w := range strings.Fields(spaced[i]) {
			if l := withWord[w]; len(l) == 0 || l[len(l)-1] != i {
				withWord[w] = append(l, i)
			}
		}
	}
	all := make([]int, len(ents))
	for i := range all {
		all[i] = i
	}
	for i, e := range ents {
		candidates := all // a name of no words: any entity may hold it
		if w, _, _ := strings.Cut(strings.TrimSpace(spaced[i]), " "); w != "" {
			candidates = withWord[w]
		}
		contained := false
		for _, j := range candidates {
			if i != j && len(ents[j]) > len(e) && strings.Contains(spaced[j], spaced[i]) {
				contained = true
				break
			}
		}
		switch {
		case !contained:
			out = append(out, e)
		case keep[e]:
			kept = append(kept, e)
		}
	}
	return append(out, kept...)
}

func containsWords(hay, needle string) bool {
	return strings.Contains(spacedWords(hay), spacedWords(needle))
}

// spacedWords is s lower-cased, its words one space apart, with a space
// at each end: a string containsWords compares.
func spacedWords(s string) string {
	return " " + strings.ToLower(strings.Join(strings.Fields(s), " ")) + " "
}
