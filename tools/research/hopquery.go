package research

import "strings"

// The words a bridge's search carries. A chain of three or four hops asks
// of each bridge only the next hop ("the seat of the county sharing a
// border with the county where X was born": of X's birthplace, the
// county it is in), and the outer hops' words ("seat", "sharing a
// border") pull in pages about other things of the kind asked (every
// county that borders another) above the page that answers the next hop.
// English nests such a chain from the inside out: each hop is a noun that
// names what it asks for (a kind of thing, a role: "the county", "the
// director"), and the innermost stands nearest the name the chain starts
// from ("the county where X was born"). Words before a hop noun that
// qualify it ("the most populous city") belong to its hop, the clause
// after it ("sharing a border with ...") to the hop it asks about.

// hopNoun reports a word that names what a hop asks for.
func hopNoun(rt relTerm) bool {
	return !rt.describes && nounHead(rt.word)
}

// clauseWords, and the determiners that open a noun phrase ("the most
// populous city"), end the words that qualify a hop noun from before it:
// what comes before them belongs to the hop noun before ("the county
// sharing a border with the county", "the county that holds the city").
var clauseWords = map[string]bool{
	"with": true, "of": true, "where": true, "that": true, "which": true, "who": true, "whom": true, "whose": true,
	"in": true, "at": true, "from": true, "by": true, "for": true, "to": true, "on": true, "when": true,
}

// hopQueryWords are the words of rem (the words left after a bridge)
// that a search for the bridge carries: with two or more hop nouns left,
// those of the innermost hop still open, the last hop noun at or before
// the chain's anchor in the question, its qualifiers before it and its
// words up to the next hop noun; otherwise all of rem.
func hopQueryWords(question, anchor string, rem []relTerm) []string {
	all := remainingWords(rem)
	q, _ := expandKinWords(rewriteBeFound(question))
	words := wordSpans(q)
	open := map[string]relTerm{}
	for _, rt := range rem {
		open[rt.term] = rt
	}
	terms := make([]string, len(words))
	var heads []int
	for i, w := range words {
		ts := tokens(q[w[0]:w[1]])
		if len(ts) != 1 {
			continue
		}
		terms[i] = ts[0]
		if rt, ok := open[ts[0]]; ok && hopNoun(rt) {
			heads = append(heads, i)
		}
	}
	at := indexFold(q, anchor)
	if len(heads) < 2 || anchor == "" || at < 0 {
		return all
	}
	ai := wordIndexAt(words, at)
	k := -1
	for j, h := range heads {
		if h <= ai {
			k = j
		}
	}
	if k < 0 {
		return all // the hops follow the anchor ("X's director's spouse"): no nesting to read
	}
	lo, hi := heads[k], len(words)
	if k+1 < len(heads) {
		hi = heads[k+1]
	}
	floor := 0
	if k > 0 {
		floor = heads[k-1] + 1
	}
	for i := lo - 1; i >= floor; i-- {
		if w := strings.ToLower(q[words[i][0]:words[i][1]]); clauseWords[w] || determiners[w] {
			break
		}
		lo = i
	}
	in := map[string]bool{}
	for i := lo; i < hi; i++ {
		in[terms[i]] = true
	}
	var out []string
	for _, rt := range rem {
		if in[rt.term] {
			out = append(out, rt.word)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}
