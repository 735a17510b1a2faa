package search

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/internal/weburl"
)

// lockedBuffer collects log output written from several goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func startWeb(t *testing.T) *fixtures.Web {
	t.Helper()
	w := fixtures.Start()
	t.Cleanup(w.Close)
	return w
}

// newEngine builds an engine on a plain client (the fixture server is on
// loopback; production passes the egress guard's client) with logs captured.
func newEngine(t *testing.T, cfg Config) (*Engine, *lockedBuffer) {
	t.Helper()
	logs := &lockedBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	client := &http.Client{Timeout: 10 * time.Second}
	t.Cleanup(client.CloseIdleConnections)
	e, err := New(cfg, client, log)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return e, logs
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func TestEngineEachProvider(t *testing.T) {
	w := startWeb(t)
	tests := []struct {
		name     string
		cfg      Config
		provider string
		wantN    int
		hitPath  string
	}{
		{"duckduckgo html", Config{Order: []string{"duckduckgo"}, DuckDuckGoURL: w.URL + "/ddg"}, "duckduckgo", 7, "/ddg/html/"},
		{"duckduckgo lite page", Config{Order: []string{"duckduckgo"}, DuckDuckGoURL: w.URL + "/ddg-lite/"}, "duckduckgo", 3, "/ddg-lite/html/"},
		{"searxng", Config{Order: []string{"searxng"}, SearXNGURL: w.URL + "/searxng"}, "searxng", 5, "/searxng/search"},
		{"brave", Config{Order: []string{"brave"}, BraveKey: "k", BraveURL: w.URL + "/brave"}, "brave", 3, "/brave/res/v1/web/search"},
		{"serper", Config{Order: []string{"serper"}, SerperKey: "k", SerperURL: w.URL + "/serper"}, "serper", 4, "/serper/search"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newEngine(t, tt.cfg)
			resp, err := e.Search(ctxT(t), Request{Query: "  golang   generics "})
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			if resp.Provider != tt.provider || resp.Query != "golang generics" {
				t.Errorf("provider %q query %q", resp.Provider, resp.Query)
			}
			if len(resp.Results) != tt.wantN {
				t.Fatalf("got %d results, want %d: %+v", len(resp.Results), tt.wantN, resp.Results)
			}
			first := resp.Results[0]
			if first.URL != w.URL+"/pages/article" {
				t.Errorf("first URL = %q, want the fixture article without tracking parameters", first.URL)
			}
			if !strings.Contains(first.Snippet, "golang generics") {
				t.Errorf("first snippet %q does not echo the query", first.Snippet)
			}
			seen := map[string]bool{}
			for i, r := range resp.Results {
				if r.Rank != i+1 {
					t.Errorf("result %d has rank %d", i+1, r.Rank)
				}
				if strings.ContainsAny(r.Title+r.Snippet, "<>") || strings.Contains(r.Title+r.Snippet, "&amp;") {
					t.Errorf("markup left in %q / %q", r.Title, r.Snippet)
				}
				if strings.Contains(r.URL, "utm_") || strings.Contains(r.URL, "#") || strings.Contains(r.URL, "duckduckgo.com") {
					t.Errorf("URL not normalised: %q", r.URL)
				}
				if seen[weburl.Key(r.URL)] {
					t.Errorf("duplicate %q", r.URL)
				}
				seen[weburl.Key(r.URL)] = true
			}
			if got := w.Hits(tt.hitPath); got != 1 {
				t.Errorf("hits on %s = %d, want 1", tt.hitPath, got)
			}
		})
	}
}

func TestEngineFallbackFromBlockedDuckDuckGo(t *testing.T) {
	w := startWeb(t)
	for _, prefix := range []string{"/ddg-blocked", "/ddg-cloudflare"} {
		t.Run(prefix, func(t *testing.T) {
			e, logs := newEngine(t, Config{Order: []string{"duckduckgo", "searxng"},
				DuckDuckGoURL: w.URL + prefix, SearXNGURL: w.URL + "/searxng"})
			before := w.Hits("/searxng/search")
			resp, err := e.Search(ctxT(t), Request{Query: "fallback " + prefix})
			if err != nil {
				t.Fatalf("Search: %v", err)
			}
			if resp.Provider != "searxng" || len(resp.Results) == 0 {
				t.Fatalf("answered by %q with %d results; want searxng", resp.Provider, len(resp.Results))
			}
			if w.Hits(prefix+"/html/") != 1 || w.Hits("/searxng/search") != before+1 {
				t.Errorf("hits: ddg %d, searxng %d", w.Hits(prefix+"/html/"), w.Hits("/searxng/search")-before)
			}
			if !strings.Contains(logs.String(), "blocked by a bot challenge") {
				t.Errorf("the block was not logged:\n%s", logs)
			}
			// The blocked provider is left alone for a while.
			if _, err := e.Search(ctxT(t), Request{Query: "another " + prefix}); err != nil {
				t.Fatal(err)
			}
			if got := w.Hits(prefix + "/html/"); got != 1 {
				t.Errorf("blocked DuckDuckGo asked %d times, want 1 (cooldown)", got)
			}
		})
	}
}

