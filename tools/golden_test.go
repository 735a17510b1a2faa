package tools

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// TestGoldenToolOutput pins the exact text a model reads from browse_page
// and deep_research on the fixture web (testdata/golden/*.txt). Only what
// changes per call is masked: the fence id, the fixture server's address
// and timings. A change must be deliberate: `go test ./tools -update`.
func TestGoldenToolOutput(t *testing.T) {
	web := fixtures.Start()
	defer web.Close()
	guard := egress.New(egress.Policy{Trusted: []string{web.Listener.Addr().String()}})
	client := guard.Client()
	defer client.CloseIdleConnections()
	s, err := search.New(search.Config{Order: []string{search.SearXNG}, SearXNGURL: web.URL + "/searxng"}, client, nil)
	if err != nil {
		t.Fatal(err)
	}
	// No browser: the golden pages read over HTTP, so the text does not
	// depend on Chromium's version.
	b := browse.New(browse.Config{Fetcher: fetch.New(client, 0, ""), Guard: guard})
	h := &Handlers{Search: s, Browse: b, Research: research.New(s, b, 2)}
	c := connect(t, h.Register)

	for _, tc := range []struct {
		name, tool string
		args       map[string]any
	}{
		{"browse_page_article", "browse_page", map[string]any{"url": web.URL + "/pages/article", "render": "never"}},
		{"browse_page_long_window", "browse_page", map[string]any{"url": web.URL + "/pages/long", "render": "never", "max_chars": 1500, "offset": 3000}},
		{"browse_page_query", "browse_page", map[string]any{"url": web.URL + "/pages/long", "render": "never", "max_chars": 1500, "query": "Section 12"}},
		{"browse_page_not_found", "browse_page", map[string]any{"url": web.URL + "/pages/404", "render": "never"}},
		{"deep_research_lighthouse", "deep_research", map[string]any{
			"question": "How do lighthouses keep their lamps turning?", "max_pages": 3, "max_depth": 0,
			"include_domains": []string{"127.0.0.1"}, "time_budget_s": 60}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := call(t, c, tc.tool, tc.args)
			got := maskGolden(text(res), web.URL)
			if res.IsError {
				got = "isError: true\n" + got
			}
			compareGolden(t, filepath.Join("testdata", "golden", tc.name+".txt"), got)
		})
	}
}

// goldenElapsed is deep_research's elapsed time on its Stats line.
var goldenElapsed = regexp.MustCompile(`(?m)(from cache, )\d+(\.\d+)? s\.$`)

// maskGolden replaces what differs between runs of the same call.
func maskGolden(s, webURL string) string {
	s = fenceID.ReplaceAllString(s, `id="…"`)
	s = strings.ReplaceAll(s, webURL, "http://fixture.test")
	s = strings.ReplaceAll(s, strings.TrimPrefix(webURL, "http://"), "fixture.test")
	return goldenElapsed.ReplaceAllString(s, "${1}… s.")
}

func compareGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run `go test ./tools -update` to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s; if the change is intended, run `go test ./tools -update`\n--- got\n%s", path, got)
	}
}
