package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// loadTabs is --max-tabs for the load tests: small, so the limit is
// actually reached by the render calls of the mix.
const loadTabs = 2

// loadCall is one call of the mixed load and what its answer must be.
type loadCall struct {
	tool    string
	args    map[string]any
	isError bool
	want    string // in the text of the answer
}

// mixedLoad is n calls of every kind the server takes: searches, HTTP
// reads (several of one URL at once, which share one fetch), renders held
// by the fixture so tabs pile up, PDFs, policy refusals, bad arguments.
// tag keeps URLs and queries of different runs apart (no cache hits).
func mixedLoad(web *fixtures.Web, n int, tag string) []loadCall {
	var calls []loadCall
	for i := range n {
		id := fmt.Sprintf("%s-%d", tag, i)
		var c loadCall
		switch i % 8 {
		case 0:
			c = loadCall{"web_search", map[string]any{"query": "lighthouse " + id}, false, "lighthouse " + id}
		case 1:
			c = loadCall{"browse_page", map[string]any{"url": web.URL + "/pages/article?l=" + id, "render": "never"}, false, "mercury"}
		case 2:
			c = loadCall{"browse_page", map[string]any{"url": web.URL + "/hostile/hold?ms=300&id=" + id, "render": "always"}, false, "HOLD-PAGE-FACT " + id}
		case 3:
			c = loadCall{"browse_page", map[string]any{"url": web.URL + "/pages/long?l=" + tag, "render": "never", "query": "Section 7"}, false, "Section"}
		case 4:
			c = loadCall{"browse_page", map[string]any{"url": web.URL + "/pages/report.pdf?l=" + id, "render": "never"}, false, "Fresnel"}
		case 5:
			c = loadCall{"browse_page", map[string]any{"url": "http://169.254.169.254/" + id}, true, "refused by policy"}
		case 6:
			c = loadCall{"browse_page", map[string]any{"url": web.URL + "/pages/status/404?l=" + id, "render": "never"}, true, "404"}
		case 7:
			c = loadCall{"web_search", map[string]any{"query": ""}, true, "query"}
			if i%32 == 15 { // two research calls in 64, on a small budget
				c = loadCall{"deep_research", map[string]any{"question": "How do lighthouse lamps turn? " + id, "max_pages": 3, "time_budget_s": 8}, false, "Research:"}
			}
		}
		calls = append(calls, c)
	}
	return calls
}

func holdStats(t testing.TB, web *fixtures.Web) (now, maxInFlight, total int) {
	t.Helper()
	resp, err := http.Get(web.URL + "/hostile/hold-stats")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v struct{ Now, Max, Total int }
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v.Now, v.Max, v.Total
}

// checkAnswer says what is wrong with one answer of the mix ("" if nothing).
func checkAnswer(c loadCall, isError bool, txt string) string {
	if isError != c.isError || !strings.Contains(txt, c.want) {
		return fmt.Sprintf("%s %v: isError=%v (want %v), want %q in %.200q", c.tool, c.args, isError, c.isError, c.want, txt)
	}
	return ""
}

