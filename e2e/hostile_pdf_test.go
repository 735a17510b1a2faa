package e2e

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// cpuTicks is the user+system CPU time of pid in clock ticks.
func cpuTicks(pid int) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return -1
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	u, _ := strconv.Atoi(f[11])
	st, _ := strconv.Atoi(f[12])
	return u + st
}

// TestHostilePDFs: PDFs built to make a parser spin (a page tree that
// contains itself, /Count 2e12, 200,000 kids, a /Parent cycle, 100,000
// levels) or explode (one stream inflated into 1 GB of text) are each
// answered well within the call's time, in bounded memory, by a worker
// process; afterwards nothing keeps burning CPU.
// A document cut by a limit says so, also when it comes from the cache.
func TestHostilePDFs(t *testing.T) {
	noLeaks(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	s := spawnServer(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
	pid := s.cmd.Process.Pid
	if res, _ := call(t, s.c, "browse_page", map[string]any{"url": web.URL + "/pages/report.pdf"}, 90*time.Second); res == nil || res.IsError || !strings.Contains(text(res), fixtures.PDFPhrase) {
		t.Fatalf("a good PDF: %v", res)
	}
	before := procStatusKB(pid, "VmHWM")

	type row struct {
		name, want, partial string
	}
	rows := []row{
		{"self-tree", "", "contain itself"},
		{"huge-count", "HUGE-COUNT-FACT", ""},
		{"many-kids", "MANY-KIDS-FACT", "more than 2000 pages"},
		{"inflate", "INFLATE-FACT", "only part of the document was read"},
		{"parent-loop", "", "/Parent chain"},
		{"deep", "", "nested deeper"},
	}
	each(rows, len(rows), func(r row) {
		res, took := call(t, s.c, "browse_page", map[string]any{"url": web.URL + "/hostile/pdf/" + r.name, "render": "never"}, 60*time.Second)
		if res == nil {
			return
		}
		txt := text(res)
		if res.IsError {
			t.Errorf("%s: isError after %v: %.300q", r.name, took, txt)
			return
		}
		var out browseOut
		structured(t, res, &out)
		if !strings.Contains(out.Content, r.want) {
			t.Errorf("%s: content %.200q lacks %q", r.name, out.Content, r.want)
		}
		if r.partial != "" && (!strings.Contains(out.Note, "only part of the document was read") || !strings.Contains(out.Note+txt, r.partial)) {
			t.Errorf("%s: a cut document does not say so: note %q", r.name, out.Note)
		}
		if r.partial == "" && out.Note != "" {
			t.Errorf("%s: a whole document with a note: %q", r.name, out.Note)
		}
		if out.TotalChars > 4<<20 {
			t.Errorf("%s: %d characters kept", r.name, out.TotalChars)
		}
		t.Logf("%-12s %6v %d chars, note %q", r.name, took.Round(time.Millisecond), out.TotalChars, out.Note)
	})
	// From the cache, the cut document still says it is cut.
	res, _ := call(t, s.c, "browse_page", map[string]any{"url": web.URL + "/hostile/pdf/inflate", "render": "never", "offset": 1000}, 30*time.Second)
	if res != nil {
		var out browseOut
		structured(t, res, &out)
		if !out.Cached || !strings.Contains(out.Note, "only part of the document was read") {
			t.Errorf("the cached cut document: cached=%v note %q", out.Cached, out.Note)
		}
	}

	after := procStatusKB(pid, "VmHWM")
	t.Logf("server peak RSS %d MB before, %d MB after", before>>10, after>>10)
	if after-before > 300<<10 {
		t.Errorf("the server's peak RSS grew by %d MB parsing hostile PDFs", (after-before)>>10)
	}
	// Nothing keeps working once the answers are in: at most two idle
	// PDF workers are kept, and the server and they idle (under 0.3 s of
	// CPU in 2 s between them).
	time.Sleep(300 * time.Millisecond)
	procs := []int{pid}
	for _, p := range descendants(pid) {
		if strings.Contains(p.cmdline, "pdf-worker") {
			procs = append(procs, p.pid)
		}
	}
	if len(procs) > 3 {
		t.Errorf("%d PDF workers after the calls, want at most 2", len(procs)-1)
	}
	ticks := func() (n int) {
		for _, p := range procs {
			n += max(cpuTicks(p), 0)
		}
		return n
	}
	c0 := ticks()
	time.Sleep(2 * time.Second)
	if d := ticks() - c0; d > 30 {
		t.Errorf("the server and its PDF workers burnt %d ticks of CPU in 2 s after the calls: a parse is still running", d)
	}
}
