package browse

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/extract/score"
)

// datasetDir is ../shared/datasets/<name> beside the repository.
func datasetDir(tb testing.TB, name string) string {
	tb.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "datasets", name)
	if _, err := os.Stat(dir); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("dataset missing at %s (CI must have ../shared/datasets): %v", dir, err)
		}
		tb.Skipf("dataset not found at %s; skipping (needs ../shared/datasets)", dir)
	}
	return dir
}

func loadSet(tb testing.TB, name string) []score.Page {
	tb.Helper()
	pages, err := score.Load(datasetDir(tb, name))
	if err != nil {
		tb.Fatal(err)
	}
	return pages
}

// TestSavedInterstitialsAreChallenges: the interstitials saved from real
// sites are still refused (the ordinary-page side is measured on the
// benchmark sets by BenchmarkChallengeFalsePositives, too slow under -race
// for a test, and tested on pages built in their shapes in jsauto_test.go).
func TestSavedInterstitialsAreChallenges(t *testing.T) {
	dir := datasetDir(t, "search-pages")
	for _, f := range []string{"interstitial_cloudflare_anomaly_2026.html", "interstitial_ddg_anomaly.html"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if who := detectChallenge(200, nil, string(b)); who == "" {
			t.Errorf("%s not detected as a challenge", f)
		}
	}
	for _, f := range []string{"ddg_html_pagina_1.html", "ddg_lite_pagina_1.html"} {
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		if who := detectChallenge(200, nil, string(b)); who != "" {
			t.Errorf("%s, a results page, taken for a %s challenge", f, who)
		}
	}
}

// BenchmarkChallengeFalsePositives counts the benchmark pages (ordinary
// pages saved from real sites, many with a reCAPTCHA contact form or
// Cloudflare's bot-detection script) taken for a bot challenge; it fails
// on any.
//
//	go test -run '^$' -bench ChallengeFalsePositives -benchtime 1x ./tools/browse
func BenchmarkChallengeFalsePositives(b *testing.B) {
	for _, set := range []string{"wcxb", "article-extraction"} {
		pages := loadSet(b, set)
		b.Run(set, func(b *testing.B) {
			refused := 0
			for b.Loop() {
				refused = 0
				for _, p := range pages {
					if who := detectChallenge(200, nil, p.HTML); who != "" {
						refused++
						b.Errorf("%s page %s (%s) refused as a %s challenge", set, p.ID, p.URL, who)
					}
				}
			}
			b.ReportMetric(float64(refused), "refused")
			b.ReportMetric(float64(len(pages)), "pages")
		})
	}
}

// BenchmarkAutoRenderShare counts the benchmark pages (whole static pages
// saved from real sites) that render=auto would send to the browser, and
// why. The share must stay small: every render costs a second or more.
//
//	go test -run '^$' -bench AutoRenderShare -benchtime 1x ./tools/browse
func BenchmarkAutoRenderShare(b *testing.B) {
	for _, set := range []string{"article-extraction", "wcxb"} {
		pages := loadSet(b, set)
		docs := make([]*extract.Document, len(pages))
		plain, read := make([]score.Counts, len(pages)), make([]score.Counts, len(pages))
		for i, p := range pages {
			u, _ := url.Parse(p.URL)
			d, err := extract.FromHTML(p.HTML, u)
			if err != nil {
				b.Fatal(err)
			}
			plain[i] = score.Compare(p.Truth, extract.StripMarkdownLinks(d.Markdown))
			docs[i] = noscriptView(p.HTML, d, u)
			read[i] = score.Compare(p.Truth, extract.StripMarkdownLinks(docs[i].Markdown))
		}
		b.Run(set, func(b *testing.B) {
			var rendered, empty int
			reasons := map[string]int{}
			for b.Loop() {
				rendered, empty = 0, 0
				clear(reasons)
				for i, p := range pages {
					if r := renderReason(p.HTML, docs[i]); r != "" {
						rendered++
						reasons[r]++
					}
					if proseWords(docs[i].Markdown) == 0 {
						empty++
					}
				}
			}
			b.ReportMetric(float64(rendered), "rendered")
			b.ReportMetric(float64(len(pages)), "pages")
			b.ReportMetric(100*float64(rendered)/float64(len(pages)), "%rendered")
			b.ReportMetric(float64(empty), "empty-http")
			// F1 of what the HTTP side of auto reads (noscript views
			// included) against extraction alone; renders are not scored.
			b.ReportMetric(score.Summarize(plain).F1, "F1-extract")
			b.ReportMetric(score.Summarize(read).F1, "F1-http-read")
			b.Logf("%s: %d of %d pages would be rendered: %v", set, rendered, len(pages), reasons)
		})
	}
}
