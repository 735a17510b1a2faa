package search

import "github.com/deepresearch-mcp/deepresearch-mcp/internal/weburl"

// normalizeResults cleans URLs and text, applies the domain filters, merges
// duplicates (first rank wins, later copies fill in a missing snippet or
// date), cuts to max and numbers ranks 1..n.
func normalizeResults(in []Result, q *query) []Result {
	out := make([]Result, 0, len(in))
	seen := map[string]int{}
	for _, r := range in {
		u := weburl.Clean(r.URL)
		if u == "" {
			continue
		}
		host := weburl.Host(u)
		if !q.domains.AllowsHost(host) {
			continue
		}
		r.URL = u
		r.Title = cleanText(r.Title)
		r.Snippet = cleanText(r.Snippet)
		if r.Title == "" {
			r.Title = host
		}
		key := weburl.Key(u)
		if i, ok := seen[key]; ok {
			if out[i].Snippet == "" {
				out[i].Snippet = r.Snippet
			}
			if out[i].Published == "" {
				out[i].Published = r.Published
			}
			continue
		}
		seen[key] = len(out)
		out = append(out, r)
	}
	if len(out) > q.max {
		out = out[:q.max]
	}
	for i := range out {
		out[i].Rank = i + 1
	}
	return out
}
