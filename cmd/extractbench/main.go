// Command extractbench scores extract.FromHTML on the extraction sets of
// ../shared/datasets and times it: the article-extraction benchmark
// (scrapinghub, news articles) and WCXB (seven page types). Each set is
// reported overall and per page type, with the F1 of its odd and even
// pages apart (a rule tuned to one half shows as a gap between them).
//
//	go run ./cmd/extractbench [-datasets ../shared/datasets] [-set all|article|wcxb] [-half all|odd|even] [-type forum] [-v] [-runs 3]
package main

import (
	"flag"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"syscall"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/extract/score"
)

// sets are the benchmark folders under -datasets, in report order.
var sets = []struct{ name, dir string }{
	{"article", "article-extraction"},
	{"wcxb", "wcxb"},
}

type options struct {
	half, pageType, dump string
	verbose              bool
	worst, runs          int
}

func main() {
	datasets := flag.String("datasets", "../shared/datasets", "folder holding the benchmark sets")
	set := flag.String("set", "all", "which set: all, article or wcxb")
	data := flag.String("data", "", "score one set folder (ground-truth.json, html/, optional meta.json) instead of -set")
	var o options
	flag.StringVar(&o.half, "half", "all", "score all pages, or only the odd or even ones (by position in id order)")
	flag.StringVar(&o.pageType, "type", "", "score only pages of this type")
	flag.BoolVar(&o.verbose, "v", false, "list the worst pages")
	flag.IntVar(&o.worst, "worst", 15, "how many worst pages -v lists")
	flag.IntVar(&o.runs, "runs", 3, "timing runs per page (the fastest counts, to damp noise from a shared machine)")
	flag.StringVar(&o.dump, "dump", "", "write each page's Markdown to this folder")
	flag.Parse()
	var dirs [][2]string
	switch {
	case *data != "":
		dirs = append(dirs, [2]string{filepath.Base(*data), *data})
	default:
		for _, s := range sets {
			if *set == "all" || *set == s.name {
				dirs = append(dirs, [2]string{s.name, filepath.Join(*datasets, s.dir)})
			}
		}
	}
	if len(dirs) == 0 {
		fmt.Fprintf(os.Stderr, "extractbench: unknown -set %q (all, article or wcxb)\n", *set)
		os.Exit(2)
	}
	for _, d := range dirs {
		if err := run(d[0], d[1], o); err != nil {
			fmt.Fprintln(os.Stderr, "extractbench:", err)
			os.Exit(1)
		}
	}
}

type pageResult struct {
	id, pageType string
	odd          bool
	counts       score.Counts
	dur, cpu     time.Duration
	empty        bool
}

func run(name, dir string, o options) error {
	pages, err := score.Load(dir)
	if err != nil {
		return fmt.Errorf("load %s from %s: %w (pass -datasets with the folder holding the sets)", name, dir, err)
	}
	if o.dump != "" {
		if err := os.MkdirAll(o.dump, 0o755); err != nil {
			return err
		}
	}
	results := make([]pageResult, 0, len(pages))
	for i, p := range pages {
		odd := i%2 == 1
		if o.half == "odd" && !odd || o.half == "even" && odd || o.pageType != "" && p.Type != o.pageType {
			continue
		}
		u, _ := url.Parse(p.URL)
		var doc *extract.Document
		best, bestCPU := time.Duration(1<<63-1), time.Duration(1<<63-1)
		for r := 0; r < max(1, o.runs); r++ {
			start, startCPU := time.Now(), cpuTime()
			d, err := extract.FromHTML(p.HTML, u)
			el, elCPU := time.Since(start), cpuTime()-startCPU
			if err != nil {
				return fmt.Errorf("page %s: %w", p.ID, err)
			}
			doc = d
			best, bestCPU = min(best, el), min(bestCPU, elCPU)
		}
		text := extract.StripMarkdownLinks(doc.Markdown)
		if o.dump != "" {
			_ = os.WriteFile(filepath.Join(o.dump, name+"-"+p.ID+".md"), []byte(doc.Markdown), 0o644)
		}
		results = append(results, pageResult{
			id: p.ID, pageType: p.Type, odd: odd, counts: score.Compare(p.Truth, text), dur: best, cpu: bestCPU,
			empty: len(score.Tokens(text)) == 0,
		})
	}
	if len(results) == 0 {
		return fmt.Errorf("%s: no pages match", name)
	}
	report(name, results)
	if o.verbose {
		sort.SliceStable(results, func(i, j int) bool { return f1(results[i].counts) < f1(results[j].counts) })
		fmt.Println("\nworst pages (F1  P  R  type  id):")
		for _, r := range results[:min(o.worst, len(results))] {
			fmt.Printf("  %.3f  %.3f  %.3f  %-13s %s\n", f1(r.counts), r.counts.Precision(), r.counts.Recall(), r.pageType, r.id)
		}
	}
	fmt.Println()
	return nil
}

