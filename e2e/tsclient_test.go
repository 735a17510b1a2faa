package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The queries the SDK suite sends to deep_research: the fixture search
// answers them with slow pages (a call of a few seconds with many progress
// notifications) or with pages that never finish (a call that only ends
// when it is cancelled).
const (
	slowQuery = "slowpages"
	hangQuery = "hangingpages"
)

// sdkWeb is the fixture web of the SDK suite: SearXNG, an article, slow
// pages and pages that hang until the request is abandoned.
func sdkWeb(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.HandleFunc("GET /searxng/search", func(w http.ResponseWriter, r *http.Request) {
		base := "http://" + r.Host
		q := r.URL.Query().Get("q")
		var results []map[string]any
		switch {
		case strings.Contains(q, slowQuery):
			for i := range 8 {
				results = append(results, map[string]any{"url": fmt.Sprintf("%s/slow/%d", base, i), "title": fmt.Sprintf("Slow page %d", i), "content": "A page that takes a moment to load.", "engines": []string{"fixture"}})
			}
		case strings.Contains(q, hangQuery):
			for i := range 4 {
				results = append(results, map[string]any{"url": fmt.Sprintf("%s/hang/%d", base, i), "title": fmt.Sprintf("Hanging page %d", i), "content": "A page that never loads.", "engines": []string{"fixture"}})
			}
		default:
			results = []map[string]any{
				{"url": base + "/pages/article", "title": "The Raft Consensus Algorithm", "content": "Raft is a consensus algorithm.", "engines": []string{"fixture"}},
			}
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"query": q, "results": results})
	})
	mux.HandleFunc("GET /pages/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, articleHTML)
	})
	mux.HandleFunc("GET /slow/{n}", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(400 * time.Millisecond):
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><head><title>Slow page %[1]s</title></head><body><main><article><h1>Slow page %[1]s</h1>
<p>This page about slow pages took a while to answer. Slow pages are pages whose server answers late; page %[1]s is one of them.</p>
<p>Which pages are slow? The slow pages are the ones numbered zero to seven, each answering after a short delay.</p></article></main></body></html>`, r.PathValue("n"))
	})
	mux.HandleFunc("GET /hang/{n}", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(90 * time.Second):
		}
	})
	s := httptest.NewServer(mux)
	t.Cleanup(s.Close)
	return s
}

// tsClientDir is where the SDK suite and its lockfile live; .ci/run installs
// its node_modules with npm ci.
const tsClientDir = "tsclient"

// nodeOrSkip finds node and the installed SDK; in CI their absence fails.
func nodeOrSkip(t *testing.T) string {
	t.Helper()
	node, err := exec.LookPath("node")
	if err == nil {
		if _, err = os.Stat(filepath.Join(tsClientDir, "node_modules", "@modelcontextprotocol", "sdk", "package.json")); err != nil {
			err = fmt.Errorf("the SDK is not installed: run (cd e2e/tsclient && npm ci)")
		}
	}
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("TypeScript SDK suite cannot run in CI: %v", err)
		}
		t.Skipf("TypeScript SDK suite skipped: %v", err)
	}
	return node
}

// TestTSClient drives the binary with the official TypeScript SDK client
// over both transports; every check of the suite is a subtest here.
func TestTSClient(t *testing.T) {
	node := nodeOrSkip(t)
	web := sdkWeb(t)
	serverEnv := env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1")
	common := []string{
		"ARTICLE_URL=" + web.URL + "/pages/article",
		"SLOW_QUERY=" + slowQuery,
		"HANG_QUERY=" + hangQuery,
	}

	t.Run("stdio", func(t *testing.T) {
		t.Parallel()
		m := map[string]string{}
		for _, kv := range serverEnv {
			k, v, _ := strings.Cut(kv, "=")
			m[k] = v
		}
		js, _ := json.Marshal(m)
		runSuite(t, node, append(common, "TRANSPORT=stdio", "SERVER_BIN="+bin, "SERVER_ENV="+string(js)))
	})
	t.Run("http", func(t *testing.T) {
		t.Parallel()
		endpoint, _ := startHTTPServer(t, append(serverEnv, "DEEPRESEARCH_AUTH_TOKEN=sdk-token"))
		runSuite(t, node, append(common, "TRANSPORT=http", "SERVER_URL="+endpoint, "TOKEN=sdk-token"))
	})
}

// runSuite runs suite.mjs and turns each line it prints into a subtest.
func runSuite(t *testing.T, node string, extra []string) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "suite.mjs")
	cmd.Dir = tsClientDir
	cmd.Env = append(os.Environ(), extra...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()

	checks := 0
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	for sc.Scan() {
		var c struct {
			Check  string `json:"check"`
			OK     bool   `json:"ok"`
			Detail string `json:"detail"`
		}
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Errorf("suite printed a line that is not a check: %s", sc.Text())
			continue
		}
		checks++
		t.Run(c.Check, func(t *testing.T) {
			if !c.OK {
				t.Error(c.Detail)
			} else if c.Detail != "" {
				t.Log(c.Detail)
			}
		})
	}
	if checks == 0 || (runErr != nil && !t.Failed()) {
		t.Fatalf("suite did not run (%v): %s", runErr, stderr.String())
	}
}
