// Package server builds the deepresearch-mcp MCP server: the egress guard
// and the engines behind the tools, the tools themselves, and the two
// transports (stdio, Streamable HTTP).
package server

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"time"

	mcpserver "github.com/mark3labs/mcp-go/server"

	"github.com/deepresearch-mcp/deepresearch-mcp/internal/useragent"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browse"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/egress"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/fetch"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/research"
	"github.com/deepresearch-mcp/deepresearch-mcp/tools/search"
)

// Name is the server's name in the MCP handshake.
const Name = "deepresearch-mcp"

// Default API bases of the search providers; the guard trusts whichever are configured.
const (
	DefaultDuckDuckGoURL = "https://html.duckduckgo.com"
	DefaultBraveURL      = "https://api.search.brave.com"
	DefaultSerperURL     = "https://google.serper.dev"
)

//go:embed instructions.md
var instructions string

// Config is everything the server can be told; cmd/deepresearch-mcp fills it
// from flags and environment (names in DESIGN.md).
type Config struct {
	Search        []string // provider order; empty means duckduckgo
	SearXNGURL    string
	BraveKey      string
	SerperKey     string
	DuckDuckGoURL string
	BraveURL      string
	SerperURL     string

	AllowPrivate bool
	AllowHosts   []string // host:port page reads may reach on a private network (--allow-host)
	Browser      string   // Chromium binary; empty: look it up
	BrowserURLs  []string // remote DevTools endpoints instead of launching
	MaxTabs      int      // 0 means browser.DefaultMaxTabs
	SpareTabs    int      // tabs each browser keeps opened ahead: 0 means 1, <0 none (browser.Config.SpareTabs)

	// Hosts pins names to addresses instead of DNS (--hosts).
	Hosts map[string]netip.Addr

	HTTPAddr       string
	AuthToken      string
	AllowedOrigins []string

	Version string
	// Log receives the server's own logs (stderr in the binary). Tools log
	// through it too, and those records are also sent to the MCP client at
	// the level it set.
	Log *slog.Logger
}

// Server is a built MCP server with its engines. Close it when done.
type Server struct {
	MCP *mcpserver.MCPServer

	cfg   Config
	log   *slog.Logger
	guard *egress.Guard
	proxy *egress.Proxy
	pool  *browser.Pool

	closeOnce sync.Once
	closeErr  error
}

