// Command researchbench measures deep_research on the offline mini-webs
// (HotpotQA, 2WikiMultihopQA, MuSiQue): it serves the corpus as a small web with a SearXNG-style search
// engine, runs the deepresearch-mcp server over stdio as a real MCP client
// would, asks every dev question at default settings, and prints gold-page
// recall, both-gold rate, answer recall, evidence size, time and pages read.
//
//	go run ./cmd/researchbench -data ../shared/datasets/hotpotqa-miniweb [-n 200] [-bin path] [-parallel 1]
//	go run ./cmd/researchbench -all                  # the three dev sets, per set and per question type
//	go run ./cmd/researchbench -all -params p.json   # research.Params overrides (engines in this process)
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
	"strings"
	"sync"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/extract"
	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// dataSets is a -data flag that may be given several times.
type dataSets []string

func (d *dataSets) String() string { return strings.Join(*d, ",") }
func (d *dataSets) Set(v string) error {
	*d = append(*d, v)
	return nil
}

// devSets are the three mini-web question sets -all runs.
var devSets = []string{"hotpotqa-miniweb", "wiki2-miniweb", "musique-miniweb"}

// options are the flags of one bench run.
type options struct {
	n, parallel, maxTabs  int
	bin, chromium, params string
	baseline, inprocess   bool
	verbose               bool
	jsonOut               string
}

