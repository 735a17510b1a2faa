package main

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

func parse(t *testing.T, args []string, env map[string]string) (*options, []string, error) {
	t.Helper()
	var o options
	var stderr bytes.Buffer
	fs, rows := newFlagSet(&o, &stderr)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return nil, nil, err
	}
	return &o, pos, applyEnv(fs, rows, &o, func(k string) string { return env[k] })
}

func TestFlagWinsOverEnvironment(t *testing.T) {
	env := map[string]string{
		"DEEPRESEARCH_SEARCH":          "searxng,duckduckgo",
		"SEARXNG_URL":                  "http://searx.local:8888",
		"BRAVE_API_KEY":                "bk",
		"SERPER_API_KEY":               "sk",
		"DUCKDUCKGO_URL":               "http://ddg.test",
		"DEEPRESEARCH_BRAVE_URL":       "http://brave.test",
		"DEEPRESEARCH_SERPER_URL":      "http://serper.test",
		"DEEPRESEARCH_ALLOW_PRIVATE":   "1",
		"DEEPRESEARCH_BROWSER":         "/env/chromium",
		"DEEPRESEARCH_BROWSER_URL":     "ws://a:9222, ws://b:9222",
		"DEEPRESEARCH_MAX_TABS":        "6",
		"DEEPRESEARCH_SPARE_TABS":      "0",
		"DEEPRESEARCH_HTTP":            "127.0.0.1:9000",
		"DEEPRESEARCH_AUTH_TOKEN":      "secret",
		"DEEPRESEARCH_ALLOWED_ORIGINS": "https://app.example.com",
		"DEEPRESEARCH_LOG_LEVEL":       "debug",
	}
	o, _, err := parse(t, nil, env)
	if err != nil {
		t.Fatal(err)
	}
	cfg := o.serverConfig(nil, "v")
	if !reflect.DeepEqual(cfg.Search, []string{"searxng", "duckduckgo"}) || cfg.SearXNGURL != "http://searx.local:8888" ||
		cfg.BraveKey != "bk" || cfg.SerperKey != "sk" || cfg.DuckDuckGoURL != "http://ddg.test" || cfg.BraveURL != "http://brave.test" ||
		cfg.SerperURL != "http://serper.test" || !cfg.AllowPrivate || cfg.Browser != "/env/chromium" ||
		!reflect.DeepEqual(cfg.BrowserURLs, []string{"ws://a:9222", "ws://b:9222"}) || cfg.MaxTabs != 6 || cfg.SpareTabs != -1 ||
		cfg.HTTPAddr != "127.0.0.1:9000" || cfg.AuthToken != "secret" || !reflect.DeepEqual(cfg.AllowedOrigins, []string{"https://app.example.com"}) ||
		o.logLevel != "debug" {
		t.Errorf("environment not applied: %+v", cfg)
	}

	o, _, err = parse(t, []string{"--search", "brave", "--max-tabs", "2", "--spare-tabs", "2", "--browser", "/flag/chrome", "--http", ":1", "--allow-private=false", "--log-level", "warn"}, env)
	if err != nil {
		t.Fatal(err)
	}
	cfg = o.serverConfig(nil, "v")
	if !reflect.DeepEqual(cfg.Search, []string{"brave"}) || cfg.MaxTabs != 2 || cfg.SpareTabs != 2 || cfg.Browser != "/flag/chrome" || cfg.HTTPAddr != ":1" || cfg.AllowPrivate || o.logLevel != "warn" {
		t.Errorf("flags must win over the environment: %+v", cfg)
	}
}

