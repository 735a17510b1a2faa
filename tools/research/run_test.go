package research

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// smallWeb is a handful of pages about one question; pages whose title
// contains "Slow" answer only after delay (or when the request is cancelled).
var smallWeb = []miniweb.Page{
	{Title: "Porch Light (1952 film)", Sentences: []string{
		"Porch Light is a 1952 American comedy film starring then 16-year-old Marian Holloway as Trudy Blake.",
		"Two neighbouring families fall out over a school dance that both of their daughters have set their hearts on.",
		"Each father blames the other household, and every attempt at a truce only widens the quarrel.",
		"The film was directed by Lionel Garrick and released by Republic Pictures in March 1952."}},
	{Title: "Marian Holloway", Sentences: []string{
		"Marian Holloway Pryce (June 9, 1935 – November 4, 2011) was an American actress, radio singer, and diplomat.",
		"She topped the annual poll of young film stars in 1950 and again in 1951.",
		"Later in life she was appointed United States ambassador to Iceland and afterwards served as Treasurer of the United States."}},
	{Title: "Trudy Blake Calling", Sentences: []string{
		"Trudy Blake Calling, a weekly radio serial, was heard from March 2, 1944 until June 27, 1953.",
		"It began on the Mutual network and moved to ABC in 1949 to fill a gap in the evening schedule.",
		"Only a handful of its broadcasts survive in archives today."}},
	{Title: "Slow Trudy Blake Review", Sentences: []string{
		"A review of Porch Light and the other Trudy Blake films, with notes on the public office the actress later held.",
		"The reviewer sets the radio serial beside the films and finds the films gentler.",
		"Reviews of the later stage revival are promised for next month."}},
	{Title: "Slow Porch Light Trivia", Sentences: []string{
		"Trivia about the film Porch Light and the actress who played Trudy Blake in it.",
		"The stage comedy behind the film toured small towns for three seasons.",
		"The street set was rebuilt from one used in an earlier western."}},
	{Title: "Slow Public Offices", Sentences: []string{
		"A list of public offices held by film actresses, among them the actress who played Trudy Blake.",
		"The list covers envoys, treasurers and members of parliament in several countries.",
		"It is revised whenever a new appointment is made."}},
}

const testQuestion = "Which public office did the actress who played Trudy Blake in the film Porch Light later hold?"

// startWeb serves smallWeb; slow pages wait for delay or the request's end.
func startWeb(t *testing.T, delay time.Duration) (*httptest.Server, *miniweb.Site) {
	t.Helper()
	site := miniweb.New(smallWeb)
	for _, p := range smallWeb {
		if site.JSOnly(p.Title) {
			// No browser in these tests: every page must read over HTTP.
			t.Fatalf("test page %q is JavaScript-only in the mini-web; pick another title", p.Title)
		}
	}
	h := site.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "Slow") {
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, site
}

// newTestEngine wires the real search (SearXNG protocol) and browse engines
// to the web at base.
func newTestEngine(t *testing.T, base string) *Engine {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	client := egress.New(egress.Policy{AllowPrivate: true}).Client()
	se, err := search.New(search.Config{Order: []string{"searxng"}, SearXNGURL: base}, client, log)
	if err != nil {
		t.Fatal(err)
	}
	be := browse.New(browse.Config{Fetcher: fetch.New(client, 1<<20, "research-test"), Log: log})
	return New(se, be, 4)
}

func TestRunFindsBothHops(t *testing.T) {
	srv, site := startWeb(t, 0)
	e := newTestEngine(t, srv.URL)
	var mu sync.Mutex
	var last float64
	calls := 0
	res, err := e.Run(context.Background(), Request{Question: testQuestion}, func(p, total float64, msg string) {
		mu.Lock()
		defer mu.Unlock()
		if p <= last && calls > 0 {
			t.Errorf("progress went from %v to %v (%s)", last, p, msg)
		}
		last = p
		calls++
	})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Complete {
		t.Error("Complete = false without a deadline")
	}
	cited := map[string]bool{}
	for _, ev := range res.Evidence {
		title, _ := site.TitleOf(ev.URL)
		cited[title] = true
		src := res.Sources[ev.Source-1]
		if src.URL != ev.URL || src.Status != "ok" {
			t.Errorf("evidence %q cites source %d = %+v", ev.Quote, ev.Source, src)
		}
	}
	for i, a := range res.Evidence {
		for j, b := range res.Evidence {
			if i != j && a.URL == b.URL && strings.Contains(b.Quote, a.Quote) {
				t.Errorf("evidence %d (%q) is held by evidence %d of the same page: the budget pays for it twice", i, a.Quote, j)
			}
		}
	}
	for _, want := range []string{"Porch Light (1952 film)", "Marian Holloway"} {
		if !cited[want] {
			t.Errorf("%q not cited; cited %v", want, cited)
		}
	}
	if calls < 3 {
		t.Errorf("progress called %d times, want one per stage and page", calls)
	}
	if res.Stats.Searches == 0 || res.Stats.PagesRead == 0 || len(res.Queries) == 0 {
		t.Errorf("stats %+v, queries %q", res.Stats, res.Queries)
	}
}