func TestEngineAllFail(t *testing.T) {
	w := startWeb(t)
	e, _ := newEngine(t, Config{Order: []string{"duckduckgo", "brave", "searxng", "serper"},
		DuckDuckGoURL: w.URL + "/ddg-blocked", SearXNGURL: w.URL + "/searxng-503", SerperKey: "k", SerperURL: w.URL + "/serper-bad"})
	_, err := e.Search(ctxT(t), Request{Query: "nothing works"})
	var ce *ChainError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want *ChainError", err)
	}
	for _, want := range []string{
		"duckduckgo: blocked by a bot challenge",
		"searxng: HTTP 503 Service Unavailable",
		"serper: malformed JSON",
		"try again later or configure another provider with DEEPRESEARCH_SEARCH",
		"not configured: brave: BRAVE_API_KEY is not set",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	for _, kind := range []error{ErrBlocked, ErrUnavailable, ErrMalformed} {
		if !errors.Is(err, kind) {
			t.Errorf("errors.Is(err, %v) = false", kind)
		}
	}
	if errors.Is(err, ErrRateLimited) {
		t.Error("no provider was rate limited")
	}
}

func TestEngineRateLimited(t *testing.T) {
	w := startWeb(t)
	t.Run("429 then success on the same provider", func(t *testing.T) {
		e, logs := newEngine(t, Config{Order: []string{"searxng"}, SearXNGURL: w.URL + "/searxng-429"})
		start := time.Now()
		resp, err := e.Search(ctxT(t), Request{Query: "patience"})
		if err != nil {
			t.Fatalf("Search: %v", err)
		}
		if resp.Provider != "searxng" || len(resp.Results) != 5 {
			t.Errorf("provider %q, %d results", resp.Provider, len(resp.Results))
		}
		if got := w.Hits("/searxng-429/search"); got != 2 {
			t.Errorf("hits = %d, want 2 (429, then the retry)", got)
		}
		if waited := time.Since(start); waited < 900*time.Millisecond {
			t.Errorf("retried after %v; Retry-After asked for 1s", waited)
		}
		if !strings.Contains(logs.String(), "retrying once") {
			t.Errorf("retry not logged:\n%s", logs)
		}
	})
	t.Run("long Retry-After hands over", func(t *testing.T) {
		e, _ := newEngine(t, Config{Order: []string{"searxng", "serper"},
			SearXNGURL: w.URL + "/searxng-busy", SerperKey: "k", SerperURL: w.URL + "/serper"})
		start := time.Now()
		resp, err := e.Search(ctxT(t), Request{Query: "busy"})
		if err != nil {
			t.Fatalf("Search: %v", err)
		}
		if resp.Provider != "serper" {
			t.Errorf("answered by %q, want serper", resp.Provider)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v; a 120 s Retry-After must not be waited out", d)
		}
		if _, err := e.Search(ctxT(t), Request{Query: "busy again"}); err != nil {
			t.Fatal(err)
		}
		if got := w.Hits("/searxng-busy/search"); got != 1 {
			t.Errorf("busy SearXNG asked %d times, want 1 (it said come back in 120 s)", got)
		}
	})
	t.Run("only provider rate limited", func(t *testing.T) {
		e, _ := newEngine(t, Config{Order: []string{"searxng"}, SearXNGURL: w.URL + "/searxng-busy"})
		_, err := e.Search(ctxT(t), Request{Query: "busy alone"})
		var pe *ProviderError
		if !errors.Is(err, ErrRateLimited) || !errors.As(err, &pe) || pe.RetryAfter != 120*time.Second {
			t.Fatalf("err = %v; want rate limited with Retry-After 120s", err)
		}
		if !strings.Contains(err.Error(), "rate limited (HTTP 429), retry after 2m0s") {
			t.Errorf("message: %v", err)
		}
	})
}

