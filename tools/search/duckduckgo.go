package search

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/useragent"
)

// DefaultDuckDuckGoURL is the HTML endpoint's base.
const DefaultDuckDuckGoURL = "https://html.duckduckgo.com"

type duckDuckGo struct {
	client *http.Client
	base   string // without trailing slash
}

func (d *duckDuckGo) name() string { return "duckduckgo" }

func (d *duckDuckGo) search(ctx context.Context, q *query) ([]Result, error) {
	form := url.Values{}
	form.Set("q", q.withSites(true)) // Bing-backed: OR and site: work
	form.Set("b", "")
	form.Set("kl", q.region.kl)
	form.Set("df", recencies[q.recency])
	// A later page is reached only through the form of the page before it:
	// its hidden fields carry the vqd token, without which DuckDuckGo
	// serves its anomaly page. So page n costs n requests.
	for page := 1; ; page++ {
		results, body, err := d.post(ctx, form)
		if err != nil || page >= q.page {
			return results, err
		}
		next, ok := ddgNextPage(body)
		if !ok {
			return []Result{}, nil // no later page: nothing past these results
		}
		form = next
	}
}

// post sends one results-page form and reads the page it answers with.
func (d *duckDuckGo) post(ctx context.Context, form url.Values) ([]Result, []byte, error) {
	endpoint := d.base + "/html/"
	if strings.HasSuffix(d.base, "/lite") { // DUCKDUCKGO_URL=https://lite.duckduckgo.com/lite
		endpoint = d.base + "/"
	}
	req, err := http.NewRequest(http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, nil, &ProviderError{Provider: d.name(), Kind: ErrRejected, Message: "bad DUCKDUCKGO_URL: " + err.Error(), Err: err}
	}
	h := req.Header
	// The HTML endpoint serves the anomaly page to clients that do not look
	// like a browser, so every header below is what desktop Chrome sends
	// with a form POST.
	h.Set("User-Agent", useragent.Chrome)
	h.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8")
	h.Set("Accept-Language", "en-US,en;q=0.9")
	h.Set("Accept-Encoding", "gzip, deflate, br")
	h.Set("Content-Type", "application/x-www-form-urlencoded")
	h.Set("Origin", d.base)
	h.Set("Referer", d.base+"/")
	h.Set("Cache-Control", "max-age=0")
	h.Set("Upgrade-Insecure-Requests", "1")
	h.Set("Sec-Ch-Ua", useragent.SecCHUA)
	h.Set("Sec-Ch-Ua-Mobile", "?0")
	h.Set("Sec-Ch-Ua-Platform", `"Linux"`)
	h.Set("Sec-Fetch-Dest", "document")
	h.Set("Sec-Fetch-Mode", "navigate")
	h.Set("Sec-Fetch-Site", "same-origin")
	h.Set("Sec-Fetch-User", "?1")

	res, err := roundTrip(ctx, d.client, d.name(), req)
	if err != nil {
		return nil, nil, err
	}
	// A challenge can come with 200, 202 or 403: look at the page first.
	if res.header.Get("Cf-Mitigated") == "challenge" || (!res.ok() && isChallengePage(nil, res.body)) {
		return nil, nil, d.blocked(res.status)
	}
	if !res.ok() {
		pe := statusError(d.name(), res, "")
		if res.status == http.StatusForbidden {
			pe.Kind = ErrBlocked
			pe.Message += " (DuckDuckGo refused this client, probably bot protection)"
		}
		return nil, nil, pe
	}
	results, err := parseDuckDuckGo(res.body)
	switch {
	case errors.Is(err, ErrBlocked):
		return nil, nil, d.blocked(res.status)
	case err != nil:
		return nil, nil, &ProviderError{Provider: d.name(), Kind: ErrMalformed, Message: err.Error(), Err: err}
	}
	return results, res.body, nil
}

func (d *duckDuckGo) blocked(status int) *ProviderError {
	return &ProviderError{Provider: d.name(), Kind: ErrBlocked, Status: status,
		Message: "blocked by a bot challenge (DuckDuckGo served its anomaly/captcha page instead of results)"}
}
