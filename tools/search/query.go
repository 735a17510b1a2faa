package search

import (
	"fmt"
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/weburl"
)

const (
	defaultMaxResults = 10
	maxMaxResults     = 20
	maxQueryRunes     = 400
	// maxPage bounds Request.Page: Brave's API stops at offset 9 (page 10),
	// and results that deep are rarely worth a request.
	maxPage = 10
)

// recencies maps Request.Recency to its one-letter code (DuckDuckGo df,
// Google qdr); the other engines spell it from the same value.
var recencies = map[string]string{"": "", "day": "d", "week": "w", "month": "m", "year": "y"}

// query is a validated, normalised Request plus the engine's settings.
type query struct {
	text    string // what the user asked, whitespace collapsed
	max     int
	page    int // 1-based results page
	domains weburl.Domains
	include []string // domains.Include(), for site: operators and the key
	exclude []string
	recency string // "", day, week, month, year
	region  region
}

func newQuery(req Request, reg region) (*query, error) {
	q := &query{text: strings.Join(strings.Fields(req.Query), " "), region: reg}
	switch n := len([]rune(q.text)); {
	case n == 0:
		return nil, invalid("query is empty; pass the words to search for")
	case n > maxQueryRunes:
		return nil, invalid("query is %d characters long; keep it under %d (a few keywords work best)", n, maxQueryRunes)
	}
	switch {
	case req.MaxResults == 0:
		q.max = defaultMaxResults
	case req.MaxResults < 1 || req.MaxResults > maxMaxResults:
		return nil, invalid("max_results is %d; it must be between 1 and %d", req.MaxResults, maxMaxResults)
	default:
		q.max = req.MaxResults
	}
	switch {
	case req.Page == 0:
		q.page = 1
	case req.Page < 1 || req.Page > maxPage:
		return nil, invalid("page is %d; it must be between 1 and %d", req.Page, maxPage)
	default:
		q.page = req.Page
	}
	rec := strings.ToLower(strings.TrimSpace(req.Recency))
	if _, ok := recencies[rec]; !ok {
		return nil, invalid("recency %q is not one of day, week, month, year (or empty for any time)", req.Recency)
	}
	q.recency = rec
	d, err := weburl.ParseDomains(req.IncludeDomains, req.ExcludeDomains)
	if err != nil {
		return nil, invalid("%s", err.Error())
	}
	q.domains, q.include, q.exclude = d, d.Include(), d.Exclude()
	return q, nil
}

// withSites is the query text with site: operators for the domain filters.
// Engines without OR get site: only for a single include domain; the
// filter after the search does the rest.
func (q *query) withSites(or bool) string {
	var b strings.Builder
	b.WriteString(q.text)
	switch {
	case len(q.include) == 1:
		b.WriteString(" site:" + q.include[0])
	case len(q.include) > 1 && or:
		b.WriteString(" (")
		for i, d := range q.include {
			if i > 0 {
				b.WriteString(" OR ")
			}
			b.WriteString("site:" + d)
		}
		b.WriteString(")")
	}
	for _, d := range q.exclude {
		b.WriteString(" -site:" + d)
	}
	return b.String()
}

// key identifies the search for the cache and for merging identical
// concurrent searches; the provider name is prefixed per cache entry.
func (q *query) key() string {
	return fmt.Sprintf("%s\x00%d\x00%d\x00%s\x00%s\x00%s\x00%s",
		strings.ToLower(q.text), q.max, q.page, strings.Join(q.include, ","), strings.Join(q.exclude, ","), q.recency, q.region.kl)
}

// region is a DuckDuckGo-style region code ("us-en": country-language),
// spelt for each engine.
type region struct {
	kl       string // "" when unset or worldwide
	country  string // "us"
	language string // "en"
}

func parseRegion(s string) (region, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || s == "wt-wt" {
		return region{}, true
	}
	c, l, ok := strings.Cut(s, "-")
	if !ok || len(c) != 2 || len(l) < 2 || len(l) > 3 || !isLetters(c) || !isLetters(l) {
		return region{}, false
	}
	return region{kl: s, country: c, language: l}, true
}

func isLetters(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}
