package research

import (
	"net/url"
	"sort"
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/weburl"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// rrfK is reciprocal-rank fusion's constant: a result's weight is 1/(k+rank).
const rrfK = 60

// candidate is a URL some search returned, with its fused score.
type candidate struct {
	URL     string
	Title   string
	Snippet string
	Score   float64 // fused: sum over result lists of weight/(rrfK+rank)
	Best    int     // best rank in any list (1-based)
	Queries []string
}

// rankedList is one search's results, weighted (the question itself and the
// planned decompositions count fully; follow-ups less).
type rankedList struct {
	Query   string
	Weight  float64
	Results []search.Result
}

// fuse merges result lists by reciprocal-rank fusion, deduplicating URLs by
// their key and dropping those the domain filters exclude.
func fuse(lists []rankedList, domains weburl.Domains) []candidate {
	byKey := map[string]*candidate{}
	var order []string
	for _, l := range lists {
		for i, r := range l.Results {
			if r.URL == "" || !domains.Allows(r.URL) {
				continue
			}
			rank := i + 1
			k := weburl.Key(r.URL)
			c := byKey[k]
			if c == nil {
				c = &candidate{URL: r.URL, Title: r.Title, Snippet: r.Snippet, Best: rank}
				byKey[k] = c
				order = append(order, k)
			}
			c.Score += l.Weight / float64(rrfK+rank)
			if rank < c.Best {
				c.Best = rank
			}
			c.Queries = append(c.Queries, l.Query)
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

// outsideDomainsError: a page redirected to a host the domain filters
// exclude. Its source is listed as skipped, with this as the reason, and it
// supplies no evidence and no links.
type outsideDomainsError struct{ finalURL string }

func (e *outsideDomainsError) Error() string {
	return "redirected to " + e.finalURL + ", outside the include/exclude domains; not used"
}

// hostOf returns the host of raw ("" when it has none).
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}
