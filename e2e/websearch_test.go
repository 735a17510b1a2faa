package e2e

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools"
)

// searchBudget: a provider request gives up long before this; 429 handling
// waits a Retry-After of 1 s.
const searchBudget = 20 * time.Second

// search calls web_search and decodes its structured content when it succeeded.
func search(t *testing.T, c *client.Client, args map[string]any) (*mcp.CallToolResult, tools.WebSearchOutput) {
	t.Helper()
	var out tools.WebSearchOutput
	res, _ := call(t, c, "web_search", args, searchBudget)
	if res == nil {
		t.FailNow()
	}
	if !res.IsError {
		structured(t, res, &out)
	}
	return res, out
}

var (
	reMarkup   = regexp.MustCompile(`<\s*/?\s*[a-zA-Z][^>]*>|&[a-zA-Z]+;|&#[0-9]+;`)
	trackingRe = regexp.MustCompile(`(?i)[?&](utm_[a-z]+|gclid|fbclid)=`)
)

// checkResults: ranks 1..n, absolute http(s) URLs without tracking
// parameters, no duplicates, and plain-text titles and snippets.
func checkResults(t *testing.T, name string, out tools.WebSearchOutput) {
	t.Helper()
	seen := map[string]bool{}
	for i, r := range out.Results {
		u, err := url.Parse(r.URL)
		if r.Rank != i+1 || err != nil || !u.IsAbs() || (u.Scheme != "http" && u.Scheme != "https") {
			t.Errorf("%s: result %d: rank %d, url %q: want rank %d and an absolute http(s) URL", name, i, r.Rank, r.URL, i+1)
		}
		if trackingRe.MatchString(r.URL) {
			t.Errorf("%s: result %d keeps tracking parameters: %s", name, r.Rank, r.URL)
		}
		if seen[r.URL] {
			t.Errorf("%s: %s listed twice", name, r.URL)
		}
		seen[r.URL] = true
		if reMarkup.MatchString(r.Snippet) || reMarkup.MatchString(r.Title) || r.Title == "" {
			t.Errorf("%s: result %d is not plain text: title %q snippet %q", name, r.Rank, r.Title, r.Snippet)
		}
	}
}

func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return u.Hostname()
}