func TestEngineSkipsUnconfiguredProviders(t *testing.T) {
	w := startWeb(t)
	e, logs := newEngine(t, Config{Order: []string{"brave", "serper", "searxng", "bing", "duckduckgo"}, DuckDuckGoURL: w.URL + "/ddg"})
	if got := strings.Join(e.Providers(), ","); got != "duckduckgo" {
		t.Errorf("providers = %s, want duckduckgo", got)
	}
	for _, want := range []string{
		`level=WARN msg="web search: provider skipped" provider=brave reason="BRAVE_API_KEY is not set"`,
		`provider=serper reason="SERPER_API_KEY is not set"`,
		`provider=searxng reason="SEARXNG_URL is not set"`,
		`provider=bing reason="unknown provider`,
	} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, logs)
		}
	}
	resp, err := e.Search(ctxT(t), Request{Query: "skipped"})
	if err != nil || resp.Provider != "duckduckgo" {
		t.Fatalf("resp %+v err %v", resp, err)
	}

	_, err = New(Config{Order: []string{"brave", "serper"}}, nil, nil)
	if !errors.Is(err, ErrNoProvider) || !strings.Contains(err.Error(), "BRAVE_API_KEY") {
		t.Errorf("New with no usable provider: err = %v", err)
	}
	if e, err := New(Config{}, nil, nil); err != nil || strings.Join(e.Providers(), ",") != "duckduckgo" {
		t.Errorf("default config: %v %v", e, err)
	}
}

func TestEngineProviderErrors(t *testing.T) {
	w := startWeb(t)
	tests := []struct {
		name     string
		cfg      Config
		wantKind error
		wantMsg  string
	}{
		{"searxng malformed JSON", Config{Order: []string{"searxng"}, SearXNGURL: w.URL + "/searxng-bad"},
			ErrMalformed, "searxng: malformed JSON answer"},
		{"serper malformed JSON", Config{Order: []string{"serper"}, SerperKey: "k", SerperURL: w.URL + "/serper-bad"},
			ErrMalformed, "serper: malformed JSON answer"},
		{"searxng without JSON format", Config{Order: []string{"searxng"}, SearXNGURL: w.URL + "/searxng-403"},
			ErrRejected, "searxng: JSON format not enabled on this instance (enable `formats: [html, json]` in settings.yml)"},
		{"brave wrong key", Config{Order: []string{"brave"}, BraveKey: " ", BraveURL: w.URL + "/brave"},
			nil, ""}, // a blank key is no key: skipped, see below
		{"unreachable", Config{Order: []string{"searxng"}, SearXNGURL: "http://127.0.0.1:1"},
			ErrUnavailable, "searxng: network error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.wantKind == nil {
				if _, err := New(tt.cfg, nil, nil); !errors.Is(err, ErrNoProvider) {
					t.Fatalf("New: err = %v, want ErrNoProvider", err)
				}
				return
			}
			e, _ := newEngine(t, tt.cfg)
			_, err := e.Search(ctxT(t), Request{Query: "errors"})
			if !errors.Is(err, tt.wantKind) || !strings.Contains(err.Error(), tt.wantMsg) {
				t.Fatalf("err = %v\nwant kind %v and %q", err, tt.wantKind, tt.wantMsg)
			}
		})
	}
	t.Run("malformed hands over", func(t *testing.T) {
		e, logs := newEngine(t, Config{Order: []string{"searxng", "duckduckgo"}, SearXNGURL: w.URL + "/searxng-bad", DuckDuckGoURL: w.URL + "/ddg"})
		resp, err := e.Search(ctxT(t), Request{Query: "bad json"})
		if err != nil || resp.Provider != "duckduckgo" {
			t.Fatalf("resp %+v err %v", resp, err)
		}
		if !strings.Contains(logs.String(), "searxng: malformed JSON") {
			t.Errorf("log:\n%s", logs)
		}
	})
}

