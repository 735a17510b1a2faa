// Command extractbench scores extract.FromHTML on the article-extraction
// benchmark (scrapinghub/article-extraction-benchmark) and times it.
//
//	go run ./cmd/extractbench -data ../shared/datasets/article-extraction [-v] [-runs 3]
package main

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/extract/score"
)

func main() {
	data := flag.String("data", "../shared/datasets/article-extraction", "benchmark folder (ground-truth.json and html/)")
	verbose := flag.Bool("v", false, "list the worst pages")
	worst := flag.Int("worst", 15, "how many worst pages -v lists")
	runs := flag.Int("runs", 3, "timing runs per page (the fastest counts, to damp noise from a shared machine)")
	dump := flag.String("dump", "", "write each page's Markdown to this folder")
	flag.Parse()
	if err := run(*data, *verbose, *worst, *runs, *dump); err != nil {
		fmt.Fprintln(os.Stderr, "extractbench:", err)
		os.Exit(1)
	}
}

type pageResult struct {
	id     string
	counts score.Counts
	dur    time.Duration
	empty  bool
}

func run(dir string, verbose bool, worst, runs int, dump string) error {
	pages, err := score.Load(dir)
	if err != nil {
		return fmt.Errorf("load benchmark from %s: %w (pass -data with the article-extraction folder)", dir, err)
	}
	if dump != "" {
		if err := os.MkdirAll(dump, 0o755); err != nil {
			return err
		}
	}
	results := make([]pageResult, 0, len(pages))
	for _, p := range pages {
		u, _ := url.Parse(p.URL)
		var doc *extract.Document
		best := time.Duration(1<<63 - 1)
		for r := 0; r < max(1, runs); r++ {
			start := time.Now()
			d, err := extract.FromHTML(p.HTML, u)
			el := time.Since(start)
			if err != nil {
				return fmt.Errorf("page %s: %w", p.ID, err)
			}
			doc = d
			best = min(best, el)
		}
		text := extract.StripMarkdownLinks(doc.Markdown)
		if dump != "" {
			_ = os.WriteFile(filepath.Join(dump, p.ID[:8]+".md"), []byte(doc.Markdown), 0o644)
		}
		results = append(results, pageResult{
			id: p.ID, counts: score.Compare(p.Truth, text), dur: best,
			empty: len(score.Tokens(text)) == 0,
		})
	}
	counts := make([]score.Counts, len(results))
	durs := make([]time.Duration, len(results))
	var total time.Duration
	empty := 0
	for i, r := range results {
		counts[i] = r.counts
		durs[i] = r.dur
		total += r.dur
		if r.empty {
			empty++
		}
	}
	s := score.Summarize(counts)
	sort.Slice(durs, func(i, j int) bool { return durs[i] < durs[j] })
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	fmt.Printf("pages      %d\n", s.Pages)
	fmt.Printf("F1         %.4f\n", s.F1)
	fmt.Printf("precision  %.4f\n", s.Precision)
	fmt.Printf("recall     %.4f\n", s.Recall)
	fmt.Printf("ms/page    median %.2f  mean %.2f  p90 %.2f  max %.2f\n",
		ms(durs[len(durs)/2]), ms(total/time.Duration(len(durs))), ms(durs[len(durs)*9/10]), ms(durs[len(durs)-1]))
	fmt.Printf("empty      %d\n", empty)
	if verbose {
		sort.Slice(results, func(i, j int) bool { return f1(results[i].counts) < f1(results[j].counts) })
		fmt.Println("\nworst pages (F1  P  R  id):")
		for _, r := range results[:min(worst, len(results))] {
			fmt.Printf("  %.3f  %.3f  %.3f  %s\n", f1(r.counts), r.counts.Precision(), r.counts.Recall(), r.id)
		}
	}
	return nil
}

func f1(c score.Counts) float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
