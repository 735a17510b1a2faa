package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// heldProvider is a SearXNG that holds every search until release is
// closed (then answers) or the request is abandoned; it counts both.
type heldProvider struct {
	*httptest.Server
	release    chan struct{}
	arrived    chan string // the query of each search that came in
	abandoned  chan string // ... and of each abandoned one
	releaseAll func()
}

func startHeldProvider(t *testing.T) *heldProvider {
	p := &heldProvider{release: make(chan struct{}), arrived: make(chan string, 16), abandoned: make(chan string, 16)}
	var once sync.Once
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query().Get("q")
		note(p.arrived, q)
		select {
		case <-r.Context().Done():
			note(p.abandoned, q)
			return
		case <-p.release:
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"query": q, "results": []map[string]any{{"url": "https://example.org/" + q, "title": "Result for " + q, "content": "About " + q}}})
	}))
	t.Cleanup(func() {
		once.Do(func() { close(p.release) })
		p.Close()
	})
	p.releaseAll = func() { once.Do(func() { close(p.release) }) }
	return p
}

// note records q unless the test stopped listening (a failing run may
// search more than expected).
func note(ch chan string, q string) {
	select {
	case ch <- q:
	default:
	}
}

func (p *heldProvider) wait(t *testing.T, ch chan string, n int, what string) []string {
	t.Helper()
	var got []string
	for len(got) < n {
		select {
		case q := <-ch:
			got = append(got, q)
		case <-time.After(20 * time.Second):
			t.Fatalf("%s: %d of %d (%v)", what, len(got), n, got)
		}
	}
	return got
}

func searchCall(id, query string) string {
	return fmt.Sprintf(`{"jsonrpc":"2.0","id":%s,"method":"tools/call","params":{"name":"web_search","arguments":{"query":%q}}}`, id, query)
}

// TestStdioCancelExactID: over stdio, cancelling the numeric id 61 cancels
// that call and not the one with the string id "61"; the cancelled call gets
// no response; two calls that share an id are both reached by its cancel.
func TestStdioCancelExactID(t *testing.T) {
	p := startHeldProvider(t)
	r := startRaw(t, env(p.URL))
	r.send(t, rawInit)
	r.collect(t, "1")
	r.send(t, `{"jsonrpc":"2.0","method":"notifications/initialized"}`)

	r.send(t, searchCall(`61`, "numeric"))
	r.send(t, searchCall(`"61"`, "string"))
	r.send(t, searchCall(`5`, "dup-a"))
	r.send(t, searchCall(`5`, "dup-b"))
	p.wait(t, p.arrived, 4, "searches in flight")

	r.send(t, `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":61,"reason":"test"}}`)
	r.send(t, `{"jsonrpc":"2.0","method":"notifications/cancelled","params":{"requestId":5}}`)
	gone := p.wait(t, p.abandoned, 3, "cancelled searches")
	for _, q := range gone {
		if q == "string" {
			t.Errorf("cancelling 61 cancelled the call with id \"61\" (abandoned: %v)", gone)
		}
	}
	p.releaseAll()
	// The string id's call is answered, under its own id; a ping after it
	// shows nothing else is coming for the cancelled ones.
	r.send(t, `{"jsonrpc":"2.0","id":"after","method":"ping"}`)
	got := r.collect(t, `"61"`, `"after"`)
	if len(got[`"61"`].Result) == 0 {
		t.Errorf("the call with id \"61\" got no result: %s", got[`"61"`].Error)
	}
	time.Sleep(300 * time.Millisecond)
	for {
		select {
		case line := <-r.lines:
			t.Errorf("after the cancels: %s", line)
			continue
		default:
		}
		break
	}
}

// TestHTTPShutdownDrains: SIGTERM over HTTP answers the call in flight
// (cancelled after the grace period, and saying so) before the process
// exits.
func TestHTTPShutdownDrains(t *testing.T) {
	p := startHeldProvider(t)
	endpoint, cmd := startHTTPServer(t, env(p.URL))
	c := &httpSession{t: t, url: endpoint}
	c.initialize()

	type answer struct {
		body string
		err  error
	}
	answered := make(chan answer, 1)
	go func() {
		resp, err := c.post(context.Background(), searchCall("9", "held"))
		if err != nil {
			answered <- answer{err: err}
			return
		}
		defer resp.Body.Close()
		var b strings.Builder
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			b.WriteString(sc.Text() + "\n")
		}
		answered <- answer{body: b.String(), err: sc.Err()}
	}()
	p.wait(t, p.arrived, 1, "the search")
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case a := <-answered:
		if a.err != nil || !strings.Contains(a.body, `"id":9`) || !strings.Contains(a.body, `"result"`) {
			t.Fatalf("the call in flight at SIGTERM: err %v, answer %q", a.err, a.body)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the call in flight at SIGTERM was not answered")
	}
	// startHTTPServer waits for the process; here it is enough to see it gone.
	deadline := time.Now().Add(10 * time.Second)
	for syscall.Kill(cmd.Process.Pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatal("the server did not exit after draining")
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// httpSession is one client session over raw HTTP.
type httpSession struct {
	t       *testing.T
	url     string
	session string
}

func (c *httpSession) post(ctx context.Context, body string) (*http.Response, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, c.url, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json, text/event-stream")
	req.Header.Set("Mcp-Protocol-Version", "2025-11-25")
	if c.session != "" {
		req.Header.Set("Mcp-Session-Id", c.session)
	}
	return http.DefaultClient.Do(req)
}

func (c *httpSession) initialize() {
	c.t.Helper()
	resp, err := c.post(context.Background(), initBody)
	if err != nil {
		c.t.Fatal(err)
	}
	resp.Body.Close()
	c.session = resp.Header.Get("Mcp-Session-Id")
	if resp.StatusCode != 200 || c.session == "" {
		c.t.Fatalf("initialize: %d", resp.StatusCode)
	}
	if resp, err := c.post(context.Background(), `{"jsonrpc":"2.0","method":"notifications/initialized"}`); err == nil {
		resp.Body.Close()
	}
}
