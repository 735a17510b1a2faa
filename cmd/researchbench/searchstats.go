package main

import (
	"fmt"
	"io"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

// searchLimits are the cut-offs the dataset README gives reference figures for.
var searchLimits = []int{5, 10, 20}

// searchReference is the README's plain BM25: both gold pages in the top 5/10/20.
var searchReference = []float64{0.49, 0.715, 0.835}

// searchStats is the share of questions whose gold pages all rank within each
// of searchLimits when the question itself is the query: how hard the
// mini-web's search engine is compared with the README's reference.
func searchStats(site *miniweb.Site, qs []question) []float64 {
	both := make([]int, len(searchLimits))
	max := searchLimits[len(searchLimits)-1]
	for _, q := range qs {
		gold := map[string]bool{}
		for _, g := range q.gold() {
			gold[g] = true
		}
		titles := site.SearchTitles(q.Question, max)
		for k, lim := range searchLimits {
			found := 0
			for i, t := range titles {
				if i < lim && gold[t] {
					found++
				}
			}
			if found == len(gold) {
				both[k]++
			}
		}
	}
	out := make([]float64, len(both))
	for k, b := range both {
		if len(qs) > 0 {
			out[k] = float64(b) / float64(len(qs))
		}
	}
	return out
}

func printSearchStats(w io.Writer, rates []float64, n int) {
	fmt.Fprintf(w, "search: question as query, both gold pages ranked, %d questions\n", n)
	for k, lim := range searchLimits {
		fmt.Fprintf(w, "top %-2d %.3f (README reference %.3f)\n", lim, rates[k], searchReference[k])
	}
}
