package fetch

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// TestExtractPDFHostile: every hostile document ends quickly, in bounded
// memory, with its readable text or a clear error, and a document cut by a
// limit says so.
func TestExtractPDFHostile(t *testing.T) {
	for _, tc := range []struct {
		name, want, partial, err string
	}{
		{"self-tree", "", "page tree", ""},
		{"huge-count", "HUGE-COUNT-FACT", "", ""},
		{"many-kids", "MANY-KIDS-FACT", "more than 2000 pages", ""},
		{"inflate", "INFLATE-FACT", "MiB", ""},
		{"parent-loop", "", "/Parent chain", ""},
		{"deep", "", "nested deeper than 32", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			res := extractPDF(fixtures.HostilePDF(tc.name))
			// Unbounded, these spun forever; 20 s leaves room for -race
			// on two loaded cores (the inflate case reads 64 MiB).
			if took := time.Since(start); took > 20*time.Second {
				t.Errorf("took %v", took)
			}
			if res.Err != "" {
				t.Fatalf("error %q", res.Err)
			}
			if !strings.Contains(res.Text, tc.want) {
				t.Errorf("text %.200q, want %q", res.Text, tc.want)
			}
			if (tc.partial == "") != (res.Partial == "") || !strings.Contains(res.Partial, tc.partial) {
				t.Errorf("partial %q, want %q", res.Partial, tc.partial)
			}
			if len(res.Text) > pdfMaxTextBytes {
				t.Errorf("%d bytes of text, over the cap", len(res.Text))
			}
		})
	}
}

func TestPDFWorkerRunsOutOfProcess(t *testing.T) {
	if !workerHook.Load() {
		t.Fatal("TestMain did not register the worker")
	}
	text, title, partial, err := pdfText(context.Background(), fixtures.ReportPDF)
	if err != nil || !strings.Contains(text, fixtures.PDFPhrase) || title != fixtures.PDFTitle || partial != "" {
		t.Fatalf("report: %q %q %q %v", text, title, partial, err)
	}
	// A cancelled call stops the worker at once.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, _, err := pdfText(ctx, fixtures.HostilePDF("inflate")); err == nil {
		t.Fatal("a cancelled call returned a result")
	}
}
