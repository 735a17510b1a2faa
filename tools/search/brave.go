package search

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// DefaultBraveURL is the Brave Search API base.
const DefaultBraveURL = "https://api.search.brave.com"

type brave struct {
	client *http.Client
	base   string
	key    string
}

func (b *brave) name() string { return "brave" }

var braveFreshness = map[string]string{"day": "pd", "week": "pw", "month": "pm", "year": "py"}

func (b *brave) search(ctx context.Context, q *query) ([]Result, error) {
	v := url.Values{}
	v.Set("q", q.withSites(true))
	v.Set("count", strconv.Itoa(q.max))
	if q.page > 1 {
		// Brave's offset counts pages of count results (0-based).
		v.Set("offset", strconv.Itoa(q.page-1))
	}
	if f := braveFreshness[q.recency]; f != "" {
		v.Set("freshness", f)
	}
	if c := q.region.country; c != "" {
		if c == "uk" { // DuckDuckGo's uk is ISO's GB
			c = "gb"
		}
		v.Set("country", strings.ToUpper(c))
	}
	req, err := http.NewRequest(http.MethodGet, b.base+"/res/v1/web/search?"+v.Encode(), nil)
	if err != nil {
		return nil, &ProviderError{Provider: b.name(), Kind: ErrRejected, Message: "bad Brave API URL: " + err.Error(), Err: err}
	}
	req.Header.Set("User-Agent", apiUserAgent)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Accept-Encoding", "gzip")
	req.Header.Set("X-Subscription-Token", b.key)
	res, err := roundTrip(ctx, b.client, b.name(), req)
	if err != nil {
		return nil, err
	}
	if !res.ok() {
		var e struct {
			Error struct {
				Code   string `json:"code"`
				Detail string `json:"detail"`
			} `json:"error"`
		}
		_ = json.Unmarshal(res.body, &e)
		pe := statusError(b.name(), res, e.Error.Detail)
		if res.status == http.StatusUnauthorized || res.status == http.StatusForbidden ||
			strings.Contains(e.Error.Code, "TOKEN") {
			pe.Message += " (check BRAVE_API_KEY)"
		}
		return nil, pe
	}
	return parseBrave(res.body, time.Now())
}

// braveResponse is the documented web search answer, reduced to web.results.
type braveResponse struct {
	Web *struct {
		Results []struct {
			Title       string `json:"title"`
			URL         string `json:"url"`
			Description string `json:"description"`
			Age         string `json:"age"`
			PageAge     string `json:"page_age"`
		} `json:"results"`
	} `json:"web"`
}

func parseBrave(body []byte, now time.Time) ([]Result, error) {
	var r braveResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, malformedJSON("brave", body, err)
	}
	if r.Web == nil {
		return []Result{}, nil // Brave omits "web" when nothing matched
	}
	out := make([]Result, 0, len(r.Web.Results))
	for _, x := range r.Web.Results {
		pub := x.PageAge
		if pub == "" {
			pub = x.Age
		}
		out = append(out, Result{Title: htmlText(x.Title), URL: x.URL, Snippet: htmlText(x.Description), Published: publishedDate(pub, now)})
	}
	return out, nil
}
