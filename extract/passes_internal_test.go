package extract

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// passesWCXBDir is WCXB beside the repository (the same set as
// wcxbbench_test.go's; this package's own tests cannot import score).
var passesWCXBDir = filepath.Join("..", "..", "shared", "datasets", "wcxb", "html")

// loadWCXBHTML reads every WCXB page, prepared as FromHTML prepares its
// input, in id order: skipped when the set is absent, except in CI.
func loadWCXBHTML(b *testing.B) []string {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(passesWCXBDir, "*.html.gz"))
	if len(files) == 0 {
		if os.Getenv("CI") == "true" {
			b.Fatalf("benchmark data missing at %s (CI must have ../shared/datasets)", passesWCXBDir)
		}
		b.Skipf("benchmark data not found at %s; skipping", passesWCXBDir)
	}
	sort.Strings(files)
	pages := make([]string, 0, len(files))
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(fh)
		if err != nil {
			b.Fatal(err)
		}
		raw, err := io.ReadAll(zr)
		_ = fh.Close()
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, prepareInput(string(raw)))
	}
	return pages
}

// BenchmarkTreePasses times the passes FromHTML runs on the whole tree
// before the extractors start (and one beside them), one WCXB page per iteration, each on a
// fresh copy of the tree it is given in FromHTML (the copy is not timed):
// they run on one core while the other waits, so each millisecond of
// theirs is one of the page's.
func BenchmarkTreePasses(b *testing.B) {
	pages := loadWCXBHTML(b)
	parsed := make([]*html.Node, len(pages)) // as revealDisclosures gets it
	cleaned := make([]*html.Node, len(pages))
	for i, s := range pages {
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			b.Fatal(err)
		}
		parsed[i] = doc
		if cleaned[i], err = parseClean(s); err != nil {
			b.Fatal(err)
		}
	}
	for _, tc := range []struct {
		name  string
		trees []*html.Node
		pass  func(*html.Node)
	}{
		// The stylesheets' early parse (cssearly.go) runs beside the
		// page's; here applyStyles parses them itself.
		{"cleanParsed", parsed, func(n *html.Node) { cleanParsed(n, nil) }},
		{"revealDisclosures", parsed, func(n *html.Node) { revealDisclosures(n, &defaultConfig) }},
		{"dropAuthorCards", cleaned, func(n *html.Node) { dropAuthorCards(n, &defaultConfig) }},
		// Beside the extractors (fromTree's aside), on the same tree.
		{"postSignatures", cleaned, func(n *html.Node) { _ = postSignatures(n, &defaultConfig) }},
	} {
		b.Run(tc.name, func(b *testing.B) {
			// The pass's own CPU time, on its thread only: wall time on a
			// shared machine, and the untimed copies' garbage collection
			// on other threads, say little about the pass.
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			b.ReportAllocs()
			var cpu time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				doc := cloneNode(tc.trees[i%len(tc.trees)])
				b.StartTimer()
				start := threadCPU()
				tc.pass(doc)
				cpu += threadCPU() - start
			}
			b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
		})
	}
}

// threadCPU is the CPU time the calling thread has used (user and system).
func threadCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_THREAD, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkCleanParsedEarly: cleanParsed as FromHTML runs it, with the
// early parse of the page's sheets made (cssearly.go; neither it nor the
// HTML parse is timed): what is left of it on the page's one core.
func BenchmarkCleanParsedEarly(b *testing.B) {
	pages := loadWCXBHTML(b)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := pages[i%len(pages)]
		b.StopTimer()
		early := startSheetParse(s)
		doc, _ := html.Parse(strings.NewReader(s))
		early.wait()
		b.StartTimer()
		start := threadCPU()
		cleanParsed(doc, early)
		cpu += threadCPU() - start
	}
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
}
