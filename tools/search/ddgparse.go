package search

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// parseDuckDuckGo reads a DuckDuckGo results page: the HTML endpoint
// (div.web-result) or, if that is what was served, the lite one
// (a.result-link). A bot-challenge page is ErrBlocked, a page that says
// "No results" is an empty list, and a page we cannot read is ErrMalformed
// — never silently "no results".
func parseDuckDuckGo(page []byte) ([]Result, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("%w: parse page: %w", ErrMalformed, err)
	}
	results := parseDDGHTML(doc)
	if len(results) == 0 {
		results = parseDDGLite(doc)
	}
	if len(results) > 0 {
		return results, nil
	}
	if isChallengePage(doc, page) {
		return nil, ErrBlocked
	}
	if doc.Find(".no-results, .result--no-result").Length() > 0 ||
		doc.Find("#links").Length() > 0 ||
		(doc.Find("input[name=q]").Length() > 0 && strings.Contains(doc.Text(), "No results")) {
		return []Result{}, nil
	}
	return nil, fmt.Errorf("%w: the page has neither results nor a \"no results\" notice (layout changed?): %s",
		ErrMalformed, excerpt([]byte(doc.Find("title").Text())))
}

func parseDDGHTML(doc *goquery.Document) []Result {
	var out []Result
	doc.Find("div.web-result, div.result").Each(func(_ int, s *goquery.Selection) {
		if s.HasClass("result--ad") || s.Find(".badge--ad").Length() > 0 {
			return
		}
		if s.Find("div.web-result, div.result").Length() > 0 {
			return // a wrapper around results: each is read on its own
		}
		a := s.Find("a.result__a").First()
		href, _ := a.Attr("href")
		target := decodeDDGLink(href)
		if target == "" {
			return
		}
		out = append(out, Result{
			Title:     a.Text(),
			URL:       target,
			Snippet:   s.Find(".result__snippet").First().Text(),
			Published: strings.TrimSpace(s.Find(".result__timestamp").First().Text()),
		})
	})
	return out
}

// parseDDGLite reads lite.duckduckgo.com: a table where a row holds
// a.result-link and the following rows hold td.result-snippet and the
// display URL; sponsored rows carry class result-sponsored.
func parseDDGLite(doc *goquery.Document) []Result {
	var out []Result
	doc.Find("a.result-link").Each(func(_ int, a *goquery.Selection) {
		row := a.Closest("tr")
		if row.HasClass("result-sponsored") || a.Closest(".result-sponsored").Length() > 0 {
			return
		}
		href, _ := a.Attr("href")
		target := decodeDDGLink(href)
		if target == "" {
			return
		}
		r := Result{Title: a.Text(), URL: target}
		for next := row.Next(); next.Length() > 0; next = next.Next() {
			if next.Find("a.result-link").Length() > 0 {
				break
			}
			if sn := next.Find("td.result-snippet"); sn.Length() > 0 {
				r.Snippet = sn.First().Text()
				break
			}
		}
		out = append(out, r)
	})
	return out
}

// decodeDDGLink turns a result href into the target URL: redirect links
// (//duckduckgo.com/l/?uddg=<escaped target>&rut=...) are unwrapped, direct
// links kept, ad clicks (y.js) and other DuckDuckGo-internal links dropped.
func decodeDDGLink(href string) string {
	href = strings.TrimSpace(href)
	switch {
	case href == "":
		return ""
	case strings.HasPrefix(href, "//"):
		href = "https:" + href
	case strings.HasPrefix(href, "/"):
		href = "https://duckduckgo.com" + href
	}
	u, err := url.Parse(href)
	if err != nil {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	if host != "duckduckgo.com" && !strings.HasSuffix(host, ".duckduckgo.com") {
		return href
	}
	if strings.TrimSuffix(u.Path, "/") == "/l" {
		if target := u.Query().Get("uddg"); target != "" {
			return target
		}
	}
	return ""
}

// challengeMarkers are strings only bot-block pages contain: DuckDuckGo's
// anomaly page and Cloudflare's interstitial.
var challengeMarkers = []string{
	"anomaly.js", "anomaly-modal", "challenge-form", "bots use duckduckgo too",
	"/cdn-cgi/challenge-platform/", "cf_chl_opt", "cf-turnstile", "just a moment...",
	"attention required! | cloudflare", "checking your browser",
}

func isChallengePage(doc *goquery.Document, page []byte) bool {
	if doc != nil && doc.Find("form#challenge-form, .anomaly-modal, #cf-challenge-running, .cf-turnstile").Length() > 0 {
		return true
	}
	low := bytes.ToLower(page)
	for _, m := range challengeMarkers {
		if bytes.Contains(low, []byte(m)) {
			return true
		}
	}
	return false
}

// ddgNextPage reads the fields of a results page's "Next" form (the HTML
// endpoint's div.nav-link form, the lite endpoint's form.next_form): what
// the next page is asked with, its vqd token included. ok is false when
// the page has no next page (or is not a results page).
func ddgNextPage(page []byte) (url.Values, bool) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return nil, false
	}
	var out url.Values
	doc.Find("form").EachWithBreak(func(_ int, f *goquery.Selection) bool {
		// A later page has a "Previous" form too: the next one is the form
		// whose button says so and that carries a results offset.
		button, _ := f.Find("input[type=submit]").Attr("value")
		if !strings.Contains(strings.ToLower(button), "next") || f.Find("input[name=s]").Length() == 0 {
			return true
		}
		out = url.Values{}
		f.Find("input[name]").Each(func(_ int, in *goquery.Selection) {
			if typ, _ := in.Attr("type"); strings.EqualFold(typ, "submit") {
				return
			}
			name, _ := in.Attr("name")
			value, _ := in.Attr("value")
			out.Set(name, value)
		})
		return false
	})
	return out, out != nil && out.Get("q") != ""
}
