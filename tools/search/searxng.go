package search

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

type searXNG struct {
	client *http.Client
	base   string
}

func (s *searXNG) name() string { return "searxng" }

// searxngTimeRanges spells Request.Recency for SearXNG's time_range.
var searxngTimeRanges = map[string]string{"day": "day", "week": "week", "month": "month", "year": "year"}

func (s *searXNG) search(ctx context.Context, q *query) ([]Result, error) {
	v := url.Values{}
	// SearXNG forwards the text to engines (Google, Bing, DuckDuckGo,
	// Brave...) that understand site: and OR.
	v.Set("q", q.withSites(true))
	v.Set("format", "json")
	// SearXNG's pages are its own size (about 10 results): pageno counts
	// them, whatever max_results says.
	v.Set("pageno", strconv.Itoa(q.page))
	if tr := searxngTimeRanges[q.recency]; tr != "" {
		v.Set("time_range", tr)
	}
	if q.region.country != "" {
		v.Set("language", q.region.language+"-"+strings.ToUpper(q.region.country))
	}
	req, err := http.NewRequest(http.MethodGet, s.base+"/search?"+v.Encode(), nil)
	if err != nil {
		return nil, &ProviderError{Provider: s.name(), Kind: ErrRejected, Message: "bad SEARXNG_URL: " + err.Error(), Err: err}
	}
	req.Header.Set("User-Agent", apiUserAgent)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Accept-Language", "en-US,en;q=0.9")
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := roundTrip(ctx, s.client, s.name(), req)
	if err != nil {
		return nil, err
	}
	if res.status == http.StatusForbidden {
		pe := statusError(s.name(), res, "")
		pe.Message = "JSON format not enabled on this instance (enable `formats: [html, json]` in settings.yml) (HTTP 403)"
		return nil, pe
	}
	if !res.ok() {
		return nil, statusError(s.name(), res, "")
	}
	return parseSearXNG(res.body, time.Now())
}

// searxngResponse keeps only what we read; SearXNG versions add and drop
// fields (number_of_results is gone in new ones), and publishedDate may be
// null, a string or missing, so it is decoded leniently.
type searxngResponse struct {
	Results []struct {
		URL           string          `json:"url"`
		Title         string          `json:"title"`
		Content       string          `json:"content"`
		PublishedDate json.RawMessage `json:"publishedDate"`
	} `json:"results"`
}

func parseSearXNG(body []byte, now time.Time) ([]Result, error) {
	var r searxngResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, malformedJSON("searxng", body, err)
	}
	out := make([]Result, 0, len(r.Results))
	for _, x := range r.Results {
		var pub string
		_ = json.Unmarshal(x.PublishedDate, &pub) // null or odd types: no date
		out = append(out, Result{Title: htmlText(x.Title), URL: x.URL, Snippet: htmlText(x.Content), Published: publishedDate(pub, now)})
	}
	return out, nil
}

func malformedJSON(name string, body []byte, err error) *ProviderError {
	msg := fmt.Sprintf("malformed JSON answer (%v)", err)
	if b := strings.TrimSpace(string(body)); strings.HasPrefix(b, "<") {
		msg = "answered with HTML instead of JSON: " + excerpt(body)
	}
	return &ProviderError{Provider: name, Kind: ErrMalformed, Message: msg, Err: err}
}
