package e2e

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/tools/browser"
)

// chromiumOrSkip skips on a developer machine without a browser the binary
// would find (the headless shell or Chromium), and fails in CI.
func chromiumOrSkip(t *testing.T) {
	t.Helper()
	if _, ok := browser.LookBinary(); ok {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("Chromium is required in CI (.ci/run installs it)")
	}
	t.Skip("Chromium not installed")
}

// processesWithMarker lists the pids whose environment carries marker: the
// server and every process it started inherit it.
func processesWithMarker(marker string) []string {
	var pids []string
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		env, err := os.ReadFile(filepath.Join(d, "environ"))
		if err == nil && bytes.Contains(env, []byte(marker)) {
			pids = append(pids, filepath.Base(d))
		}
	}
	return pids
}

// TestShutdownLeavesNoChromium: after a rendered page, closing stdin must
// stop the server and every Chromium process it launched.
func TestShutdownLeavesNoChromium(t *testing.T) {
	chromiumOrSkip(t)
	if _, err := os.Stat("/proc/self/environ"); err != nil {
		t.Skip("needs /proc")
	}
	web := startWeb(t)
	var b [8]byte
	_, _ = rand.Read(b[:])
	marker := "DEEPRESEARCH_E2E_MARK=" + hex.EncodeToString(b[:])
	r := startRaw(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1", marker))
	r.send(t, rawInit)
	r.collect(t, "1")
	r.send(t, `{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	r.send(t, `{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"browse_page","arguments":{"url":"`+web.URL+`/pages/article","render":"always"}}}`)
	got := r.collect(t, "2")
	rendered := !strings.Contains(string(got["2"].Result), `"isError":true`)
	if !rendered {
		t.Logf("render failed (browse may not be built yet): %s", got["2"].Result)
	}
	during := processesWithMarker(marker)
	r.stdin.Close()
	r.drain(t)
	select {
	case err := <-r.exited:
		if err != nil {
			t.Errorf("exit: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("server did not exit after stdin EOF")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		left := processesWithMarker(marker)
		if len(left) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("processes left after shutdown: %v (while running: %v)", left, during)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if rendered && len(during) < 2 {
		t.Logf("note: only %d process(es) carried the marker while rendering; Chromium may not inherit the environment", len(during))
	}
}
