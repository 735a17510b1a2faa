// Package e2e drives the built deepresearch-mcp binary the way MCP clients
// do: over stdio with mcp-go's client at protocol 2025-11-25 (what Claude and
// MCP Inspector negotiate), and with raw pipes to check the wire itself.
package e2e

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bin is the binary under test, built once by TestMain.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "deepresearch-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	bin = filepath.Join(dir, "deepresearch-mcp")
	args := []string{"build", "-o", bin}
	if raceEnabled {
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, "../cmd/deepresearch-mcp")...)
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building the binary failed:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	start := takeBaseline()
	code := m.Run()
	// Whatever the tests spawned (servers, their Chromium) is gone, and
	// no goroutine or open file outlives them.
	if code == 0 {
		if err := start.check(); err != nil {
			fmt.Fprintln(os.Stderr, "e2e: leaked after all tests:", err)
			code = 1
		}
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// env is a clean environment for the binary: the caller's settings for
// deepresearch-mcp are dropped so a developer's shell cannot change a test,
// and search points at the fixture web (tests never touch the internet).
// The fixture web's host:port is allowed for page reads (--allow-host):
// configuring it as the search endpoint alone does not open it to pages.
// A test that must not allow it passes DEEPRESEARCH_ALLOW_HOSTS= in extra
// (the last value of a variable wins).
func env(fixtureURL string, extra ...string) []string {
	var out []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "DEEPRESEARCH_") || k == "SEARXNG_URL" || k == "BRAVE_API_KEY" || k == "SERPER_API_KEY" || k == "DUCKDUCKGO_URL" {
			continue
		}
		out = append(out, kv)
	}
	out = append(out,
		"DEEPRESEARCH_SEARCH=searxng",
		"SEARXNG_URL="+fixtureURL+"/searxng",
		"DUCKDUCKGO_URL="+fixtureURL+"/ddg",
		"DEEPRESEARCH_LOG_LEVEL=debug",
	)
	if u, err := url.Parse(fixtureURL); err == nil && u.Host != "" {
		out = append(out, "DEEPRESEARCH_ALLOW_HOSTS="+u.Host)
	}
	// No DEEPRESEARCH_BROWSER: the binary picks its browser as it does for
	// users (the headless shell when installed, see tools/browser LookBinary).
	return append(out, extra...)
}