func TestRunDeadlineReturnsPartialEvidence(t *testing.T) {
	srv, _ := startWeb(t, 5*time.Second)
	e := newTestEngine(t, srv.URL)
	start := time.Now()
	res, err := e.Run(context.Background(), Request{Question: testQuestion, TimeBudget: 1500 * time.Millisecond}, nil)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatalf("running out of time is not an error: %v", err)
	}
	if res.Complete {
		t.Errorf("Complete = true though slow pages were cut off: %+v %+v", res.Sources, res.Stats)
	}
	if len(res.Evidence) == 0 {
		t.Error("no evidence from the fast pages")
	}
	if elapsed > 3*time.Second {
		t.Errorf("took %v with a 1.5 s budget", elapsed)
	}
	skipped := 0
	for _, s := range res.Sources {
		if s.Status == "skipped" {
			skipped++
			if s.Reason == "" {
				t.Errorf("skipped source %s has no reason", s.URL)
			}
		}
	}
	if skipped == 0 {
		t.Errorf("no source marked skipped: %+v", res.Sources)
	}
}

func TestRunCancellationStopsReaders(t *testing.T) {
	srv, _ := startWeb(t, time.Minute)
	e := newTestEngine(t, srv.URL)
	ctx, cancel := context.WithCancel(context.Background())
	var once sync.Once
	done := make(chan struct{})
	var res *Result
	var err error
	go func() {
		defer close(done)
		res, err = e.Run(ctx, Request{Question: testQuestion}, func(p, total float64, msg string) {
			if strings.HasPrefix(msg, "read ") {
				once.Do(cancel) // cancel once the first page is in
			}
		})
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		cancel()
		t.Fatal("Run did not return within 5 s of cancellation (slow pages wait a minute)")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if res == nil || res.Complete {
		t.Errorf("result %+v: want what was gathered, marked incomplete", res)
	}
}

func TestRunRejectsEmptyQuestion(t *testing.T) {
	srv, _ := startWeb(t, 0)
	e := newTestEngine(t, srv.URL)
	if _, err := e.Run(context.Background(), Request{Question: "  "}, nil); err == nil || !strings.Contains(err.Error(), "question") {
		t.Errorf("err = %v, want a message about the empty question", err)
	}
}

// TestRunProgressIncreases: progress notifications carry strictly growing
// values, as the protocol requires, and none arrives after Run returns. (The
// heartbeat that keeps a quiet call alive lives in the tool layer, once for
// every tool; tools' TestProgressHeartbeat covers it.)
func TestRunProgressIncreases(t *testing.T) {
	srv, _ := startWeb(t, 300*time.Millisecond)
	e := newTestEngine(t, srv.URL)
	var mu sync.Mutex
	var values []float64
	returned := false
	late := 0
	_, err := e.Run(context.Background(), Request{Question: testQuestion, TimeBudget: 4 * time.Second}, func(p, total float64, msg string) {
		mu.Lock()
		defer mu.Unlock()
		if returned {
			late++
		}
		values = append(values, p)
	})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	returned = true
	mu.Unlock()
	time.Sleep(100 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if len(values) < 3 {
		t.Fatalf("got %d progress notifications, want one per stage and page", len(values))
	}
	for i := 1; i < len(values); i++ {
		if values[i] <= values[i-1] {
			t.Errorf("progress %d is %v after %v: not increasing", i, values[i], values[i-1])
		}
	}
	if late > 0 {
		t.Errorf("%d progress notifications after Run returned", late)
	}
}
