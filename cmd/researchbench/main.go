// Command researchbench measures deep_research on the offline HotpotQA
// mini-web: it serves the corpus as a small web with a SearXNG-style search
// engine, runs the deepresearch-mcp server over stdio as a real MCP client
// would, asks every dev question at default settings, and prints gold-page
// recall, both-gold rate, answer recall, evidence size, time and pages read.
//
//	go run ./cmd/researchbench -data ../shared/datasets/hotpotqa-miniweb [-n 200] [-bin path] [-parallel 1]
//	go run ./cmd/researchbench -data ... -inprocess   # engines in this process, no MCP
//	go run ./cmd/researchbench -data ... -baseline    # search the question, read the top 10
//	go run ./cmd/researchbench -data ... -searchstats # rank of the gold pages for the question as query
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

func main() {
	data := flag.String("data", "../shared/datasets/hotpotqa-miniweb", "folder with corpus_pages.jsonl.gz and questions_dev.jsonl")
	n := flag.Int("n", 200, "questions to ask (the first n)")
	bin := flag.String("bin", "", "deepresearch-mcp binary (default: build it)")
	parallel := flag.Int("parallel", 1, "questions asked at once")
	baseline := flag.Bool("baseline", false, "baseline: search the question, read the top 10, keep every passage")
	inprocess := flag.Bool("inprocess", false, "run the engines in this process instead of through the MCP server")
	chromium := flag.String("chromium", "", "Chromium binary for -inprocess/-baseline (default: the system's)")
	maxTabs := flag.Int("max-tabs", research.DefaultMaxTabs, "browser tabs for -inprocess/-baseline")
	verbose := flag.Bool("v", false, "print every question's outcome")
	jsonOut := flag.String("json", "", "write per-question outcomes to this file")
	flag.BoolVar(&dumpResults, "dump", false, "print every result (JSON) on stderr")
	stats := flag.Bool("searchstats", false, "only print how often the search engine ranks both gold pages in the top 5/10/20 for the question")
	flag.Parse()

	if *stats {
		if err := searchStatsMain(*data, *n); err != nil {
			fmt.Fprintln(os.Stderr, "researchbench:", err)
			os.Exit(1)
		}
		return
	}

	if err := benchMain(*data, *n, *bin, *parallel, *baseline, *inprocess, *chromium, *maxTabs, *verbose, *jsonOut); err != nil {
		fmt.Fprintln(os.Stderr, "researchbench:", err)
		os.Exit(1)
	}
}

func loadQuestions(path string) ([]question, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open questions: %w", err)
	}
	defer f.Close()
	var qs []question
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var q question
		if err := json.Unmarshal(sc.Bytes(), &q); err != nil {
			return nil, fmt.Errorf("parse %s line %d: %w", path, len(qs)+1, err)
		}
		qs = append(qs, q)
	}
	return qs, sc.Err()
}

var dumpResults bool

// loadData opens the mini-web corpus and the first n dev questions (all when n <= 0).
func loadData(data string, n int) (*miniweb.Site, []question, error) {
	site, err := miniweb.Open(filepath.Join(data, "corpus_pages.jsonl.gz"))
	if err != nil {
		return nil, nil, err
	}
	qs, err := loadQuestions(filepath.Join(data, "questions_dev.jsonl"))
	if err != nil {
		return nil, nil, err
	}
	if n > 0 && n < len(qs) {
		qs = qs[:n]
	}
	return site, qs, nil
}

func searchStatsMain(data string, n int) error {
	site, qs, err := loadData(data, n)
	if err != nil {
		return err
	}
	printSearchStats(os.Stdout, searchStats(site, qs), len(qs))
	return nil
}

// asker answers one question with a result.
type asker func(ctx context.Context, q string) (*research.Result, error)

