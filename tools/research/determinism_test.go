package research

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"reflect"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures/miniweb"
)

// jitterWeb serves smallWeb, each page after a random delay of up to max
// (none when max is 0): which page finishes first changes from run to run.
func jitterWeb(t *testing.T, max time.Duration) *httptest.Server {
	t.Helper()
	h := miniweb.New(smallWeb).Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if max > 0 {
			select {
			case <-time.After(time.Duration(rand.Int64N(int64(max)))):
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// cpuHog keeps every core busy until stop is closed.
func cpuHog(stop <-chan struct{}) *sync.WaitGroup {
	var wg sync.WaitGroup
	for range runtime.NumCPU() {
		wg.Go(func() {
			x := 0
			for {
				select {
				case <-stop:
					return
				default:
				}
				for i := range 100000 {
					x += i
				}
			}
		})
	}
	return &wg
}

// evidenceKey is what must not change between runs: the quote, where it is
// from and its score (scores moving in the third decimal with the same quotes
// were how a web built differently each time showed).
type evidenceKey struct {
	URL, Quote string
	Score      float64
}

func evidenceOf(res *Result) []evidenceKey {
	var out []evidenceKey
	for _, e := range res.Evidence {
		out = append(out, evidenceKey{e.URL, e.Quote, e.Score})
	}
	return out
}

// TestRunEvidenceIndependentOfTiming: the same question on the same web
// (built anew for each run) gives the same evidence, scores included, idle
// and under load (a CPU hog on every core and
// pages that answer in random order), since decisions wait for whole rounds.
func TestRunEvidenceIndependentOfTiming(t *testing.T) {
	idle := jitterWeb(t, 0)
	res1, err := newTestEngine(t, idle.URL).Run(context.Background(), Request{Question: testQuestion}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := evidenceOf(res1)
	if len(want) == 0 {
		t.Fatal("no evidence on the idle run")
	}
	stop := make(chan struct{})
	hog := cpuHog(stop)
	defer func() { close(stop); hog.Wait() }()
	for i := range 1 {
		busy := jitterWeb(t, 150*time.Millisecond)
		res2, err := newTestEngine(t, busy.URL).Run(context.Background(), Request{Question: testQuestion}, nil)
		if err != nil {
			t.Fatal(err)
		}
		// URLs differ by the server's port only: compare paths.
		if got := evidenceOf(res2); !reflect.DeepEqual(paths(got, busy.URL), paths(want, idle.URL)) {
			t.Errorf("loaded run %d: evidence differs from the idle run\nidle:   %v\nloaded: %v", i+1, want, got)
		}
	}
}

func paths(ev []evidenceKey, base string) []evidenceKey {
	out := make([]evidenceKey, len(ev))
	for i, e := range ev {
		out[i] = evidenceKey{e.URL[len(base):], e.Quote, e.Score}
	}
	return out
}