func main() {
	var sets dataSets
	flag.Var(&sets, "data", "folder with corpus_pages.jsonl.gz and questions_dev.jsonl (may be given several times)")
	all := flag.Bool("all", false, "run the three dev sets under ../shared/datasets (hotpotqa, wiki2, musique)")
	var o options
	flag.IntVar(&o.n, "n", 0, "questions to ask per set (the first n; 0: all)")
	flag.StringVar(&o.bin, "bin", "", "deepresearch-mcp binary (default: build it)")
	flag.IntVar(&o.parallel, "parallel", 1, "questions asked at once")
	flag.BoolVar(&o.baseline, "baseline", false, "baseline: search the question, read the top 10, keep every passage")
	flag.BoolVar(&o.inprocess, "inprocess", false, "run the engines in this process instead of through the MCP server")
	flag.StringVar(&o.params, "params", "", "JSON file of research.Params fields overriding the defaults (runs the engines in this process)")
	flag.StringVar(&o.chromium, "chromium", "", "Chromium binary for -inprocess/-baseline (default: the system's)")
	flag.IntVar(&o.maxTabs, "max-tabs", research.DefaultMaxTabs, "browser tabs for -inprocess/-baseline")
	flag.BoolVar(&o.verbose, "v", false, "print every question's outcome")
	flag.StringVar(&o.jsonOut, "json", "", "write per-question outcomes to this file (one set) or this file with the set's name appended")
	flag.IntVar(&stride, "stride", 1, "ask every stride-th question (a subset spread over the question types)")
	flag.StringVar(&onlyMatching, "only", "", "ask only the questions containing this text")
	flag.BoolVar(&dumpResults, "dump", false, "print every result (JSON) on stderr")
	stats := flag.Bool("searchstats", false, "only print how often the search engine ranks both gold pages in the top 5/10/20 for the question")
	flag.Parse()
	if *all {
		for _, d := range devSets {
			sets = append(sets, filepath.Join("..", "shared", "datasets", d))
		}
	}
	if len(sets) == 0 {
		sets = dataSets{filepath.Join("..", "shared", "datasets", devSets[0])}
	}

	if *stats {
		for _, d := range sets {
			if err := searchStatsMain(d, o.n); err != nil {
				fmt.Fprintln(os.Stderr, "researchbench:", err)
				os.Exit(1)
			}
		}
		return
	}
	if err := benchMain(sets, o); err != nil {
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

var (
	dumpResults  bool
	onlyMatching string
	stride       = 1
)

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
	if onlyMatching != "" {
		var keep []question
		for _, q := range qs {
			if strings.Contains(q.Question, onlyMatching) {
				keep = append(keep, q)
			}
		}
		qs = keep
	}
	if stride > 1 {
		var keep []question
		for i := 0; i < len(qs); i += stride {
			keep = append(keep, qs[i])
		}
		qs = keep
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

// benchMain runs every set and prints per-set, per-type figures and the worst set.
func benchMain(sets []string, o options) error {
	ctx := context.Background()
	var p *research.Params
	if o.params != "" {
		var err error
		if p, err = research.LoadParams(o.params); err != nil {
			return err
		}
		o.inprocess = true
	}
	if o.bin == "" && !o.baseline && !o.inprocess {
		dir, err := os.MkdirTemp("", "researchbench")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		if o.bin, err = buildServer(ctx, dir); err != nil {
			return err
		}
	}
	var results []summary
	for _, d := range sets {
		s, err := benchSet(ctx, d, o, p, len(sets) > 1)
		if err != nil {
			return fmt.Errorf("%s: %w", d, err)
		}
		results = append(results, s)
	}
	if len(results) > 1 {
		printWorst(os.Stdout, results)
	}
	return nil
}

// benchSet runs one question set against its own mini-web.
func benchSet(ctx context.Context, data string, o options, p *research.Params, several bool) (summary, error) {
	site, qs, err := loadData(data, o.n)
	if err != nil {
		return summary{}, err
	}
	web := miniweb.Start(site)
	defer web.Close()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))

	var ask asker
	mode := "mcp"
	switch {
	case o.baseline || o.inprocess:
		mode = "inprocess"
		eng, err := newEngines(ctx, web.URL, o.chromium, o.maxTabs, log)
		if err != nil {
			return summary{}, err
		}
		defer eng.Close()
		if p != nil {
			mode = "inprocess, params " + o.params
			eng.research.WithParams(*p)
		}
		ask = func(ctx context.Context, q string) (*research.Result, error) {
			return eng.research.Run(ctx, research.Request{Question: q}, nil)
		}
		if o.baseline {
			mode = "baseline"
			ask = func(ctx context.Context, q string) (*research.Result, error) {
				return runBaseline(ctx, eng.search, eng.browse, q)
			}
		}
	default:
		env := []string{"SEARXNG_URL=" + web.URL, "DEEPRESEARCH_SEARCH=searxng", "DEEPRESEARCH_ALLOW_PRIVATE=1"}
		// One server per worker: the server is what a client would spawn.
		clients := make(chan *mcpClient, o.parallel)
		for i := 0; i < max(o.parallel, 1); i++ {
			c, err := startMCP(ctx, o.bin, env)
			if err != nil {
				return summary{}, err
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

	outs := askAll(ctx, qs, ask, o.parallel, sitePages(site), func(i int, oc outcome) {
		if o.verbose {
			fmt.Fprintf(os.Stderr, "%3d gold %d/%d ans %v tok %4d %.2fs pages %d %s %s\n", i+1, oc.GoldCited, oc.GoldTotal, oc.AnswerSeen || oc.YesNo, oc.Tokens, oc.Seconds, oc.PagesRead, oc.Err, oc.Q.Question)
		}
	})
	name := filepath.Base(filepath.Clean(data))
	if o.jsonOut != "" {
		path := o.jsonOut
		if several {
			path += "." + name
		}
		b, _ := json.MarshalIndent(outs, "", " ")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return summary{}, err
		}
	}
	s := summarize(outs)
	s.Name = name
	fmt.Printf("%s: mode %s, %d questions, parallel %d\n", name, mode, s.N, o.parallel)
	printTable(os.Stdout, append([]summary{s}, byType(outs)...))
	return s, nil
}

// printTable prints one row per summary (the whole set first, then each type).
func printTable(w io.Writer, rows []summary) {
	fmt.Fprintf(w, "  %-18s %4s %9s %11s %13s %10s %9s %8s %6s\n", "", "n", "both-gold", "gold-recall", "answer-recall", "tokens-p50", "s-p50", "s-p90", "pages")
	for i, s := range rows {
		label := s.Name
		if i > 0 {
			label = "  " + label
		}
		fmt.Fprintf(w, "  %-18s %4d %9.3f %11.3f %8.3f (%3d) %10.0f %9.2f %8.2f %6.0f\n", label, s.N, s.BothGold, s.GoldRecall, s.AnswerRecall, s.AnswerN, s.TokensMedian, s.SecondsMedian, s.SecondsP90, s.PagesMedian)
	}
	if len(rows) > 0 {
		fmt.Fprintf(w, "  incomplete %d, errors %d\n", rows[0].Incomplete, rows[0].Errors)
	}
}

// printWorst names, for each quality figure, the set that scores lowest.
func printWorst(w io.Writer, sets []summary) {
	worst := func(get func(summary) float64) summary {
		b := sets[0]
		for _, s := range sets[1:] {
			if get(s) < get(b) {
				b = s
			}
		}
		return b
	}
	b := worst(func(s summary) float64 { return s.BothGold })
	a := worst(func(s summary) float64 { return s.AnswerRecall })
	fmt.Fprintf(w, "worst set: both-gold %.3f (%s), answer recall %.3f (%s)\n", b.BothGold, b.Name, a.AnswerRecall, a.Name)
}

// askAll asks every question, parallel at a time, in order of the outcomes.
func askAll(ctx context.Context, qs []question, ask asker, parallel int, pages pageOf, each func(int, outcome)) []outcome {
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
				o = score(q, res.Evidence, pages)
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