func TestEngineDomainFilters(t *testing.T) {
	w := startWeb(t)
	fixtureHost := strings.TrimPrefix(w.URL, "http://")
	fixtureHost = fixtureHost[:strings.LastIndexByte(fixtureHost, ':')]
	tests := []struct {
		name      string
		provider  Config
		req       Request
		wantHosts []string // every result's host must be one of these or a subdomain
		wantN     int
		wantSent  string // in the echoed query of the first result; "" to skip
	}{
		{"ddg include one", Config{Order: []string{"duckduckgo"}, DuckDuckGoURL: w.URL + "/ddg"},
			Request{Query: "q", IncludeDomains: []string{"example.com"}}, []string{"example.com"}, 2, ""},
		{"ddg include fixture sends site:", Config{Order: []string{"duckduckgo"}, DuckDuckGoURL: w.URL + "/ddg"},
			Request{Query: "q", IncludeDomains: []string{fixtureHost}}, []string{fixtureHost}, 3, "q site:" + fixtureHost},
		{"searxng include two with OR", Config{Order: []string{"searxng"}, SearXNGURL: w.URL + "/searxng"},
			Request{Query: "q", IncludeDomains: []string{fixtureHost, "docs.example.org"}}, []string{fixtureHost, "docs.example.org"}, 3,
			"q (site:" + fixtureHost + " OR site:docs.example.org)"},
		{"serper exclude", Config{Order: []string{"serper"}, SerperKey: "k", SerperURL: w.URL + "/serper"},
			Request{Query: "q", ExcludeDomains: []string{"example.com", "www.example.org"}}, []string{fixtureHost}, 2,
			"q -site:example.com -site:example.org"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newEngine(t, tt.provider)
			resp, err := e.Search(ctxT(t), tt.req)
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Results) != tt.wantN {
				t.Fatalf("got %d results, want %d: %+v", len(resp.Results), tt.wantN, resp.Results)
			}
			for _, r := range resp.Results {
				allowed, err := weburl.ParseDomains(tt.wantHosts, nil)
				if err != nil {
					t.Fatal(err)
				}
				if !allowed.Allows(r.URL) {
					t.Errorf("result %s passed the filter", r.URL)
				}
			}
			if tt.wantSent != "" && !strings.Contains(resp.Results[0].Snippet, tt.wantSent) {
				t.Errorf("first snippet %q; the engine should have received %q", resp.Results[0].Snippet, tt.wantSent)
			}
		})
	}
}

func TestEngineCache(t *testing.T) {
	w := startWeb(t)
	e, _ := newEngine(t, Config{Order: []string{"duckduckgo"}, DuckDuckGoURL: w.URL + "/ddg"})
	ctx := ctxT(t)
	first, err := e.Search(ctx, Request{Query: "Cache Me"})
	if err != nil {
		t.Fatal(err)
	}
	first.Results[0].Title = "changed by the caller"
	second, err := e.Search(ctx, Request{Query: "  cache   me "})
	if err != nil {
		t.Fatal(err)
	}
	if got := w.Hits("/ddg/html/"); got != 1 {
		t.Errorf("hits = %d after a repeated search, want 1 (cache)", got)
	}
	if second.Results[0].Title == "changed by the caller" || len(second.Results) != len(first.Results) {
		t.Error("cached answer was changed through a previous caller's copy")
	}
	if second.Query != "cache me" {
		t.Errorf("query = %q, want this caller's spelling", second.Query)
	}
	if _, err := e.Search(ctx, Request{Query: "cache me", MaxResults: 3}); err != nil {
		t.Fatal(err)
	}
	if got := w.Hits("/ddg/html/"); got != 2 {
		t.Errorf("hits = %d, want 2: other options are another search", got)
	}

	empty, _ := newEngine(t, Config{Order: []string{"duckduckgo"}, DuckDuckGoURL: w.URL + "/ddg-empty"})
	for i := 0; i < 2; i++ {
		resp, err := empty.Search(ctx, Request{Query: "nothing matches"})
		if err != nil {
			t.Fatal(err)
		}
		if resp.Results == nil || len(resp.Results) != 0 || resp.Provider != "duckduckgo" {
			t.Errorf("empty answer: %+v", resp)
		}
	}
	if got := w.Hits("/ddg-empty/html/"); got != 2 {
		t.Errorf("empty answers hit %d times, want 2 (not cached)", got)
	}

	off, _ := newEngine(t, Config{Order: []string{"searxng"}, SearXNGURL: w.URL + "/searxng", CacheTTL: -1})
	for i := 0; i < 2; i++ {
		if _, err := off.Search(ctx, Request{Query: "no cache"}); err != nil {
			t.Fatal(err)
		}
	}
	if got := w.Hits("/searxng/search"); got != 2 {
		t.Errorf("with the cache off hits = %d, want 2", got)
	}
}

