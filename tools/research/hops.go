package research

import (
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
)

// Hop is one lookup of a multi-hop question: the relation asked of a
// subject. Subject is a name from the question, or "" when it is the answer
// of the hop before (the bridge entity, never named in the question).
type Hop struct {
	Relation string
	Subject  string
	Side     int // which side of a comparison the hop belongs to; -1 otherwise
	// Kind is the noun a clause or a modified noun says the hop's answer
	// is ("county" of "the county where X was born"), "" when the
	// relation alone says it ("the director of X").
	Kind string
}

// decompose splits a question into hops, the innermost first. A question
// with no chain is one hop: the question's own relation of its names.
func decompose(p *Plan) []Hop {
	q := p.Question
	if p.Comparison && len(p.Sides) >= 2 {
		// Each side goes through the same chain: "Which film has the
		// director who died first, X or Y" is, per side, the director of
		// the film, then when that director died.
		head := q
		if i := strings.Index(q, p.Sides[0]); i > 0 {
			head = q[:i]
		}
		rels := roleChain(relationWords(head))
		var out []Hop
		for s, side := range p.Sides {
			for k, r := range rels {
				h := Hop{Relation: r, Side: s}
				if k == 0 {
					h.Subject = side
				}
				out = append(out, h)
			}
			if len(rels) == 0 {
				out = append(out, Hop{Relation: "", Subject: side, Side: s})
			}
		}
		return out
	}
	// The name the chain starts from: the first of the question's names
	// that a relation points at. An adjective of origin ("the Frankish
	// king who formed X") qualifies the noun after it: the chain runs
	// through that noun's clause, never from the adjective.
	q = sameAsLink(q)
	for _, e := range p.Entities {
		if originAdjectiveAt(q, e, occurrences(q, e)) {
			continue
		}
		if hs, ok := chainHops(q, e); ok {
			return hs
		}
	}
	return []Hop{{Relation: strings.Join(relationWords(q), " "), Side: -1}}
}

// relationPhrase keeps the content words of a relation ("current head" →
// "current head", "the director" → "director").
func relationPhrase(s string) string {
	var out []string
	for _, w := range strings.Fields(s) {
		if !isStopWord(strings.ToLower(w)) && !questionWords[strings.ToLower(w)] {
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

// relationWords are the content words of text that are not names: what the
// question asks of its subject.
func relationWords(text string) []string {
	var out []string
	for _, sp := range wordSpans(text) {
		w := text[sp[0]:sp[1]]
		lw := strings.ToLower(w)
		if isStopWord(lw) || questionWords[lw] || isCap(w) || len(tokens(w)) == 0 {
			continue
		}
		out = append(out, lw)
	}
	return out
}

// hopTail is the relation words of the hops after depth: what a follow-up
// search for a bridge found at that depth should carry with its name.
func hopTail(hops []Hop, depth int) []string {
	var out []string
	seen := map[string]bool{}
	// Hops are listed per side, innermost first; the tail of a side skips
	// its first depth+1 hops.
	bySide := map[int][]Hop{}
	var sides []int
	for _, h := range hops {
		if _, ok := bySide[h.Side]; !ok {
			sides = append(sides, h.Side)
		}
		bySide[h.Side] = append(bySide[h.Side], h)
	}
	for _, s := range sides {
		hs := bySide[s]
		for k := depth + 1; k < len(hs); k++ {
			for _, w := range strings.Fields(hs[k].Relation) {
				if !seen[w] {
					seen[w] = true
					out = append(out, w)
				}
			}
		}
	}
	return out
}

func isStopWord(w string) bool { return extract.IsStopWord(strings.ToLower(w)) }

// kinNouns are relation nouns that name a person without an agent ending.
var kinNouns = map[string]bool{
	"mother": true, "father": true, "parent": true, "child": true, "son": true, "daughter": true, "sibling": true,
	"brother": true, "sister": true, "spouse": true, "wife": true, "husband": true, "grandfather": true, "grandmother": true,
}

// isRole reports a word that names the bridge of a chain: an agent noun of a
// relation ("director", "creator", "founder") or a kin noun.
func isRole(w string) bool {
	if kinNouns[w] {
		return true
	}
	ts := tokens(w)
	return len(ts) == 1 && isRelation(ts[0]) && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "or"))
}

// roleChain groups a comparison's relation words into hops: each role noun
// opens a hop of its own, the words after the last role are what is
// compared; words before the first role only say what the sides are.
func roleChain(words []string) []string {
	var out []string
	cur := ""
	for _, w := range words {
		if isRole(w) {
			out = append(out, w)
			cur = "" // words before a role say what it is the role of
			continue
		}
		cur = strings.TrimSpace(cur + " " + w)
	}
	if cur != "" {
		out = append(out, cur)
	}
	return out
}

// kinCompounds are kinship terms that are two lookups in one word: a
// mother-in-law is the spouse's mother, a maternal grandfather the
// mother's father.
var kinCompounds = map[string][]string{
	"mother-in-law": {"spouse", "mother"}, "father-in-law": {"spouse", "father"},
	"son-in-law": {"child", "spouse"}, "daughter-in-law": {"child", "spouse"}, "child-in-law": {"child", "spouse"},
	"brother-in-law": {"spouse", "brother"}, "sister-in-law": {"spouse", "sister"},
	"maternal grandfather": {"mother", "father"}, "maternal grandmother": {"mother", "mother"},
	"paternal grandfather": {"father", "father"}, "paternal grandmother": {"father", "mother"},
	"grandfather": {"parent", "father"}, "grandmother": {"parent", "mother"}, "grandparent": {"parent", "parent"},
	"grandson": {"child", "son"}, "granddaughter": {"child", "daughter"}, "grandchild": {"child", "child"},
	"uncle": {"parent", "brother"}, "aunt": {"parent", "sister"},
	"nephew": {"sibling", "son"}, "niece": {"sibling", "daughter"},
	"stepmother": {"father", "spouse"}, "stepfather": {"mother", "spouse"},
}

// expandKin splits a kinship compound into its lookups; other relations stay one.
func expandKin(rel string) []string {
	if ks, ok := kinCompounds[strings.ToLower(strings.TrimSpace(rel))]; ok {
		return ks
	}
	return []string{rel}
}
