package e2e

import (
	"fmt"
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// leakOptions ignore goroutines that outlive a test by design: the HTTP
// client's idle connections (closed by CloseIdleConnections, but their
// goroutines end a moment later) and the test runner's own.
var leakOptions = []goleak.Option{
	goleak.IgnoreTopFunction("internal/poll.runtime_pollWait"),
	goleak.IgnoreAnyFunction("net/http.(*persistConn).readLoop"),
	goleak.IgnoreAnyFunction("net/http.(*persistConn).writeLoop"),
}

// baseline is what a test started with: its goroutines, open files and
// child processes. check waits (a little) for everything to come back to
// it once the test's own cleanups ran.
type baseline struct {
	goroutines goleak.Option
	fds        int
}

func takeBaseline() baseline {
	http.DefaultClient.CloseIdleConnections()
	return baseline{goroutines: goleak.IgnoreCurrent(), fds: openFDs("self")}
}

func (b baseline) check() error {
	var problems []string
	deadline := time.Now().Add(10 * time.Second)
	for {
		problems = problems[:0]
		http.DefaultClient.CloseIdleConnections()
		if kids := descendants(os.Getpid()); len(kids) > 0 {
			var s []string
			for _, k := range kids {
				s = append(s, fmt.Sprintf("%d %.80s", k.pid, k.cmdline))
			}
			problems = append(problems, "processes left: "+strings.Join(s, "; "))
		}
		if n := openFDs("self"); n > b.fds {
			problems = append(problems, fmt.Sprintf("%d open files, %d at the start", n, b.fds))
		}
		if len(problems) == 0 || time.Now().After(deadline) {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if err := goleak.Find(append([]goleak.Option{b.goroutines}, leakOptions...)...); err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "\n"))
	}
	return nil
}

// noLeaks checks, after the test and all its cleanups, that its goroutines,
// open files and processes (spawned servers and their Chromium) are gone.
// Call it first in a test, so its cleanup runs last.
func noLeaks(t *testing.T) {
	t.Helper()
	b := takeBaseline()
	t.Cleanup(func() {
		if err := b.check(); err != nil {
			t.Errorf("leak after the test: %v", err)
		}
	})
}

// TestLeakShutdown: a server that rendered pages, searched and was then
// closed (stdin EOF for stdio, SIGTERM for HTTP) leaves no Chromium, no
// process, no open file and no goroutine behind in the test.
func TestLeakShutdown(t *testing.T) {
	chromiumOrSkip(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	b := takeBaseline()

	// stdio
	s := spawnServer(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
	for _, args := range []map[string]any{
		{"url": web.URL + "/pages/spa", "render": "always"},
		{"url": web.URL + "/pages/slow-subresource", "render": "always"},
	} {
		if res, _ := call(t, s.c, "browse_page", args, 60*time.Second); res == nil || res.IsError {
			t.Fatalf("render: %v", res)
		}
	}
	if n := len(chromiumBelow(s.cmd.Process.Pid, "*")); n == 0 {
		t.Fatal("no Chromium below the server while it renders: the test cannot see what it checks")
	} else {
		t.Logf("%d Chromium processes while serving over stdio", n)
	}
	if err := s.c.Close(); err != nil {
		t.Logf("close: %v", err)
	}

	// HTTP, stopped by SIGTERM.
	endpoint, cmd := startHTTPServer(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
	c := httpClient(t, endpoint)
	if res, _ := call(t, c, "browse_page", map[string]any{"url": web.URL + "/pages/spa", "render": "always"}, 60*time.Second); res == nil || res.IsError {
		t.Fatalf("render over HTTP: %v", res)
	}
	c.Close()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for len(descendants(os.Getpid())) > 0 && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	if err := b.check(); err != nil {
		t.Fatalf("after shutdown: %v", err)
	}
}