func benchMain(data string, n int, bin string, parallel int, baseline, inprocess bool, chromium string, maxTabs int, verbose bool, jsonOut string) error {
	ctx := context.Background()
	site, qs, err := loadData(data, n)
	if err != nil {
		return err
	}
	web := miniweb.Start(site)
	defer web.Close()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))

	var ask asker
	mode := "mcp"
	switch {
	case baseline || inprocess:
		mode = "inprocess"
		eng, err := newEngines(ctx, web.URL, chromium, maxTabs, log)
		if err != nil {
			return err
		}
		defer eng.Close()
		ask = func(ctx context.Context, q string) (*research.Result, error) {
			return eng.research.Run(ctx, research.Request{Question: q}, nil)
		}
		if baseline {
			mode = "baseline"
			ask = func(ctx context.Context, q string) (*research.Result, error) {
				return runBaseline(ctx, eng.search, eng.browse, q)
			}
		}
	default:
		if bin == "" {
			dir, err := os.MkdirTemp("", "researchbench")
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			if bin, err = buildServer(ctx, dir); err != nil {
				return err
			}
		}
		env := []string{"SEARXNG_URL=" + web.URL, "DEEPRESEARCH_SEARCH=searxng", "DEEPRESEARCH_ALLOW_PRIVATE=1"}
		// One server per worker: the server is what a client would spawn.
		clients := make(chan *mcpClient, parallel)
		for i := 0; i < parallel; i++ {
			c, err := startMCP(ctx, bin, env)
			if err != nil {
				return err
			}
			defer c.Close()
			clients <- c
		}
		ask = func(ctx context.Context, q string) (*research.Result, error) {
			c := <-clients
			defer func() { clients <- c }()
			return c.research(ctx, q)
		}
	}

	outs := askAll(ctx, qs, ask, parallel, site.TitleOf, func(i int, o outcome) {
		if verbose {
			fmt.Fprintf(os.Stderr, "%3d gold %d/%d ans %v tok %4d %.2fs pages %d %s %s\n", i+1, o.GoldCited, o.GoldTotal, o.AnswerSeen || o.YesNo, o.Tokens, o.Seconds, o.PagesRead, o.Err, o.Q.Question)
		}
	})
	if jsonOut != "" {
		b, _ := json.MarshalIndent(outs, "", " ")
		if err := os.WriteFile(jsonOut, b, 0o644); err != nil {
			return err
		}
	}
	s := summarize(outs)
	fmt.Printf("mode %s, %d questions, parallel %d\n", mode, s.N, parallel)
	fmt.Printf("both gold pages cited  %.3f\n", s.BothGold)
	fmt.Printf("gold-page recall       %.3f\n", s.GoldRecall)
	fmt.Printf("answer recall          %.3f (%d non-yes/no questions)\n", s.AnswerRecall, s.AnswerN)
	fmt.Printf("evidence tokens median %.0f\n", s.TokensMedian)
	fmt.Printf("wall time median       %.2f s, p90 %.2f s\n", s.SecondsMedian, s.SecondsP90)
	fmt.Printf("pages read median      %.0f\n", s.PagesMedian)
	fmt.Printf("incomplete %d, errors %d\n", s.Incomplete, s.Errors)
	return nil
}

// askAll asks every question, parallel at a time, in order of the outcomes.
func askAll(ctx context.Context, qs []question, ask asker, parallel int, titleOf func(string) (string, bool), each func(int, outcome)) []outcome {
	if parallel < 1 {
		parallel = 1
	}
	outs := make([]outcome, len(qs))
	var wg sync.WaitGroup
	var mu sync.Mutex
	sem := make(chan struct{}, parallel)
	for i, q := range qs {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			start := time.Now()
			res, err := ask(ctx, q.Question)
			if dumpResults && res != nil {
				b, _ := json.MarshalIndent(res, "", " ")
				fmt.Fprintf(os.Stderr, "%s\n", b)
			}
			o := outcome{Q: q}
			if res != nil {
				o = score(q, res.Evidence, titleOf)
				o.PagesRead = res.Stats.PagesRead
				o.Complete = res.Complete
			}
			if err != nil {
				o.Err = err.Error()
			}
			o.Seconds = time.Since(start).Seconds()
			outs[i] = o
			mu.Lock()
			each(i, o)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return outs
}

// runBaseline is the simple pipeline deep_research must beat: search the
// question, read the top 10 results, keep all their text.
func runBaseline(ctx context.Context, se *search.Engine, be *browse.Engine, q string) (*research.Result, error) {
	resp, err := se.Search(ctx, search.Request{Query: q, MaxResults: 10})
	if err != nil {
		return nil, err
	}
	res := &research.Result{Question: q, Queries: []string{q}, Complete: true}
	var mu sync.Mutex
	var wg sync.WaitGroup
	ev := make([]*research.Evidence, len(resp.Results))
	for i, r := range resp.Results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p, _, err := be.Load(ctx, r.URL, browse.RenderAuto)
			if err != nil || p.Doc == nil {
				return
			}
			mu.Lock()
			defer mu.Unlock()
			res.Stats.PagesRead++
			ev[i] = &research.Evidence{Source: i + 1, URL: r.URL, Title: p.Doc.Title, Quote: extract.StripMarkdownLinks(p.Doc.Markdown)}
		}()
	}
	wg.Wait()
	for _, e := range ev {
		if e != nil {
			res.Evidence = append(res.Evidence, *e)
		}
	}
	return res, nil
}
