package research

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

// startPagesWeb serves pages (search and pages) on loopback.
func startPagesWeb(t *testing.T, pages []miniweb.Page) (*httptest.Server, *miniweb.Site) {
	t.Helper()
	site := miniweb.New(pages)
	for _, p := range pages {
		if site.JSOnly(p.Title) {
			t.Fatalf("test page %q is JavaScript-only in the mini-web; pick another title", p.Title)
		}
	}
	srv := httptest.NewServer(site.Handler())
	t.Cleanup(srv.Close)
	return srv, site
}

// fillerPages is n pages for a test web's crowd, built by page from the
// titles title gives, skipping the titles the mini-web would serve only
// to JavaScript (the tests have no browser: every page reads over HTTP).
func fillerPages(n int, title func(i int) string, page func(title string) miniweb.Page) []miniweb.Page {
	shells := miniweb.New(nil)
	var out []miniweb.Page
	for i := 0; len(out) < n; i++ {
		if t := title(i); !shells.JSOnly(t) {
			out = append(out, page(t))
		}
	}
	return out
}

// quotesPage reports evidence of res that quotes text (every one of
// texts, in one quote) from the page of site titled title.
func quotesPage(site *miniweb.Site, res *Result, title string, texts ...string) bool {
	for _, ev := range res.Evidence {
		if t, _ := site.TitleOf(ev.URL); t != title {
			continue
		}
		all := true
		for _, text := range texts {
			all = all && strings.Contains(ev.Quote, text)
		}
		if all {
			return true
		}
	}
	return false
}

// checkEvidenceBudget fails t when res's quotes take more tokens than the
// default evidence budget.
func checkEvidenceBudget(t *testing.T, res *Result) {
	t.Helper()
	used := 0
	for _, ev := range res.Evidence {
		used += estimateTokens(ev.Quote)
	}
	if used > DefaultMaxEvidenceTokens {
		t.Errorf("evidence takes %d tokens, over the budget %d", used, DefaultMaxEvidenceTokens)
	}
}

// runOnAndOff runs req on srv's web twice: with the default Params, and
// with off applied to them (the rule under test switched off). A run test
// asserts what the rule gives and, on the second result, that its web
// needs the rule (the same outcome without it would test nothing).
func runOnAndOff(t *testing.T, srv *httptest.Server, req Request, off func(*Params)) (on, without *Result) {
	t.Helper()
	run := func(p Params) *Result {
		t.Helper()
		res, err := newTestEngine(t, srv.URL).WithParams(p).Run(context.Background(), req, nil)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	p := DefaultParams()
	off(&p)
	return run(DefaultParams()), run(p)
}

// readsPage reports that res read the page of site titled title.
func readsPage(site *miniweb.Site, res *Result, title string) bool {
	for _, s := range res.Sources {
		if t, _ := site.TitleOf(s.URL); t == title && s.Status == string(statusOK) {
			return true
		}
	}
	return false
}
