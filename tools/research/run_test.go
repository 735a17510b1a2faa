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
	{Title: "Kiss and Tell (1945 film)", Sentences: []string{
		"Kiss and Tell is a 1945 American comedy film starring then 17-year-old Shirley Temple as Corliss Archer.",
		"In the film, two teenage girls cause their respective parents much concern when they start to become interested in boys.",
		"The parents' bickering about which girl is the worse influence causes more problems than it solves.",
		"The film was directed by Richard Wallace and released by Columbia Pictures in October 1945."}},
	{Title: "Shirley Temple", Sentences: []string{
		"Shirley Temple Black (April 23, 1928 – February 10, 2014) was an American actress, singer, dancer, businesswoman, and diplomat.",
		"She was Hollywood's number one box-office draw as a child actress from 1935 to 1938.",
		"As an adult, she was named United States ambassador to Ghana and to Czechoslovakia and also served as Chief of Protocol of the United States."}},
	{Title: "Meet Corliss Archer", Sentences: []string{
		"Meet Corliss Archer, a program from radio's Golden Age, ran from January 7, 1943 to September 30, 1956.",
		"Although it was CBS's answer to NBC's popular A Date with Judy, it was also broadcast by NBC in 1948 as a summer replacement.",
		"Despite the program's long run, fewer than 24 episodes are known to exist."}},
	{Title: "Slow Corliss Archer Review", Sentences: []string{
		"A review of Kiss and Tell and other Corliss Archer films, with notes on the government position held by the actress.",
		"The reviewer compares the radio series with the films and finds the films lighter in tone.",
		"Further reviews are planned for the television series of the 1950s."}},
	{Title: "Slow Kiss and Tell Trivia", Sentences: []string{
		"Trivia about the film Kiss and Tell and the woman who portrayed Corliss Archer in it.",
		"The play the film is based on ran on Broadway for nearly a thousand performances.",
		"Several scenes were shot on sets reused from earlier productions."}},
	{Title: "Slow Government Positions", Sentences: []string{
		"A list of government positions held by film actresses, including the woman who portrayed Corliss Archer.",
		"The list covers ambassadors, legislators and heads of protocol in several countries.",
		"It is updated whenever a new appointment is announced."}},
}

const testQuestion = "What government position was held by the woman who portrayed Corliss Archer in the film Kiss and Tell?"

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
	for _, want := range []string{"Kiss and Tell (1945 film)", "Shirley Temple"} {
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