// New builds the guard, the engines and the MCP server with its tools.
func New(cfg Config) (*Server, error) {
	if cfg.MaxTabs <= 0 {
		cfg.MaxTabs = browser.DefaultMaxTabs
	}
	if cfg.Version == "" {
		cfg.Version = "dev"
	}
	if cfg.DuckDuckGoURL == "" {
		cfg.DuckDuckGoURL = DefaultDuckDuckGoURL
	}
	if cfg.BraveURL == "" {
		cfg.BraveURL = DefaultBraveURL
	}
	if cfg.SerperURL == "" {
		cfg.SerperURL = DefaultSerperURL
	}
	plain := cfg.Log
	if plain == nil {
		plain = slog.New(slog.DiscardHandler)
	}
	// Engines and tools log through a handler that also forwards records
	// logged with a call's context to that call's client.
	log := slog.New(newClientLogHandler(plain.Handler()))
	s := &Server{cfg: cfg, log: plain}

	endpoints, err := searchEndpoints(cfg)
	if err != nil {
		return nil, err
	}
	s.guard = egress.New(egress.Policy{AllowPrivate: cfg.AllowPrivate, Trusted: cfg.AllowHosts, Hosts: cfg.Hosts})
	client := s.guard.Client()
	// Only the search providers' own requests may reach their configured
	// (possibly private) endpoints; pages, redirects and Chromium may not.
	searchClient, err := s.guard.EndpointClient(endpoints)
	if err != nil {
		return nil, err
	}

	// Chromium reaches the web only through the guard's proxy. Without the
	// proxy there is no browser: rendering unguarded is not an option.
	var renderer browse.Renderer
	proxy, err := s.guard.StartProxy(context.Background())
	if err != nil {
		log.Warn("egress proxy unavailable: pages will not be rendered in Chromium", "err", err)
	} else {
		s.proxy = proxy
		proxy.SetLogger(log.With("component", "egress-proxy"))
		s.pool = browser.New(browser.Config{
			Bin:        cfg.Browser,
			RemoteURLs: cfg.BrowserURLs,
			MaxTabs:    cfg.MaxTabs,
			SpareTabs:  cfg.SpareTabs,
			ProxyURL:   proxy.URL,
			UserAgent:  useragent.Chrome, // the same agent over HTTP and from Chromium
			Log:        log.With("component", "browser"),
			Diagnose:   proxy.Diagnose,
			Client:     client, // carries remote browsers' requests (they cannot reach the proxy)
		})
		renderer = s.pool
	}

	fetcher := fetch.New(client, s.guard.MaxBodyBytes(), useragent.Chrome)
	// Guard and Proxy let the engine refuse a literal address before it
	// opens a tab, and name the policy when Chromium's load was refused.
	browseEngine := browse.New(browse.Config{Fetcher: fetcher, Renderer: renderer, Guard: s.guard, Proxy: s.proxy, Log: log.With("component", "browse")})
	searchEngine, err := search.New(search.Config{
		Order:         cfg.Search,
		DuckDuckGoURL: cfg.DuckDuckGoURL,
		SearXNGURL:    cfg.SearXNGURL,
		BraveKey:      cfg.BraveKey,
		BraveURL:      cfg.BraveURL,
		SerperKey:     cfg.SerperKey,
		SerperURL:     cfg.SerperURL,
	}, searchClient, log.With("component", "search"))
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("configure search: %w", err)
	}
	researchEngine := research.New(searchEngine, browseEngine, cfg.MaxTabs)

	s.MCP = mcpserver.NewMCPServer(Name, cfg.Version,
		mcpserver.WithToolCapabilities(false),
		mcpserver.WithLogging(),
		mcpserver.WithInstructions(instructions),
		mcpserver.WithTitle("Deep research on the live web"),
		mcpserver.WithLogger(plain.With("component", "mcp")),
		mcpserver.WithToolHandlerMiddleware(callContext),
	)
	h := &tools.Handlers{
		Search:   searchEngine,
		Browse:   browseEngine,
		Research: researchEngine,
		Log:      log.With("component", "tools"),
	}
	h.Register(s.MCP)
	return s, nil
}

// Close stops the browser (and every process it started) and the proxy.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		var errs []error
		if s.pool != nil {
			if err := s.pool.Close(); err != nil {
				errs = append(errs, fmt.Errorf("close browser: %w", err))
			}
		}
		if s.proxy != nil {
			if err := s.proxy.Close(); err != nil {
				errs = append(errs, fmt.Errorf("close egress proxy: %w", err))
			}
		}
		fetch.ClosePDFWorkers()
		s.closeErr = errors.Join(errs...)
	})
	return s.closeErr
}

// searchEndpoints are the search base URLs the operator configured: they may
// be on a private network (a local SearXNG) without --allow-private, for the
// search client only. The guard still refuses metadata addresses for them.
func searchEndpoints(cfg Config) ([]string, error) {
	var out []string
	for _, e := range []struct{ name, raw string }{
		{"SEARXNG_URL", cfg.SearXNGURL},
		{"DUCKDUCKGO_URL", cfg.DuckDuckGoURL},
		{"DEEPRESEARCH_BRAVE_URL", cfg.BraveURL},
		{"DEEPRESEARCH_SERPER_URL", cfg.SerperURL},
	} {
		if e.raw == "" {
			continue
		}
		if _, err := hostPort(e.raw); err != nil {
			return nil, fmt.Errorf("%s: %w", e.name, err)
		}
		out = append(out, e.raw)
	}
	for _, hp := range cfg.AllowHosts {
		if _, _, err := net.SplitHostPort(hp); err != nil {
			return nil, fmt.Errorf("DEEPRESEARCH_ALLOW_HOSTS: %q is not host:port", hp)
		}
	}
	return out, nil
}

func hostPort(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("%q is not a URL: %w", raw, err)
	}
	scheme := strings.ToLower(u.Scheme)
	if (scheme != "http" && scheme != "https") || u.Hostname() == "" {
		return "", fmt.Errorf("%q must be an http(s) URL such as https://search.example.org", raw)
	}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[scheme]
	}
	return net.JoinHostPort(u.Hostname(), port), nil
}

// shutdownGrace is how long in-flight calls get to finish on shutdown before
// their contexts are cancelled.
const shutdownGrace = 5 * time.Second
