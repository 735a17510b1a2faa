package search

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"time"
)

// DefaultSerperURL is the Serper (Google) API base.
const DefaultSerperURL = "https://google.serper.dev"

type serper struct {
	client *http.Client
	base   string
	key    string
}

func (s *serper) name() string { return "serper" }

type serperRequest struct {
	Q   string `json:"q"`
	Num int    `json:"num,omitempty"`
	// Page is Google's results page of Num results, 1-based.
	Page int    `json:"page,omitempty"`
	TBS  string `json:"tbs,omitempty"`
	GL   string `json:"gl,omitempty"`
	HL   string `json:"hl,omitempty"`
}

func (s *serper) search(ctx context.Context, q *query) ([]Result, error) {
	body := serperRequest{Q: q.withSites(true), Num: q.max, GL: q.region.country, HL: q.region.language}
	if q.page > 1 {
		body.Page = q.page
	}
	if c := recencies[q.recency]; c != "" {
		body.TBS = "qdr:" + c
	}
	if body.GL == "uk" {
		body.GL = "gb"
	}
	payload, _ := json.Marshal(body)
	req, err := http.NewRequest(http.MethodPost, s.base+"/search", bytes.NewReader(payload))
	if err != nil {
		return nil, &ProviderError{Provider: s.name(), Kind: ErrRejected, Message: "bad Serper API URL: " + err.Error(), Err: err}
	}
	req.Header.Set("User-Agent", apiUserAgent)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Accept-Encoding", "gzip")
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-API-KEY", s.key)
	res, err := roundTrip(ctx, s.client, s.name(), req)
	if err != nil {
		return nil, err
	}
	if !res.ok() {
		var e struct {
			Message string `json:"message"`
		}
		_ = json.Unmarshal(res.body, &e)
		pe := statusError(s.name(), res, e.Message)
		if res.status == http.StatusUnauthorized || res.status == http.StatusForbidden {
			pe.Message += " (check SERPER_API_KEY)"
		}
		return nil, pe
	}
	return parseSerper(res.body, time.Now())
}

// serperResponse is Serper's answer reduced to organic[].
type serperResponse struct {
	Organic []struct {
		Title   string `json:"title"`
		Link    string `json:"link"`
		Snippet string `json:"snippet"`
		Date    string `json:"date"`
	} `json:"organic"`
}

func parseSerper(body []byte, now time.Time) ([]Result, error) {
	var r serperResponse
	if err := json.Unmarshal(body, &r); err != nil {
		return nil, malformedJSON("serper", body, err)
	}
	out := make([]Result, 0, len(r.Organic))
	for _, x := range r.Organic {
		out = append(out, Result{Title: x.Title, URL: x.Link, Snippet: x.Snippet, Published: publishedDate(x.Date, now)})
	}
	return out, nil
}
