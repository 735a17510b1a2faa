package research

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

func TestScheduleNeed(t *testing.T) {
	p := DefaultParams()
	p.FirstWave, p.ReadAhead, p.RoundPages = 8, 4, 4
	r := &run{p: &p, req: Request{MaxPages: 20}}
	// The first wave is chosen on the search results alone; later pages
	// ReadAhead reports behind, never before the first wave is in.
	for _, tt := range []struct{ n, want int }{{0, 0}, {7, 0}, {8, 8}, {11, 8}, {12, 9}, {19, 16}} {
		if got := r.need(tt.n); got != tt.want {
			t.Errorf("need(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
	var cps []int
	for d := 1; d <= 20; d++ {
		if r.checkpoint(d) {
			cps = append(cps, d)
		}
	}
	if fmt.Sprint(cps) != "[8 12 16 20]" {
		t.Errorf("follow-up checkpoints %v, want [8 12 16 20]", cps)
	}
	// A small page budget halves the first wave.
	r.req.MaxPages = 6
	if got := r.firstWave(); got != 3 {
		t.Errorf("first wave of a 6-page budget = %d, want 3", got)
	}
}

// chainWeb is a two-hop question's web: the film's page names its director,
// the director's page names her mother, and many pages about other films
// compete for the budget.
func chainWeb(t *testing.T) *httptest.Server {
	t.Helper()
	pages := []miniweb.Page{
		{Title: "Blue Harbor (film)", Sentences: []string{"Blue Harbor is a 1961 drama film directed by Lena Ork.", "It was shot in Bergen over one summer."}},
		{Title: "Lena Ork", Sentences: []string{"Lena Ork (1920–1999) was a Norwegian film director.", "Her mother was Ada Ork, a painter from Oslo.", "She directed nine films."}},
	}
	for i := range 18 {
		pages = append(pages, miniweb.Page{Title: fmt.Sprintf("Harbor Film %d", i), Sentences: []string{
			fmt.Sprintf("Harbor Film %d is a drama film about a harbor, directed by a director from Bergen.", i),
			"The film's mother character is played by a stage actress."}})
	}
	srv := httptest.NewServer(miniweb.New(pages).Handler())
	t.Cleanup(srv.Close)
	return srv
}

// TestRunStopsWhenEveryHopAnswered: once the chain film > director >
// mother is resolved, no more pages are started; the answer is quoted and
// the run is complete.
func TestRunStopsWhenEveryHopAnswered(t *testing.T) {
	srv := chainWeb(t)
	q := "Who is the mother of the director of the film Blue Harbor?"
	p := DefaultParams()
	p.EarlyStopMinPages = 2
	p.ReadAhead = 1 // each page chosen on every report before it
	res, err := newTestEngine(t, srv.URL).WithParams(p).Run(context.Background(), Request{Question: q}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Complete {
		t.Error("an early stop is a complete answer")
	}
	quoted := false
	for _, e := range res.Evidence {
		quoted = quoted || strings.Contains(e.Quote, "Her mother was Ada Ork")
	}
	if !quoted {
		t.Errorf("the last hop's answering sentence is not quoted: %+v", res.Evidence)
	}
	stopped := false
	for _, s := range res.Sources {
		stopped = stopped || strings.Contains(s.Reason, "stopped early")
	}
	if !stopped {
		t.Error("no source says research stopped early")
	}
	// Without the early stop the same question reads its whole budget.
	p.EarlyStop = false
	full, err := newTestEngine(t, srv.URL).WithParams(p).Run(context.Background(), Request{Question: q}, nil)
	if err != nil {
		t.Fatal(err)
	}
	tried := func(r *Result) int { return r.Stats.PagesRead + r.Stats.PagesFailed }
	if tried(full) <= tried(res) {
		t.Errorf("without the early stop %d pages tried, with it %d", tried(full), tried(res))
	}
}

// TestRunStopsWhenOneChainAnswersEveryHop: a second name of the question
// that only qualifies what is asked ("Oslo", of the painter) starts a
// chain that never reaches an answer; the chain from the film answers
// every hop, and that is enough to stop. Each chain walks all the
// question's relation words from its own name.
func TestRunStopsWhenOneChainAnswersEveryHop(t *testing.T) {
	srv := chainWeb(t)
	q := "Which Oslo painter is the mother of the director of the film Blue Harbor?"
	p := DefaultParams()
	p.EarlyStopMinPages = 2
	p.ReadAhead = 1
	stoppedEarly := func(p Params) (bool, *Result) {
		t.Helper()
		res, err := newTestEngine(t, srv.URL).WithParams(p).Run(context.Background(), Request{Question: q}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range res.Sources {
			if strings.Contains(s.Reason, "stopped early") {
				return true, res
			}
		}
		return false, res
	}
	p.EarlyStopOneChain = true
	stopped, res := stoppedEarly(p)
	if !stopped {
		t.Fatalf("no early stop with one chain answered; sources %+v", res.Sources)
	}
	quoted := false
	for _, e := range res.Evidence {
		quoted = quoted || strings.Contains(e.Quote, "Her mother was Ada Ork")
	}
	if !quoted {
		t.Errorf("the last hop's answering sentence is not quoted: %+v", res.Evidence)
	}
	// Waiting for every chain, the qualifier's chain keeps the run reading.
	p.EarlyStopOneChain = false
	if stopped, all := stoppedEarly(p); stopped {
		t.Errorf("stopped early waiting for every chain: the case tests nothing (%d pages read, %d with one chain)", all.Stats.PagesRead, res.Stats.PagesRead)
	}
}
