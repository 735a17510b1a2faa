package extract

import (
	"net/url"
	"runtime"
	"testing"
	"time"
)

// BenchmarkFromHTMLCallerCPU: FromHTML on every WCXB page, reporting the
// CPU time of the caller's thread alone (cpu-ms/op). That thread runs
// the page's serial parts (parse, cleaning, the passes before the
// extractors, the tail after them) and trafilatura's side; readability's
// side and the aside run on goroutines of their own. Work moved off the
// serial path onto the idle core shows here as less CPU, on a loaded
// host too, where ns/op says little.
func BenchmarkFromHTMLCallerCPU(b *testing.B) {
	pages := loadWCXBHTML(b)
	u, _ := url.Parse("https://www.example.com/section/page.html")
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ReportAllocs()
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		start := threadCPU()
		if _, err := FromHTML(pages[i%len(pages)], u); err != nil {
			b.Fatal(err)
		}
		cpu += threadCPU() - start
	}
	b.ReportMetric(float64(cpu)/float64(b.N)/1e6, "cpu-ms/op")
}
