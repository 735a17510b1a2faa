package search

import (
	"net/url"
	"strings"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// FuzzParseDuckDuckGo: any page gives results, "no results" or an error,
// never a panic; and once normalised, every result is an absolute http(s)
// link with a title and no control characters.
func FuzzParseDuckDuckGo(f *testing.F) {
	for _, name := range []string{"ddg_html.html", "ddg_lite.html", "ddg_html_noresults.html", "ddg_anomaly.html", "cloudflare_challenge.html"} {
		b, err := fixtures.Files.ReadFile("testdata/search/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<div class="result"><a class="result__a" href="//duckduckgo.com/l/?uddg=javascript%3Aalert(1)">x</a></div>`))
	f.Add([]byte(`<table><tr><td><a class="result-link" href="/l/?uddg=https%3A%2F%2Fa.example%2F%E2%80%AE">a</a></td></tr></table>`))
	f.Add([]byte(`<div class="result result--ad"><a class="result__a" href="https://ad.example/">ad</a></div>`))
	q, err := newQuery(Request{Query: "fuzz", MaxResults: maxMaxResults}, region{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		results, err := parseDuckDuckGo(page)
		if err != nil {
			return
		}
		if n := strings.Count(strings.ToLower(string(page)), "<a"); len(results) > n {
			t.Fatalf("%d results from a page with %d links", len(results), n)
		}
		for _, r := range normalizeResults(results, q) {
			u, err := url.Parse(r.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				t.Fatalf("result URL %q is not an absolute http(s) link", r.URL)
			}
			if r.Title == "" {
				t.Fatalf("result %q has no title", r.URL)
			}
			for _, s := range []string{r.Title, r.Snippet} {
				if strings.ContainsAny(s, "\x00\r\n\t\u202e\u200b") {
					t.Fatalf("control or invisible characters left in %q", s)
				}
			}
		}
	})
}

// FuzzDDGNextPage: any page gives the next page's form fields or none,
// never a panic; fields found always carry the query and an offset.
func FuzzDDGNextPage(f *testing.F) {
	for _, name := range []string{"ddg_html.html", "ddg_lite.html", "ddg_html_noresults.html", "ddg_anomaly.html"} {
		b, err := fixtures.Files.ReadFile("testdata/search/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<form><input type="submit" value="Next"><input type="hidden" name="s" value="10"></form>`))
	f.Add([]byte(`<form><input type=submit value=NEXT><input type=hidden name=q value=x><input name=s></form>`))
	f.Fuzz(func(t *testing.T, page []byte) {
		next, ok := ddgNextPage(page)
		if ok && (next.Get("q") == "" || !next.Has("s")) {
			t.Fatalf("next page without a query or offset: %v", next)
		}
	})
}
