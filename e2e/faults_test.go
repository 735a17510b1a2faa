package e2e

import (
	"fmt"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// faultCase is one hostile page. A case passes when the call is answered
// within budget and the answer matches ok (a result) or errText (an
// isError result): "partial" means either is fine, as long as it says so.
type faultCase struct {
	name    string
	path    string
	render  string
	budget  time.Duration
	ok      *regexp.Regexp // content of a successful answer; nil: must fail
	errText *regexp.Regexp // text of an isError answer; nil: must succeed
}

var (
	reTimeout  = regexp.MustCompile(`(?i)time(d)? ?out|did not finish|deadline|too long|took longer`)
	reTooLarge = regexp.MustCompile(`(?i)too large|larger than|exceed|limit`)
)

// TestFaultsHostilePages: every hostile page gets an answer within its
// budget — a clear error or a (partial) result — and the server keeps
// serving. The cases run concurrently on one server, as a model's calls
// would.
func TestFaultsHostilePages(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	s := spawnServer(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
	c := s.c

	// Budgets: an HTTP request gives up after 20 s, a render after 10 s
	// (both per load); a little slack on top for a loaded CI machine.
	const httpBudget, renderBudget = 35 * time.Second, 35 * time.Second
	anything := regexp.MustCompile(`(?s).`)
	cases := []faultCase{
		{"never finishes (http)", "/pages/slow", "never", httpBudget, regexp.MustCompile(`SLOW-FIRST-PART`), reTimeout},
		{"never finishes (chromium)", "/pages/slow", "always", renderBudget, regexp.MustCompile(`SLOW-FIRST-PART`), reTimeout},
		{"sends nothing (http)", "/pages/hang", "never", httpBudget, nil, reTimeout},
		{"hanging sub-resource (chromium)", "/pages/slow-subresource", "always", renderBudget, regexp.MustCompile(`SLOW-SUBRESOURCE-FACT`), nil},
		{"infinite JS loop (chromium)", "/pages/infinite-js", "always", renderBudget, regexp.MustCompile(`INFINITE-JS-FACT`), reTimeout},
		// Its HTTP text is too short to stand in for the rendered page, so auto may fail too.
		{"infinite JS loop (auto)", "/pages/infinite-js", "auto", renderBudget, regexp.MustCompile(`INFINITE-JS-FACT`), reTimeout},
		{"redirect loop (http)", "/pages/redirect-loop", "never", httpBudget, nil, regexp.MustCompile(`(?i)redirect`)},
		{"redirect loop (chromium)", "/pages/redirect-loop", "always", renderBudget, nil, regexp.MustCompile(`(?i)redirect`)},
		{"50 MB body", "/pages/huge?mb=50", "never", httpBudget, regexp.MustCompile(`Huge page filler`), reTooLarge},
		{"endless chunked body", "/pages/endless", "never", httpBudget, regexp.MustCompile(`Endless chunk`), reTooLarge},
		{"gzip bomb", "/pages/gzip-bomb", "never", httpBudget, nil, reTooLarge},
		{"brotli bomb", "/pages/brotli-bomb", "never", httpBudget, nil, reTooLarge},
		{"slowloris headers (http)", "/hostile/slowloris?mode=headers", "never", httpBudget, nil, reTimeout},
		{"slowloris body (http)", "/hostile/slowloris?mode=body", "never", httpBudget, anything, reTimeout},
		{"slowloris headers (chromium)", "/hostile/slowloris?mode=headers", "always", renderBudget, anything, reTimeout},
		{"invalid UTF-8", "/pages/invalid-utf8", "never", httpBudget, regexp.MustCompile(`INVALID-UTF8-FACT`), nil},
		// The header wins, as in a browser: the bytes that are not UTF-8 become U+FFFD, never invalid output.
		{"lying charset", "/pages/lying-charset", "never", httpBudget, regexp.MustCompile(`serves na`), nil},
		{"100k-deep nesting (http)", "/pages/nested?depth=100000", "never", httpBudget, anything, anything},
		{"100k-deep nesting (chromium)", "/pages/nested?depth=100000", "always", renderBudget, anything, anything},
		{"HTTP 500", "/pages/500", "never", httpBudget, nil, regexp.MustCompile(`500`)},
		{"bot challenge", "/pages/challenge", "auto", renderBudget, nil, regexp.MustCompile(`(?i)challenge`)},
		{"unsupported type", "/pages/image.png", "never", httpBudget, nil, regexp.MustCompile(`image/png`)},
	}
	start := time.Now()
	each(cases, len(cases), func(fc faultCase) {
		res, took := call(t, c, "browse_page", map[string]any{"url": web.URL + fc.path, "render": fc.render}, fc.budget)
		if res == nil {
			return
		}
		txt := text(res)
		if !utf8.ValidString(txt) {
			t.Errorf("%s: the answer is not valid UTF-8", fc.name)
		}
		switch {
		case res.IsError && fc.errText == nil:
			t.Errorf("%s: failed after %v: %.300q", fc.name, took, txt)
		case res.IsError && !fc.errText.MatchString(txt):
			t.Errorf("%s: the error does not say what went wrong: %.300q", fc.name, txt)
		case !res.IsError && fc.ok == nil:
			t.Errorf("%s: succeeded, want an error: %.300q", fc.name, txt)
		case !res.IsError && !fc.ok.MatchString(txt):
			t.Errorf("%s: the content is not the page's: %.300q", fc.name, txt)
		}
		if !res.IsError {
			var out browseOut
			structured(t, res, &out)
			if !utf8.ValidString(out.Content) || !utf8.ValidString(out.Title) {
				t.Errorf("%s: structured content is not valid UTF-8", fc.name)
			}
		}
		t.Logf("%-30s %6v isError=%v %.120q", fc.name, took.Round(time.Millisecond), res.IsError, txt)
	})
	t.Logf("all faults answered in %v", time.Since(start).Round(time.Millisecond))

	// The server keeps serving, on both paths, and search still works.
	for _, render := range []string{"never", "always"} {
		res, _ := call(t, c, "browse_page", map[string]any{"url": web.URL + "/pages/article", "render": render}, 30*time.Second)
		if res == nil || res.IsError || !strings.Contains(text(res), "mercury") {
			t.Fatalf("render=%s after the faults: %v", render, res)
		}
	}
	if res, _ := call(t, c, "web_search", map[string]any{"query": "lighthouse"}, 20*time.Second); res == nil || res.IsError {
		t.Fatalf("web_search after the faults: %v", res)
	}
}

// TestFaultsSearchProvider: a provider that rate-limits (429 with a long
// Retry-After), fails (503) or answers malformed JSON gives a clear error
// quickly — never a wait for Retry-After — and the next provider in the
// order takes over when there is one.
func TestFaultsSearchProvider(t *testing.T) {
	noLeaks(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	cases := []struct {
		name, provider string
		order          string
		ok             bool
		want           *regexp.Regexp
	}{
		{"429", "/searxng-busy", "searxng", false, regexp.MustCompile(`(?i)429|rate|too many|busy|limit`)},
		{"503", "/searxng-503", "searxng", false, regexp.MustCompile(`(?i)503|unavailable`)},
		{"malformed JSON", "/searxng-bad", "searxng", false, regexp.MustCompile(`(?i)json|malformed|invalid|parse|decode|unexpected`)},
		{"403 (no JSON format)", "/searxng-403", "searxng", false, regexp.MustCompile(`(?i)403|format|json`)},
		{"503 then fallback", "/searxng-503", "searxng,duckduckgo", true, regexp.MustCompile(`(?i)lighthouse|http`)},
	}
	each(cases, len(cases), func(tc struct {
		name, provider string
		order          string
		ok             bool
		want           *regexp.Regexp
	}) {
		s := spawnServer(t, env(web.URL, "SEARXNG_URL="+web.URL+tc.provider, "DEEPRESEARCH_SEARCH="+tc.order))
		for i := range 2 { // the second call: the server keeps serving, and does not hang on a remembered back-off
			res, took := call(t, s.c, "web_search", map[string]any{"query": "lighthouse lamps"}, 20*time.Second)
			if res == nil {
				return
			}
			if res.IsError == tc.ok || !tc.want.MatchString(text(res)) {
				t.Errorf("%s (call %d, %v): isError=%v %.300q", tc.name, i+1, took, res.IsError, text(res))
			}
		}
		if res, _ := call(t, s.c, "browse_page", map[string]any{"url": "file:///etc/passwd"}, 10*time.Second); res == nil || !policyRefusal(res) {
			t.Errorf("%s: the server stopped serving other tools", tc.name)
		}
	})
}

// TestFaultsBrowserKilled: Chromium killed mid-call (the browser process,
// then, separately, the renderer of the tab, which is what a tab crash is)
// fails the call cleanly and long before its budget; the next render works
// on a fresh browser or tab.
func TestFaultsBrowserKilled(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	s := spawnServer(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
	pid := s.cmd.Process.Pid

	// Warm up: the first render launches Chromium.
	if res, _ := call(t, s.c, "browse_page", map[string]any{"url": web.URL + "/pages/article", "render": "always"}, 60*time.Second); res == nil || res.IsError {
		t.Fatalf("first render: %v", res)
	}
	// Every Chromium process seen before a kill: none may survive outside
	// the server's tree (orphans of the killed browser).
	watched := map[int]string{}
	for _, tc := range []struct {
		name string
		kind string // --type= of the processes to kill: "" the browser, "renderer" the tab
	}{
		{"browser process killed", ""},
		{"tab crashed (renderer killed)", "renderer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := web.Hits("/pages/slow")
			done := make(chan struct{})
			var took time.Duration
			var txt string
			var isErr bool
			go func() {
				defer close(done)
				res, d := call(t, s.c, "browse_page", map[string]any{"url": web.URL + "/pages/slow?" + tc.kind, "render": "always"}, 30*time.Second)
				took = d
				if res != nil {
					txt, isErr = text(res), res.IsError
				}
			}()
			deadline := time.Now().Add(20 * time.Second)
			for web.Hits("/pages/slow") == before {
				if time.Now().After(deadline) {
					t.Fatal("the render never reached the page")
				}
				time.Sleep(50 * time.Millisecond)
			}
			time.Sleep(300 * time.Millisecond) // let the page commit
			victims := chromiumBelow(pid, tc.kind)
			if len(victims) == 0 {
				t.Fatalf("no Chromium process of type %q below the server (pid %d): %v", tc.kind, pid, chromiumBelow(pid, "*"))
			}
			for _, p := range chromiumBelow(pid, "*") {
				watched[p.pid] = p.cmdline
			}
			killedAt := time.Now()
			for _, p := range victims {
				_ = syscall.Kill(p.pid, syscall.SIGKILL)
			}
			<-done
			t.Logf("answer %v after the kill (call took %v): isError=%v %.200q", time.Since(killedAt).Round(time.Millisecond), took.Round(time.Millisecond), isErr, txt)
			if !isErr && !strings.Contains(txt, "SLOW-FIRST-PART") {
				t.Errorf("the call neither failed nor returned the page: %.300q", txt)
			}
			if isErr && !regexp.MustCompile(`(?i)died|crash`).MatchString(txt) {
				t.Errorf("the error does not say the browser died or the tab crashed: %q", txt)
			}
			// The next render works.
			res, _ := call(t, s.c, "browse_page", map[string]any{"url": web.URL + "/pages/spa", "render": "always"}, 45*time.Second)
			if res == nil || res.IsError || !strings.Contains(text(res), fixtures.SPAPhrase) {
				t.Fatalf("render after %s: %v", tc.name, res)
			}
		})
	}
	// No orphaned Chromium: the children of the killed browser must not
	// live on outside the server's process tree.
	deadline := time.Now().Add(10 * time.Second)
	for {
		below := map[int]bool{}
		for _, p := range descendants(pid) {
			below[p.pid] = true
		}
		var orphans []string
		for _, p := range readProcs() {
			if _, ok := watched[p.pid]; ok && !below[p.pid] && strings.Contains(p.cmdline, "chrom") {
				orphans = append(orphans, fmt.Sprintf("%d (parent %d): %.100s", p.pid, p.ppid, p.cmdline))
			}
		}
		if len(orphans) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Errorf("Chromium processes outside the server's tree after the kills:\n%s", strings.Join(orphans, "\n"))
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("%d Chromium processes watched; none orphaned", len(watched))
}

// TestFaultsDeepResearchHostileResults: deep_research over search results
// that are all traps — every fault page, and SSRF targets (the loopback
// victim in several spellings, also behind a redirect; metadata; a private
// address; file:) — answers within its time budget, reaches no victim, and
// leaves the server serving.
func TestFaultsDeepResearchHostileResults(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	victim := startListener(t)
	s := spawnServer(t, env(web.URL, "SEARXNG_URL="+web.URL+"/hostile/searxng/"+victim.port()))

	const budget = 15
	res, took := call(t, s.c, "deep_research", map[string]any{
		"question": "How do lighthouse lamps turn?", "max_pages": 20, "time_budget_s": budget,
	}, (budget+15)*time.Second)
	if res == nil {
		return
	}
	t.Logf("deep_research answered in %v: isError=%v %.300q", took.Round(time.Millisecond), res.IsError, text(res))
	if n := victim.conns.Load(); n != 0 {
		t.Fatalf("deep_research reached the loopback victim (%d connections): %v", n, victim.kinds())
	}
	if res.IsError {
		if !strings.Contains(text(res), "deep_research") {
			t.Errorf("unclear error: %q", text(res))
		}
	} else {
		var out struct {
			Sources []struct {
				URL    string `json:"url"`
				Status string `json:"status"`
			} `json:"sources"`
			Evidence []struct {
				URL string `json:"url"`
			} `json:"evidence"`
		}
		structured(t, res, &out)
		for _, e := range out.Evidence {
			if strings.Contains(e.URL, ":"+victim.port()) || strings.Contains(e.URL, "169.254") || strings.HasPrefix(e.URL, "file:") {
				t.Errorf("evidence from a refused target: %s", e.URL)
			}
		}
		if !utf8.ValidString(text(res)) {
			t.Error("the answer is not valid UTF-8")
		}
	}
	for _, args := range []map[string]any{{"url": web.URL + "/pages/article", "render": "never"}, {"url": web.URL + "/pages/spa", "render": "always"}} {
		if r, _ := call(t, s.c, "browse_page", args, 45*time.Second); r == nil || r.IsError {
			t.Fatalf("browse_page %v after deep_research: %v", args, r)
		}
	}
}