// TestLoadStdio: 64 concurrent mixed calls written at once on the wire:
// every call answered exactly once and correctly, no stray message, the tab
// limit held, and the server's memory bounded.
func TestLoadStdio(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	r := startRaw(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1", fmt.Sprintf("DEEPRESEARCH_MAX_TABS=%d", loadTabs)))
	r.send(t, rawInit)
	r.collect(t, "1")
	r.send(t, `{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	pid := r.cmd.Process.Pid

	// Warm up (Chromium launched, engines initialised) before the baseline.
	r.send(t, `{"jsonrpc":"2.0","id":"warm","method":"tools/call","params":{"name":"browse_page","arguments":{"url":"`+web.URL+`/pages/spa","render":"always"}}}`)
	r.collect(t, `"warm"`)
	rssBefore := procStatusKB(pid, "VmRSS")

	calls := mixedLoad(web, 64, "stdio")
	ids := make([]string, len(calls))
	var batch strings.Builder
	for i, c := range calls {
		ids[i] = fmt.Sprint(100 + i)
		msg, _ := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 100 + i, "method": "tools/call",
			"params": map[string]any{"name": c.tool, "arguments": c.args}})
		batch.Write(msg)
		batch.WriteByte('\n')
	}
	start := time.Now()
	// One write: all 64 requests are in the server's hands at once.
	if _, err := r.stdin.Write([]byte(batch.String())); err != nil {
		t.Fatal(err)
	}
	got := r.collect(t, ids...) // fails on a duplicate answer or a missing one
	t.Logf("64 calls answered in %v", time.Since(start).Round(time.Millisecond))
	for i, c := range calls {
		m := got[ids[i]]
		var res struct {
			IsError bool `json:"isError"`
			Content []struct {
				Text string `json:"text"`
			} `json:"content"`
		}
		if len(m.Error) > 0 || json.Unmarshal(m.Result, &res) != nil || len(res.Content) == 0 {
			t.Errorf("call %s: not a tool result: %s %s", ids[i], m.Result, m.Error)
			continue
		}
		if msg := checkAnswer(c, res.IsError, res.Content[0].Text); msg != "" {
			t.Errorf("call %s: %s", ids[i], msg)
		}
	}
	// Nothing else arrives: no late duplicate, no answer to an unknown id.
	r.send(t, `{"jsonrpc":"2.0","id":"last","method":"ping"}`)
	if extra := r.collect(t, `"last"`); len(extra) != 1 {
		t.Errorf("stray responses after the load: %v", keys(extra))
	}

	now, maxInFlight, total := holdStats(t, web)
	if total < 8 || maxInFlight > loadTabs || now != 0 {
		t.Errorf("held renders: %d in total, at most %d at once (tab limit %d), %d still open", total, maxInFlight, loadTabs, now)
	}
	rssAfter, hwm := procStatusKB(pid, "VmRSS"), procStatusKB(pid, "VmHWM")
	t.Logf("server RSS %d MB before, %d MB after, peak %d MB; held renders at most %d at once", rssBefore>>10, rssAfter>>10, hwm>>10, maxInFlight)
	checkMemory(t, rssBefore, rssAfter, hwm)
}

// checkMemory bounds the server's memory under the load: the race detector
// multiplies it, hence two sets of bounds.
func checkMemory(t *testing.T, before, after, peak int) {
	t.Helper()
	// Measured on the fixture web: about +15 MB to a 85 MB peak, and
	// +70 MB to 255 MB under -race; the bounds leave room for other machines.
	growth, ceiling := 150<<10, 300<<10 // kB
	if raceEnabled {
		growth, ceiling = 300<<10, 800<<10
	}
	if before <= 0 || after <= 0 {
		t.Log("no /proc: memory not checked")
		return
	}
	if after-before > growth || peak > ceiling {
		t.Errorf("server memory: %d MB before, %d MB after, peak %d MB (bounds: +%d MB, peak %d MB)", before>>10, after>>10, peak>>10, growth>>10, ceiling>>10)
	}
}

// TestLoadHTTP: the same mix over Streamable HTTP with 64 concurrent
// callers on one session: each gets its one answer.
func TestLoadHTTP(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	endpoint, cmd := startHTTPServer(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1", fmt.Sprintf("DEEPRESEARCH_MAX_TABS=%d", loadTabs)))
	c := httpClient(t, endpoint)
	pid := cmd.Process.Pid
	if res, _ := call(t, c, "browse_page", map[string]any{"url": web.URL + "/pages/spa", "render": "always"}, 60*time.Second); res == nil || res.IsError {
		t.Fatalf("warm-up render: %v", res)
	}
	rssBefore := procStatusKB(pid, "VmRSS")

	calls := mixedLoad(web, 64, "http")
	answers := make([]int, len(calls))
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for i, lc := range calls {
		wg.Go(func() {
			res, _ := call(t, c, lc.tool, lc.args, 90*time.Second)
			if res == nil {
				return
			}
			mu.Lock()
			answers[i]++
			mu.Unlock()
			if msg := checkAnswer(lc, res.IsError, text(res)); msg != "" {
				t.Errorf("call %d: %s", i, msg)
			}
		})
	}
	wg.Wait()
	t.Logf("64 calls answered in %v", time.Since(start).Round(time.Millisecond))
	for i, n := range answers {
		if n != 1 {
			t.Errorf("call %d answered %d times", i, n)
		}
	}
	now, maxInFlight, total := holdStats(t, web)
	if total < 8 || maxInFlight > loadTabs || now != 0 {
		t.Errorf("held renders: %d in total, at most %d at once (tab limit %d), %d still open", total, maxInFlight, loadTabs, now)
	}
	rssAfter, hwm := procStatusKB(pid, "VmRSS"), procStatusKB(pid, "VmHWM")
	t.Logf("server RSS %d MB before, %d MB after, peak %d MB; held renders at most %d at once", rssBefore>>10, rssAfter>>10, hwm>>10, maxInFlight)
	checkMemory(t, rssBefore, rssAfter, hwm)
}

// httpClient connects mcp-go's Streamable HTTP client at 2025-11-25.
func httpClient(t testing.TB, endpoint string) *client.Client {
	t.Helper()
	tr, err := transport.NewStreamableHTTP(endpoint)
	if err != nil {
		t.Fatal(err)
	}
	c := client.NewClient(tr, client.WithProtocolVersion(mcp.ProtocolVersion20251125))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := c.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	init := mcp.InitializeRequest{}
	init.Params.ClientInfo = mcp.Implementation{Name: "e2e-load", Version: "0"}
	if _, err := c.Initialize(ctx, init); err != nil {
		t.Fatal(err)
	}
	return c
}