func TestEngineEmptyHandsOver(t *testing.T) {
	w := startWeb(t)
	e, _ := newEngine(t, Config{Order: []string{"searxng", "duckduckgo"}, SearXNGURL: w.URL + "/searxng-empty", DuckDuckGoURL: w.URL + "/ddg"})
	resp, err := e.Search(ctxT(t), Request{Query: "only ddg has it"})
	if err != nil || resp.Provider != "duckduckgo" || len(resp.Results) == 0 {
		t.Fatalf("resp %+v err %v", resp, err)
	}
}

func TestEngineMergesConcurrentSearches(t *testing.T) {
	w := startWeb(t)
	e, _ := newEngine(t, Config{Order: []string{"searxng"}, SearXNGURL: w.URL + "/searxng-slow"})
	ctx := ctxT(t)
	const n = 6
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := e.Search(ctx, Request{Query: "same question"})
			if err == nil && len(resp.Results) != 5 {
				err = errors.New("wrong result count")
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if got := w.Hits("/searxng-slow/search"); got != 1 {
		t.Errorf("%d concurrent identical searches made %d requests, want 1", n, got)
	}
}

func TestEngineParallelDistinctSearches(t *testing.T) {
	w := startWeb(t)
	e, _ := newEngine(t, Config{Order: []string{"searxng"}, SearXNGURL: w.URL + "/searxng"})
	ctx := ctxT(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			q := strings.Repeat("x", i+1)
			resp, err := e.Search(ctx, Request{Query: q})
			if err != nil || !strings.Contains(resp.Results[0].Snippet, q) || resp.Query != q {
				t.Errorf("query %q: resp %+v err %v", q, resp, err)
			}
		}()
	}
	wg.Wait()
	if got := w.Hits("/searxng/search"); got != 8 {
		t.Errorf("hits = %d, want 8", got)
	}
}

func TestEngineCancellation(t *testing.T) {
	w := startWeb(t)
	e, _ := newEngine(t, Config{Order: []string{"searxng", "duckduckgo"}, SearXNGURL: w.URL + "/searxng-slow", DuckDuckGoURL: w.URL + "/ddg"})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := e.Search(ctx, Request{Query: "too slow"})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the caller's deadline", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("returned after %v; should return at the caller's deadline", d)
	}
	// The abandoned search must not go on to the next provider.
	time.Sleep(400 * time.Millisecond)
	if got := w.Hits("/ddg/html/"); got != 0 {
		t.Errorf("DuckDuckGo was asked %d times after the caller gave up", got)
	}
}

func TestEngineInvalidRequestSendsNothing(t *testing.T) {
	w := startWeb(t)
	e, _ := newEngine(t, Config{Order: []string{"duckduckgo"}, DuckDuckGoURL: w.URL + "/ddg"})
	for _, req := range []Request{{Query: ""}, {Query: "x", MaxResults: 21}, {Query: "x", Recency: "decade"}} {
		if _, err := e.Search(ctxT(t), req); !errors.Is(err, ErrInvalidRequest) {
			t.Errorf("%+v: err = %v, want ErrInvalidRequest", req, err)
		}
	}
	if got := w.Hits(""); got != 0 {
		t.Errorf("%d requests sent for invalid searches", got)
	}
}

func TestEngineRateLimitPacesRequests(t *testing.T) {
	w := startWeb(t)
	e, _ := newEngine(t, Config{Order: []string{"searxng"}, SearXNGURL: w.URL + "/searxng", CacheTTL: -1,
		Rates: map[string]float64{"searxng": 4}})
	ctx := ctxT(t)
	start := time.Now()
	for i := 0; i < 6; i++ { // burst 4, then two more at 4/s: at least ~0.5 s
		if _, err := e.Search(ctx, Request{Query: "paced"}); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 400*time.Millisecond {
		t.Errorf("6 searches at 4/s (burst 4) took %v; the limiter did not pace them", d)
	}
	short, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	if _, err := e.Search(short, Request{Query: "paced"}); err == nil {
		t.Error("a search with no token before its deadline succeeded")
	}
}
