package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"strconv"
	"strings"

	"github.com/deepresearch-mcp/deepresearch-mcp/server"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
)

// options are the process's settings: a flag for each, an environment
// variable for each (MCP client configs pass settings through env), and the
// flag wins. Secrets (API keys, the auth token) are environment only, so they
// never show in a process list.
type options struct {
	search, searxngURL, duckduckgoURL, braveURL, serperURL string
	braveKey, serperKey, authToken                         string
	allowPrivate                                           bool
	allowHosts                                             string
	hosts                                                  string
	hostMap                                                map[string]netip.Addr
	browser, browserURL                                    string
	maxTabs, spareTabs                                     int
	httpAddr, allowedOrigins                               string
	logLevel                                               string
	version, help                                          bool

	// one-shot subcommands
	json                 bool
	maxResults           int
	recency              string
	offset, maxChars     int
	render, query        string
	maxPages, timeBudget int
}

// setting is one row of --help: a flag, its environment variable, what it does.
type setting struct {
	flag, env, usage string
}

func newFlagSet(o *options, stderr io.Writer) (*flag.FlagSet, []setting) {
	fs := flag.NewFlagSet("deepresearch-mcp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var rows []setting
	str := func(p *string, name, env, def, usage string) {
		fs.StringVar(p, name, def, usage)
		rows = append(rows, setting{name, env, usage})
	}
	str(&o.search, "search", "DEEPRESEARCH_SEARCH", "duckduckgo", "search providers in order, comma-separated: duckduckgo, searxng, brave, serper")
	str(&o.searxngURL, "searxng-url", "SEARXNG_URL", "", "base URL of a SearXNG instance with JSON output enabled")
	str(&o.duckduckgoURL, "duckduckgo-url", "DUCKDUCKGO_URL", server.DefaultDuckDuckGoURL, "base URL of the DuckDuckGo HTML endpoint")
	str(&o.braveURL, "brave-url", "DEEPRESEARCH_BRAVE_URL", server.DefaultBraveURL, "Brave Search API base URL")
	str(&o.serperURL, "serper-url", "DEEPRESEARCH_SERPER_URL", server.DefaultSerperURL, "Serper API base URL")
	rows = append(rows,
		setting{"", "BRAVE_API_KEY", "Brave Search API key (enables the brave provider)"},
		setting{"", "SERPER_API_KEY", "Serper (Google) API key (enables the serper provider)"},
	)
	fs.BoolVar(&o.allowPrivate, "allow-private", false, "allow loopback and private-network targets (link-local and cloud metadata stay blocked)")
	rows = append(rows, setting{"allow-private", "DEEPRESEARCH_ALLOW_PRIVATE", "allow loopback and private-network targets (=1; link-local and cloud metadata stay blocked)"})
	str(&o.allowHosts, "allow-host", "DEEPRESEARCH_ALLOW_HOSTS", "", "private host:port pages may be read from, comma-separated (an intranet wiki; cloud metadata stays blocked)")
	str(&o.hosts, "hosts", "DEEPRESEARCH_HOSTS", "", "pin host names to addresses instead of DNS, comma-separated name=ip (like /etc/hosts; the address still passes the egress policy)")
	str(&o.browser, "browser", "DEEPRESEARCH_BROWSER", "", "Chromium/Chrome binary (default: chromium-headless-shell if installed, else the system's Chromium or Chrome)")
	str(&o.browserURL, "browser-url", "DEEPRESEARCH_BROWSER_URL", "", "remote DevTools endpoints, comma-separated, instead of launching a browser")
	fs.IntVar(&o.maxTabs, "max-tabs", browser.DefaultMaxTabs, "browser pages open at once")
	rows = append(rows, setting{"max-tabs", "DEEPRESEARCH_MAX_TABS", fmt.Sprintf("browser pages open at once (%d)", browser.DefaultMaxTabs)})
	fs.IntVar(&o.spareTabs, "spare-tabs", 1, "browser tabs opened ahead, each in a fresh context (0: none)")
	rows = append(rows, setting{"spare-tabs", "DEEPRESEARCH_SPARE_TABS", "browser tabs kept opened ahead, each in a fresh context of its own, so a render need not wait for one (1; 0: none)"})
	str(&o.httpAddr, "http", "DEEPRESEARCH_HTTP", "", "serve Streamable HTTP at ADDR/mcp (e.g. 127.0.0.1:8080) instead of stdio")
	rows = append(rows, setting{"", "DEEPRESEARCH_AUTH_TOKEN", "bearer token required on every HTTP request"})
	str(&o.allowedOrigins, "allowed-origins", "DEEPRESEARCH_ALLOWED_ORIGINS", "", "browser origins allowed over HTTP besides localhost, comma-separated (e.g. https://app.example.com)")
	str(&o.logLevel, "log-level", "DEEPRESEARCH_LOG_LEVEL", "info", "stderr log level: debug, info, warn, error")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.BoolVar(&o.help, "help", false, "show this help")
	fs.BoolVar(&o.help, "h", false, "show this help")

	// One-shot subcommand options; they are listed in the usage text.
	fs.BoolVar(&o.json, "json", false, "")
	fs.IntVar(&o.maxResults, "max-results", 0, "")
	fs.StringVar(&o.recency, "recency", "", "")
	fs.IntVar(&o.offset, "offset", 0, "")
	fs.IntVar(&o.maxChars, "max-chars", 0, "")
	fs.StringVar(&o.render, "render", "", "")
	fs.StringVar(&o.query, "query", "", "")
	fs.IntVar(&o.maxPages, "max-pages", 0, "")
	fs.IntVar(&o.timeBudget, "time-budget", 0, "")

	fs.Usage = func() { fmt.Fprintln(stderr, "Run deepresearch-mcp --help for usage.") }
	return fs, rows
}

func printUsage(w io.Writer, rows []setting) {
	fmt.Fprint(w, `deepresearch-mcp — an MCP server for research on the live web (web_search, browse_page, deep_research).

Usage:
  deepresearch-mcp [flags]                      serve MCP over stdio (default)
  deepresearch-mcp --http 127.0.0.1:8080        serve MCP over Streamable HTTP at /mcp
  deepresearch-mcp [flags] search QUERY         run web_search once and print the result
  deepresearch-mcp [flags] browse URL           run browse_page once
  deepresearch-mcp [flags] research QUESTION    run deep_research once
  deepresearch-mcp help [search|browse|research], deepresearch-mcp COMMAND --help, deepresearch-mcp version

One-shot options (each only with its command; out-of-range values are usage errors):
  all: --json (print the structured content)
  search: --max-results N, --recency day|week|month|year
  browse: --offset N, --max-chars N, --render auto|always|never, --query TEXT (one URL per call)
  research: --max-pages N, --time-budget SECONDS

Settings (the flag wins over the environment variable):
`)
	for _, r := range rows {
		f := "--" + r.flag
		if r.flag == "" {
			f = "(env only)"
		}
		fmt.Fprintf(w, "  %-20s %-30s %s\n", f, r.env, r.usage)
	}
	fmt.Fprint(w, "  --version, --help\n\nExit status: 0 ok, 1 the tool failed, 2 usage error.\n")
}

// applyEnv fills every setting whose flag was not given from its environment variable.
func applyEnv(fs *flag.FlagSet, rows []setting, o *options, getenv func(string) string) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, r := range rows {
		v := getenv(r.env)
		if v == "" || (r.flag != "" && given[r.flag]) {
			continue
		}
		switch r.env {
		case "BRAVE_API_KEY":
			o.braveKey = v
		case "SERPER_API_KEY":
			o.serperKey = v
		case "DEEPRESEARCH_AUTH_TOKEN":
			o.authToken = v
		case "DEEPRESEARCH_ALLOW_PRIVATE":
			b, err := parseBool(v)
			if err != nil {
				return fmt.Errorf("%s=%q: %w", r.env, v, err)
			}
			o.allowPrivate = b
		case "DEEPRESEARCH_MAX_TABS":
			n, err := strconv.Atoi(v)
			if err != nil {
				return fmt.Errorf("%s=%q: not a number", r.env, v)
			}
			o.maxTabs = n
		default:
			if err := fs.Set(r.flag, v); err != nil {
				return fmt.Errorf("%s=%q: %w", r.env, v, err)
			}
		}
	}
	if o.hosts != "" {
		m, err := egress.ParseHosts(o.hosts)
		if err != nil {
			return fmt.Errorf("--hosts: %w", err)
		}
		o.hostMap = m
	}
	if o.maxTabs < 1 || o.maxTabs > 64 {
		return fmt.Errorf("--max-tabs must be between 1 and 64 (got %d)", o.maxTabs)
	}
	if o.spareTabs < 0 || o.spareTabs > o.maxTabs {
		return fmt.Errorf("--spare-tabs must be between 0 and --max-tabs (%d) (got %d)", o.maxTabs, o.spareTabs)
	}
	return nil
}

