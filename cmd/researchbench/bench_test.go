package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
)

// needData finds the mini-web dataset; without it the test skips, unless CI.
func needData(t *testing.T, set string) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "datasets", set)
	if _, err := os.Stat(filepath.Join(dir, "questions_dev.jsonl")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("dataset missing at %s: %v", dir, err)
		}
		t.Skipf("dataset not found at %s (needs ../shared/datasets); skipping", dir)
	}
	return dir
}

// needChromium finds a browser for the JavaScript-only pages.
func needChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium found; CI must have one")
	}
	t.Skip("no Chromium found; skipping")
	return ""
}

// Each subset test runs deep research on 20 dev questions of one set (every
// n-th, spread over the question types) against its mini-web with the real
// engines and a real browser, and fails below a floor set a little under
// what the engine measures, so a regression on any kind of question shows.

func TestResearchMiniWebSubset(t *testing.T) {
	researchSubset(t, "hotpotqa-miniweb", 0.90, 0.88) // measured 0.95 / 0.94
}

func TestResearchWiki2Subset(t *testing.T) {
	researchSubset(t, "wiki2-miniweb", 0.95, 0.88) // measured 1.00 / 0.94
}

func TestResearchMusiqueSubset(t *testing.T) {
	researchSubset(t, "musique-miniweb", 0.70, 0.70) // measured 0.75 / 0.75
}

func researchSubset(t *testing.T, set string, minBoth, minAnswer float64) {
	dir := needData(t, set)
	chromium := needChromium(t)
	site, err := miniweb.Open(filepath.Join(dir, "corpus_pages.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	all, err := loadQuestions(filepath.Join(dir, "questions_dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	step := max(1, len(all)/20)
	var qs []question
	for i := 0; i < len(all) && len(qs) < 20; i += step {
		qs = append(qs, all[i])
	}
	web := miniweb.Start(site)
	defer web.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	eng, err := newEngines(ctx, web.URL, chromium, research.DefaultMaxTabs, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	ask := func(ctx context.Context, q string) (*research.Result, error) {
		return eng.research.Run(ctx, research.Request{Question: q}, nil)
	}
	outs := askAll(ctx, qs, ask, 2, sitePages(site), func(i int, o outcome) {
		if o.GoldCited < o.GoldTotal || o.Err != "" {
			t.Logf("missed: gold %d/%d %s %s", o.GoldCited, o.GoldTotal, o.Err, o.Q.Question)
		}
	})
	s := summarize(outs)
	t.Logf("%s: both gold %.3f, gold recall %.3f, answer recall %.3f, tokens median %.0f, %.2f s median",
		set, s.BothGold, s.GoldRecall, s.AnswerRecall, s.TokensMedian, s.SecondsMedian)
	if s.Errors > 0 {
		t.Errorf("%d questions failed", s.Errors)
	}
	if s.BothGold < minBoth {
		t.Errorf("all gold pages cited for %.3f of %d questions, want >= %.2f", s.BothGold, s.N, minBoth)
	}
	if s.AnswerRecall < minAnswer {
		t.Errorf("answer recall %.3f over %d questions, want >= %.2f", s.AnswerRecall, s.AnswerN, minAnswer)
	}
	if s.TokensMedian > float64(research.DefaultMaxEvidenceTokens) {
		t.Errorf("median evidence %.0f tokens, over the default budget %d", s.TokensMedian, research.DefaultMaxEvidenceTokens)
	}
}

func TestNormalizeAnswer(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"The Keeper of Seals", "keeper of seals"},
		{"Greenwich Village, New York City", "greenwich village new york city"},
		{"  An  apple's core ", "apples core"},
		{"1969 until 1974", "1969 until 1974"},
	} {
		if got := normalizeAnswer(tt.in); got != tt.want {
			t.Errorf("normalizeAnswer(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestScoreOutcome(t *testing.T) {
	q := question{Question: "q", Answer: "Keeper of Seals", AnswerAliases: []string{"seals keeper"},
		SupportingFacts: [][]any{{"Marian Holloway", 1.0}, {"Porch Light (1952 film)", 0.0}}}
	pages := map[string][2]string{
		"http://x/wiki/Marian_Holloway": {"Marian Holloway", "Marian Holloway was an American actress. She served as Keeper of Seals. She was its seals keeper."},
		"http://x/wiki/Other":           {"Other", "The Keeper of Seals is a position."},
	}
	pageOf := func(u string) (string, string, bool) { p, ok := pages[u]; return p[0], p[1], ok }
	ev := []research.Evidence{
		{URL: "http://x/wiki/Other", Quote: "The Keeper of Seals is a position."}, // answer, but not from a gold page
		{URL: "http://x/wiki/Marian_Holloway", Quote: "Marian Holloway was an American actress."},
	}
	o := score(q, ev, pageOf)
	if o.GoldCited != 1 || o.GoldTotal != 2 || o.AnswerSeen {
		t.Errorf("outcome %+v: want 1 of 2 gold pages and no answer from a gold page", o)
	}
	if o := score(q, append(ev, research.Evidence{URL: "http://x/wiki/Marian_Holloway", Quote: "She served as Keeper of Seals."}), pageOf); !o.AnswerSeen {
		t.Error("answer in a gold page's quote not seen")
	}
	if o := score(q, append(ev, research.Evidence{URL: "http://x/wiki/Marian_Holloway", Quote: "She was its seals keeper."}), pageOf); !o.AnswerSeen {
		t.Error("an answer alias in a gold page's quote not seen")
	}
	// Site chrome only: the page is not cited and its answer does not count.
	chrome := []research.Evidence{{URL: "http://x/wiki/Marian_Holloway", Quote: "Marian Holloway\n\nFrom Miniweb, the offline encyclopedia. Keeper of Seals"}}
	if o := score(q, chrome, pageOf); o.GoldCited != 0 || o.AnswerSeen {
		t.Errorf("a chrome-only quote was credited: %+v", o)
	}
}