func TestDefaults(t *testing.T) {
	o, pos, err := parse(t, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	cfg := o.serverConfig(nil, "v")
	if len(pos) != 0 || !reflect.DeepEqual(cfg.Search, []string{"duckduckgo"}) || cfg.MaxTabs != 4 || cfg.SpareTabs != 1 || cfg.AllowPrivate || cfg.HTTPAddr != "" {
		t.Errorf("defaults: %+v", cfg)
	}
}

func TestInterspersedArguments(t *testing.T) {
	o, pos, err := parse(t, []string{"--max-tabs", "3", "search", "--json", "go", "generics", "--max-results", "5"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(pos, []string{"search", "go", "generics"}) || !o.json || o.maxResults != 5 || o.maxTabs != 3 {
		t.Errorf("got pos %q json %v max-results %d max-tabs %d", pos, o.json, o.maxResults, o.maxTabs)
	}
	_, pos, err = parse(t, []string{"search", "--", "--not-a-flag"}, nil)
	if err != nil || !reflect.DeepEqual(pos, []string{"search", "--not-a-flag"}) {
		t.Errorf("after --: %q %v", pos, err)
	}
}

func TestExitCodesAndHelp(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		env        map[string]string
		code       int
		stdout     []string
		stderrPart string
	}{
		{args: []string{"--help"}, code: exitOK, stdout: []string{
			"--search", "DEEPRESEARCH_SEARCH", "SEARXNG_URL", "BRAVE_API_KEY", "SERPER_API_KEY", "DUCKDUCKGO_URL",
			"--allow-private", "DEEPRESEARCH_ALLOW_PRIVATE", "--browser", "DEEPRESEARCH_BROWSER", "--browser-url", "DEEPRESEARCH_BROWSER_URL",
			"--max-tabs", "DEEPRESEARCH_MAX_TABS", "--spare-tabs", "DEEPRESEARCH_SPARE_TABS", "--http", "DEEPRESEARCH_HTTP", "DEEPRESEARCH_AUTH_TOKEN", "DEEPRESEARCH_LOG_LEVEL",
			"DEEPRESEARCH_ALLOWED_ORIGINS", "search QUERY", "browse URL", "research QUESTION", "--json"}},
		{args: []string{"--version"}, code: exitOK, stdout: []string{"deepresearch-mcp "}},
		{args: []string{"--no-such-flag"}, code: exitUsage, stderrPart: "--help"},
		{args: []string{"-rod=show"}, code: exitUsage, stderrPart: "not defined: -rod"},
		{args: []string{"frobnicate", "x"}, code: exitUsage, stderrPart: "unknown command"},
		{args: []string{"browse"}, code: exitUsage, stderrPart: "needs an argument"},
		{args: []string{"--max-tabs", "0"}, code: exitUsage, stderrPart: "--max-tabs must be between 1 and 64"},
		{args: []string{"--max-tabs", "2", "--spare-tabs", "3"}, code: exitUsage, stderrPart: "--spare-tabs must be between 0 and --max-tabs (2) (got 3)"},
		{args: nil, env: map[string]string{"DEEPRESEARCH_SPARE_TABS": "-1"}, code: exitUsage, stderrPart: "--spare-tabs must be between"},
		{args: nil, env: map[string]string{"DEEPRESEARCH_ALLOW_PRIVATE": "maybe"}, code: exitUsage, stderrPart: "DEEPRESEARCH_ALLOW_PRIVATE"},
		{args: []string{"--log-level", "loud"}, code: exitUsage, stderrPart: "--log-level"},
		{args: []string{"--searxng-url", "ftp://x", "search", "q"}, code: exitUsage, stderrPart: "SEARXNG_URL"},
		// Help and version as a person types them.
		{args: []string{"help"}, code: exitOK, stdout: []string{"search QUERY", "Exit status"}},
		{args: []string{"help", "browse"}, code: exitOK, stdout: []string{"browse URL", "--max-chars N"}},
		{args: []string{"search", "--help"}, code: exitOK, stdout: []string{"search QUERY", "--max-results N"}},
		{args: []string{"research", "-h"}, code: exitOK, stdout: []string{"research QUESTION", "--time-budget S"}},
		{args: []string{"version"}, code: exitOK, stdout: []string{"deepresearch-mcp "}},
		// Out-of-range values are usage errors named by their flag.
		{args: []string{"search", "--max-results", "0", "q"}, code: exitUsage, stderrPart: "--max-results must be between 1 and 20 (got 0)"},
		{args: []string{"search", "--max-results", "99", "q"}, code: exitUsage, stderrPart: "--max-results must be between"},
		{args: []string{"browse", "--max-chars", "10", "https://example.com"}, code: exitUsage, stderrPart: "--max-chars must be between"},
		{args: []string{"browse", "--offset", "-1", "https://example.com"}, code: exitUsage, stderrPart: "--offset must be 0 or more"},
		{args: []string{"browse", "--render", "sometimes", "https://example.com"}, code: exitUsage, stderrPart: "--render must be auto, always, never"},
		{args: []string{"research", "--time-budget", "0", "q"}, code: exitUsage, stderrPart: "--time-budget must be between 5 and 300 (got 0)"},
		{args: []string{"research", "--max-pages", "0", "q"}, code: exitUsage, stderrPart: "--max-pages must be between"},
		{args: []string{"search", "--recency", "decade", "q"}, code: exitUsage, stderrPart: "--recency must be day, week, month, year"},
		// Flags that do not apply are refused, not ignored.
		{args: []string{"search", "--max-pages", "3", "q"}, code: exitUsage, stderrPart: "--max-pages does not apply to search"},
		{args: []string{"browse", "--max-results", "3", "https://example.com"}, code: exitUsage, stderrPart: "--max-results does not apply to browse"},
		{args: []string{"--json"}, code: exitUsage, stderrPart: "--json is an option of the one-shot commands"},
		// browse reads one URL.
		{args: []string{"browse", "https://a.example/", "https://b.example/"}, code: exitUsage, stderrPart: "browse reads one URL (got 2"},
		{args: []string{"search", "  "}, code: exitUsage, stderrPart: "search needs an argument"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(tc.args, strings.NewReader(""), &stdout, &stderr, func(k string) string { return tc.env[k] })
		if code != tc.code {
			t.Errorf("%q: exit %d, want %d (stderr %q)", tc.args, code, tc.code, stderr.String())
		}
		for _, want := range tc.stdout {
			if !strings.Contains(stdout.String(), want) {
				t.Errorf("%q: stdout lacks %q", tc.args, want)
			}
		}
		if !strings.Contains(stderr.String(), tc.stderrPart) {
			t.Errorf("%q: stderr %q lacks %q", tc.args, stderr.String(), tc.stderrPart)
		}
	}
}