// TestWebSearch drives web_search (issue 5) through the MCP client against
// the fixture web speaking each provider's protocol. Every case spawns its
// own server (the provider order is a setting); they run at once, as most
// of a spawn is waiting.
func TestWebSearch(t *testing.T) {
	noLeaks(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	article := web.URL + "/pages/article"
	g := newGroup(t)
	defer g.Wait()

	g.Run("providers", func(t *testing.T) {
		cases := []struct {
			provider string
			env      []string
			want     []string // the results' URLs, in order
			date     string   // the first result's published date
		}{
			{"duckduckgo", []string{"DEEPRESEARCH_SEARCH=duckduckgo", "DUCKDUCKGO_URL=" + web.URL + "/ddg"},
				// uddg= links decoded, tracking removed; the direct link kept;
				// the www/trailing-slash/campaign copy of the guide merged.
				[]string{article, "https://docs.example.org/guide/intro", "https://blog.example.com/2025/01/post?id=7", web.URL + "/pages/spa", "https://www.example.net/research/paper.pdf", web.URL + "/pages/long", "https://news.example.com/world/story"}, ""},
			{"searxng", []string{"DEEPRESEARCH_SEARCH=searxng", "SEARXNG_URL=" + web.URL + "/searxng"},
				[]string{article, "https://docs.example.org/guide/intro", "https://blog.example.com/2025/01/post?id=7", "https://www.example.net/research/paper.pdf", web.URL + "/pages/long"}, "2025-03-14"},
			{"brave", []string{"DEEPRESEARCH_SEARCH=brave", "BRAVE_API_KEY=fixture-key", "DEEPRESEARCH_BRAVE_URL=" + web.URL + "/brave"},
				[]string{article, "https://docs.example.org/guide/intro", "https://news.example.com/world/story"}, "2025-03-14"},
			{"serper", []string{"DEEPRESEARCH_SEARCH=serper", "SERPER_API_KEY=fixture-key", "DEEPRESEARCH_SERPER_URL=" + web.URL + "/serper"},
				[]string{article, "https://docs.example.org/guide/intro", "https://blog.example.com/2025/01/post?id=7", web.URL + "/pages/long"}, "2025-03-14"},
		}
		inner := newGroup(t)
		defer inner.Wait()
		for _, tc := range cases {
			inner.Run(tc.provider, func(t *testing.T) {
				c := spawnServer(t, env(web.URL, tc.env...)).c
				const q = "lighthouse lamps"
				res, out := search(t, c, map[string]any{"query": q})
				if res.IsError {
					t.Fatalf("isError: %.400q", text(res))
				}
				if out.Provider != tc.provider || out.Query != q {
					t.Errorf("provider %q query %q, want %q %q", out.Provider, out.Query, tc.provider, q)
				}
				if len(out.Results) == 0 {
					t.Fatal("no results")
				}
				checkResults(t, tc.provider, out)
				var got []string
				for _, r := range out.Results {
					got = append(got, r.URL)
					if strings.Contains(r.URL, "duckduckgo.com") || strings.Contains(r.Title+r.Snippet, "Sponsored") {
						t.Errorf("an ad or an undecoded redirect link: %+v", r)
					}
				}
				if strings.Join(got, " ") != strings.Join(tc.want, " ") {
					t.Errorf("results:\n got %v\nwant %v", got, tc.want)
				}
				// The engine received the query and its snippet echoes it, markup stripped.
				first := out.Results[0]
				if !strings.Contains(first.Snippet, "Fixture results for "+q) || first.Title != "Fixture Article & Notes" || first.Published != tc.date {
					t.Errorf("first result: title %q snippet %q published %q (want %q)", first.Title, first.Snippet, first.Published, tc.date)
				}
				if !strings.Contains(text(res), article) {
					t.Errorf("the text for the model lacks the first result:\n%s", text(res))
				}
			})
		}
	})

	g.Run("chain and errors", func(t *testing.T) {
		cases := []struct {
			name     string
			env      []string
			provider string         // the provider that must answer; "" for an error
			errText  *regexp.Regexp // the error must match
		}{
			{"blocked DuckDuckGo falls back to SearXNG",
				[]string{"DEEPRESEARCH_SEARCH=duckduckgo,searxng", "DUCKDUCKGO_URL=" + web.URL + "/ddg-blocked", "SEARXNG_URL=" + web.URL + "/searxng"}, "searxng", nil},
			{"Cloudflare-blocked DuckDuckGo falls back to Serper",
				[]string{"DEEPRESEARCH_SEARCH=duckduckgo,serper", "DUCKDUCKGO_URL=" + web.URL + "/ddg-cloudflare", "SERPER_API_KEY=k", "DEEPRESEARCH_SERPER_URL=" + web.URL + "/serper"}, "serper", nil},
			{"all blocked (anomaly page)",
				[]string{"DEEPRESEARCH_SEARCH=duckduckgo", "DUCKDUCKGO_URL=" + web.URL + "/ddg-blocked"}, "", regexp.MustCompile(`blocked`)},
			{"all blocked (Cloudflare)",
				[]string{"DEEPRESEARCH_SEARCH=duckduckgo", "DUCKDUCKGO_URL=" + web.URL + "/ddg-cloudflare"}, "", regexp.MustCompile(`blocked`)},
			{"429 then 200 succeeds",
				[]string{"DEEPRESEARCH_SEARCH=searxng", "SEARXNG_URL=" + web.URL + "/searxng-429"}, "searxng", nil},
			{"SearXNG malformed JSON",
				[]string{"DEEPRESEARCH_SEARCH=searxng", "SEARXNG_URL=" + web.URL + "/searxng-bad"}, "", regexp.MustCompile(`(?i)searxng.*(malformed|invalid) JSON`)},
			{"Serper malformed JSON",
				[]string{"DEEPRESEARCH_SEARCH=serper", "SERPER_API_KEY=k", "DEEPRESEARCH_SERPER_URL=" + web.URL + "/serper-bad"}, "", regexp.MustCompile(`(?i)serper.*(malformed|invalid) JSON`)},
			{"blocked then malformed: both named",
				[]string{"DEEPRESEARCH_SEARCH=duckduckgo,searxng", "DUCKDUCKGO_URL=" + web.URL + "/ddg-blocked", "SEARXNG_URL=" + web.URL + "/searxng-bad"}, "", regexp.MustCompile(`(?is)duckduckgo.*blocked.*searxng.*(malformed|invalid) JSON`)},
			{"SearXNG without the JSON format",
				[]string{"DEEPRESEARCH_SEARCH=searxng", "SEARXNG_URL=" + web.URL + "/searxng-403"}, "", regexp.MustCompile(`(?i)searxng.*(403|json)`)},
		}
		inner := newGroup(t)
		defer inner.Wait()
		for _, tc := range cases {
			inner.Run(tc.name, func(t *testing.T) {
				c := spawnServer(t, env(web.URL, tc.env...)).c
				res, out := search(t, c, map[string]any{"query": "lighthouse lamps"})
				txt := text(res)
				if strings.Contains(strings.ToLower(txt), "no results") {
					t.Errorf("a failure reported as no results: %.400q", txt)
				}
				if tc.provider != "" {
					if res.IsError || out.Provider != tc.provider || len(out.Results) == 0 {
						t.Fatalf("isError=%v provider %q, %d results: %.400q; want results from %s", res.IsError, out.Provider, len(out.Results), txt, tc.provider)
					}
					checkResults(t, tc.name, out)
					return
				}
				if !res.IsError || !tc.errText.MatchString(txt) {
					t.Errorf("isError=%v %.400q; want an error matching %s", res.IsError, txt, tc.errText)
				}
			})
		}
	})

	g.Run("provider without a key skipped with a warning", func(t *testing.T) {
		// Its own fixture web: the other subtests ask brave with a key.
		web := fixtures.Start()
		t.Cleanup(web.Close)
		// env() drops the caller's BRAVE_API_KEY.
		s := spawnServer(t, env(web.URL, "DEEPRESEARCH_SEARCH=brave,searxng", "DEEPRESEARCH_BRAVE_URL="+web.URL+"/brave", "SEARXNG_URL="+web.URL+"/searxng"))
		res, out := search(t, s.c, map[string]any{"query": "lighthouse lamps"})
		if res.IsError || out.Provider != "searxng" || len(out.Results) == 0 {
			t.Fatalf("isError=%v provider %q, %d results: %.300q", res.IsError, out.Provider, len(out.Results), text(res))
		}
		if n := web.Hits("/brave/res/v1/web/search"); n != 0 {
			t.Errorf("brave was asked %d times without a key", n)
		}
		warned := regexp.MustCompile(`(?i)level=WARN[^\n]*brave[^\n]*BRAVE_API_KEY|level=WARN[^\n]*BRAVE_API_KEY[^\n]*brave`)
		if !warned.MatchString(s.Stderr()) {
			t.Errorf("no warning naming brave and BRAVE_API_KEY on stderr:\n%s", s.Stderr())
		}
	})

	g.Run("arguments", func(t *testing.T) {
		c := spawnServer(t, env(web.URL, "DEEPRESEARCH_SEARCH=searxng", "SEARXNG_URL="+web.URL+"/searxng")).c
		type check func(t *testing.T, out tools.WebSearchOutput)
		hosts := func(ok func(h string) bool, what string) check {
			return func(t *testing.T, out tools.WebSearchOutput) {
				if len(out.Results) == 0 {
					t.Fatal("no results")
				}
				for _, r := range out.Results {
					if !ok(hostOf(r.URL)) {
						t.Errorf("result %d (%s) %s", r.Rank, r.URL, what)
					}
				}
			}
		}
		cases := []struct {
			name    string
			args    map[string]any
			errText *regexp.Regexp // nil: must succeed and pass check
			check   check
		}{
			{"max_results 2", map[string]any{"max_results": 2}, nil, func(t *testing.T, out tools.WebSearchOutput) {
				if len(out.Results) != 2 {
					t.Errorf("%d results, want 2", len(out.Results))
				}
			}},
			{"max_results 1", map[string]any{"max_results": 1}, nil, func(t *testing.T, out tools.WebSearchOutput) {
				if len(out.Results) != 1 || out.Results[0].Rank != 1 {
					t.Errorf("results %+v, want 1 at rank 1", out.Results)
				}
			}},
			{"include_domains", map[string]any{"include_domains": []string{"example.org"}}, nil,
				hosts(func(h string) bool { return h == "example.org" || strings.HasSuffix(h, ".example.org") }, "is not on example.org")},
			{"exclude_domains", map[string]any{"exclude_domains": []string{"example.com", "127.0.0.1"}}, nil,
				hosts(func(h string) bool {
					return h != "127.0.0.1" && h != "example.com" && !strings.HasSuffix(h, ".example.com")
				}, "is on an excluded domain")},
			{"recency week", map[string]any{"recency": "week"}, nil, func(t *testing.T, out tools.WebSearchOutput) {
				if len(out.Results) == 0 {
					t.Error("no results")
				}
			}},
			{"max_results 50", map[string]any{"max_results": 50}, regexp.MustCompile(`max_results[^\n]*20`), nil},
			{"max_results -1", map[string]any{"max_results": -1}, regexp.MustCompile(`max_results`), nil},
			{"recency decade", map[string]any{"recency": "decade"}, regexp.MustCompile(`recency[^\n]*"day"[^\n]*"year"`), nil},
			{"empty query", map[string]any{"query": "  "}, regexp.MustCompile(`"query" is required`), nil},
		}
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				args := map[string]any{"query": "lighthouse lamps"}
				for k, v := range tc.args {
					args[k] = v
				}
				res, out := search(t, c, args)
				if tc.errText != nil {
					if !res.IsError || !tc.errText.MatchString(text(res)) {
						t.Errorf("isError=%v %.300q; want an error matching %s", res.IsError, text(res), tc.errText)
					}
					return
				}
				if res.IsError {
					t.Fatalf("isError: %.300q", text(res))
				}
				checkResults(t, tc.name, out)
				tc.check(t, out)
			})
		}
	})
}

// TestWebSearchKeepsLiteralBrackets: a snippet that quotes code ("vector<int>")
// keeps it; only fields an engine sends as HTML are decoded as HTML.
func TestWebSearchKeepsLiteralBrackets(t *testing.T) {
	web := fixtures.Start()
	t.Cleanup(web.Close)
	c := spawnServer(t, env(web.URL, "DEEPRESEARCH_SEARCH=duckduckgo", "DUCKDUCKGO_URL="+web.URL+"/ddg")).c
	const q = "vector<int> size"
	res, out := search(t, c, map[string]any{"query": q})
	if res.IsError || len(out.Results) == 0 {
		t.Fatalf("isError=%v %.300q", res.IsError, text(res))
	}
	if !strings.Contains(out.Results[0].Snippet, "Fixture results for "+q) {
		t.Errorf("the snippet lost the query's text: %q", out.Results[0].Snippet)
	}
}
