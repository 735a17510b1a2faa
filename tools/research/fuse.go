package research

import (
	"sort"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// candidate is a URL some search returned, with its fused score.
type candidate struct {
	URL     string
	Title   string
	Snippet string
	Score   float64 // fused: sum over result lists of weight/(rrfK+rank)
	Best    int     // best rank in any list (1-based)
	Queries []string
	Ranks   []int // the rank (1-based) in each of Queries' lists
}

// rankedList is one search's results, weighted (the question itself and the
// planned decompositions count fully; follow-ups less).
type rankedList struct {
	Query   string
	Weight  float64
	Results []search.Result
}

// fuse merges result lists by reciprocal-rank fusion, deduplicating URLs by
// their normalised form and dropping those the domain filters exclude.
func fuse(lists []rankedList, include, exclude []string, rrfK float64) []candidate {
	byKey := map[string]*candidate{}
	var order []string
	for _, l := range lists {
		for i, r := range l.Results {
			if r.URL == "" || !domainAllowed(r.URL, include, exclude) {
				continue
			}
			rank := i + 1
			k := frontierKey(r.URL)
			c := byKey[k]
			if c == nil {
				c = &candidate{URL: r.URL, Title: r.Title, Snippet: r.Snippet, Best: rank}
				byKey[k] = c
				order = append(order, k)
			}
			c.Score += l.Weight / (rrfK + float64(rank))
			if rank < c.Best {
				c.Best = rank
			}
			c.Queries = append(c.Queries, l.Query)
			c.Ranks = append(c.Ranks, rank)
		}
	}
	out := make([]candidate, 0, len(order))
	for _, k := range order {
		out = append(out, *byKey[k])
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Best < out[j].Best
	})
	return out
}
