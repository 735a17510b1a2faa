package browser

import (
	"context"
	"strings"
	"testing"
)

// A local browser composites in its own process: no GPU process is
// started (--in-process-gpu), and pages still render.
func TestNoGPUProcess(t *testing.T) {
	s := benchSite(t)
	p := newTestPool(t, Config{MaxTabs: 1})
	r, err := p.Render(context.Background(), s.url("/article"))
	if err != nil || !strings.Contains(r.HTML, "rendered by script") {
		t.Fatalf("render: %v", err)
	}
	procs := browserProcs(p.BrowserPID())
	if len(procs) < 2 {
		t.Fatalf("only %d processes found for the browser: the check would be blind", len(procs))
	}
	for _, pi := range procs {
		if pi.kind == "gpu-process" {
			t.Errorf("process %d is a GPU process", pi.pid)
		}
	}
}