// report prints the set's figures: overall, then per page type (most
// pages first), with timing over the whole set.
func report(name string, results []pageResult) {
	byType := map[string][]pageResult{}
	for _, r := range results {
		if r.pageType != "" {
			byType[r.pageType] = append(byType[r.pageType], r)
		}
	}
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	sort.Slice(types, func(i, j int) bool {
		if len(byType[types[i]]) != len(byType[types[j]]) {
			return len(byType[types[i]]) > len(byType[types[j]])
		}
		return types[i] < types[j]
	})
	fmt.Printf("set %s\n", name)
	fmt.Printf("  %-14s %5s  %6s  %6s  %6s  %7s  %7s  %5s\n", "type", "pages", "F1", "P", "R", "F1 odd", "F1 even", "empty")
	row := func(label string, rs []pageResult) {
		all, odd, even := summarize(rs, nil), summarize(rs, ptr(true)), summarize(rs, ptr(false))
		empty := 0
		for _, r := range rs {
			if r.empty {
				empty++
			}
		}
		fmt.Printf("  %-14s %5d  %.4f  %.4f  %.4f  %7s  %7s  %5d\n", label, all.Pages, all.F1, all.Precision, all.Recall,
			fmtF1(odd), fmtF1(even), empty)
	}
	row("all", results)
	for _, t := range types {
		row(t, byType[t])
	}
	timing("ms/page", results, func(r pageResult) time.Duration { return r.dur })
	// CPU time (this process, all threads, garbage collection included)
	// depends far less on what else the machine runs than wall time.
	timing("cpu ms/page", results, func(r pageResult) time.Duration { return r.cpu })
}

func timing(label string, results []pageResult, of func(pageResult) time.Duration) {
	durs := make([]time.Duration, len(results))
	var total time.Duration
	for i, r := range results {
		durs[i] = of(r)
		total += durs[i]
	}
	slices.Sort(durs)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	fmt.Printf("  %-12s median %.2f  mean %.2f  p90 %.2f  max %.2f\n", label,
		ms(durs[len(durs)/2]), ms(total/time.Duration(len(durs))), ms(durs[len(durs)*9/10]), ms(durs[len(durs)-1]))
}

func ptr(b bool) *bool { return &b }

// summarize scores rs, or only its odd (or even) pages when odd is set.
func summarize(rs []pageResult, odd *bool) score.Summary {
	counts := make([]score.Counts, 0, len(rs))
	for _, r := range rs {
		if odd == nil || r.odd == *odd {
			counts = append(counts, r.counts)
		}
	}
	return score.Summarize(counts)
}

func fmtF1(s score.Summary) string {
	if s.Pages == 0 {
		return "-"
	}
	return fmt.Sprintf("%.4f", s.F1)
}

func f1(c score.Counts) float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// cpuTime is the CPU time this process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