func parseBool(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off", "":
		return false, nil
	}
	return false, fmt.Errorf("want 1 or 0")
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (o *options) serverConfig(log *slog.Logger, version string) server.Config {
	return server.Config{
		Search:         splitList(strings.ToLower(o.search)),
		SearXNGURL:     o.searxngURL,
		BraveKey:       o.braveKey,
		SerperKey:      o.serperKey,
		DuckDuckGoURL:  o.duckduckgoURL,
		BraveURL:       o.braveURL,
		SerperURL:      o.serperURL,
		AllowPrivate:   o.allowPrivate,
		AllowHosts:     splitList(o.allowHosts),
		Hosts:          o.hostMap,
		Browser:        o.browser,
		BrowserURLs:    splitList(o.browserURL),
		MaxTabs:        o.maxTabs,
		SpareTabs:      spareTabs(o.spareTabs),
		HTTPAddr:       o.httpAddr,
		AuthToken:      o.authToken,
		AllowedOrigins: splitList(o.allowedOrigins),
		Version:        version,
		Log:            log,
	}
}

// spareTabs maps the flag (0: none) to browser.Config.SpareTabs (0 is the default, <0 none).
func spareTabs(n int) int {
	if n == 0 {
		return -1
	}
	return n
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(s)); err != nil {
		return 0, fmt.Errorf("--log-level %q: want debug, info, warn or error", s)
	}
	return l, nil
}
