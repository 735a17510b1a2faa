package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// TestBrowseAutoRendersWhatHTTPLacks drives render=auto through the built
// binary (issue 15): script-written articles in each site template come back
// with their article, whole static pages are read without the browser, a
// forum thread keeps the posts of its <noscript> view, and a page whose
// script navigates to a host that does not resolve reads from its HTTP copy
// with a note.
func TestBrowseAutoRendersWhatHTTPLacks(t *testing.T) {
	chromiumOrSkip(t)
	noLeaks(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	c := spawnServer(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1")).c

	// One call at a time: the first launches Chromium, and on a loaded
	// machine parallel first renders can outlast the render timeout.
	for _, tc := range []struct{ chrome, pattern string }{{"news", "domready"}, {"blog", "mount"}, {"docs", "noscript"}} {
		t.Run(tc.chrome+"/"+tc.pattern, func(t *testing.T) {
			res, out := browse(t, c, map[string]any{"url": web.URL + "/js/" + tc.chrome + "/" + tc.pattern}, 60*time.Second)
			if res.IsError {
				t.Fatalf("isError: %s", text(res))
			}
			if !out.Rendered {
				t.Errorf("not rendered; content:\n%s", out.Content)
			}
			for _, want := range fixtures.JSArticleMarkers(tc.chrome) {
				if !strings.Contains(out.Content, want) {
					t.Errorf("content lacks %q:\n%s", want, out.Content)
				}
			}
		})
	}
	t.Run("whole pages stay on the fast path", func(t *testing.T) {
		for _, p := range []string{"/js/news/static", "/js/blog/widgets", "/js/docs/widgets", "/js/contact"} {
			out := mustBrowse(t, c, map[string]any{"url": web.URL + p})
			if out.Rendered || out.TotalChars < 300 {
				t.Errorf("%s: rendered %v, %d chars", p, out.Rendered, out.TotalChars)
			}
		}
	})
	t.Run("forum thread in noscript", func(t *testing.T) {
		out := mustBrowse(t, c, map[string]any{"url": web.URL + "/js/forum/t/negative-heights"})
		for _, p := range fixtures.ForumPosts {
			if want := p[1][:30]; !strings.Contains(out.Content, want) {
				t.Errorf("thread lacks post %q:\n%s", want, out.Content)
			}
		}
	})
	t.Run("script navigates to a host that does not resolve", func(t *testing.T) {
		res, out := browse(t, c, map[string]any{"url": web.URL + "/js/blog/away"}, 60*time.Second)
		if res.IsError {
			t.Fatalf("the page's own navigation failed the call: %s", text(res))
		}
		if out.Rendered || !strings.Contains(out.Content, fixtures.JSAwayTeaser) || !strings.Contains(out.Note, "render") {
			t.Errorf("rendered %v, note %q, content:\n%s", out.Rendered, out.Note, out.Content)
		}
	})
}
