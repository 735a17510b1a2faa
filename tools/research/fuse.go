package research

import (
	"net/url"
	"sort"
	"strings"

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
// their normalised form and dropping those the domain filters exclude.
func fuse(lists []rankedList, include, exclude []string) []candidate {
	byKey := map[string]*candidate{}
	var order []string
	for _, l := range lists {
		for i, r := range l.Results {
			if r.URL == "" || !domainAllowed(r.URL, include, exclude) {
				continue
			}
			rank := i + 1
			k := normURL(r.URL)
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

// normURL is the identity of a page: scheme and host lower-cased, "www."
// dropped, default port, fragment and tracking parameters removed, the
// trailing slash ignored, escapes in the path normalised.
func normURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.TrimSpace(raw)
	}
	host := strings.ToLower(u.Hostname())
	host = strings.TrimPrefix(host, "www.")
	port := u.Port()
	scheme := strings.ToLower(u.Scheme)
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	if scheme == "http" {
		scheme = "https" // the same page is usually served on both
	}
	if port != "" {
		host += ":" + port
	}
	path := u.EscapedPath()
	if p, err := url.PathUnescape(path); err == nil {
		path = p
	}
	path = strings.TrimSuffix(path, "/")
	q := u.Query()
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" || lk == "ref" || lk == "ref_src" {
			q.Del(k)
		}
	}
	s := scheme + "://" + host + path
	if enc := q.Encode(); enc != "" {
		s += "?" + enc
	}
	return s
}

// domainAllowed applies include/exclude lists: a domain matches itself and its subdomains.
func domainAllowed(raw string, include, exclude []string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	for _, d := range exclude {
		if domainMatch(host, d) {
			return false
		}
	}
	if len(include) == 0 {
		return true
	}
	for _, d := range include {
		if domainMatch(host, d) {
			return true
		}
	}
	return false
}

func domainMatch(host, domain string) bool {
	d := strings.ToLower(strings.TrimSpace(domain))
	d = strings.TrimPrefix(strings.TrimPrefix(d, "https://"), "http://")
	d = strings.Trim(strings.SplitN(d, "/", 2)[0], ".")
	if d == "" {
		return false
	}
	return host == d || strings.HasSuffix(host, "."+d)
}

// hostOf returns the host of raw ("" when it has none).
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}
