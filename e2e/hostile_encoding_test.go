package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// TestHostileEncodingChains: a Content-Encoding chain longer than browsers
// decode is refused with a clear isError (never one decoder per entry: the
// server's peak memory stays flat while four such calls run at once), a
// header block over the cap is refused, and a two-layer bomb stays capped
// after decompression. The server keeps serving afterwards.
func TestHostileEncodingChains(t *testing.T) {
	noLeaks(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	s := spawnServer(t, env(web.URL, "DEEPRESEARCH_ALLOW_PRIVATE=1"))
	pid := s.cmd.Process.Pid
	if res, _ := call(t, s.c, "browse_page", map[string]any{"url": web.URL + "/pages/article", "render": "never"}, 30*time.Second); res == nil || res.IsError {
		t.Fatalf("warm-up: %v", res)
	}
	before := procStatusKB(pid, "VmHWM")

	reChain := regexp.MustCompile(`Content-Encoding lists more than 2 codings`)
	type row struct {
		path, render string
		want         *regexp.Regexp
	}
	rows := []row{
		// Under the header cap: reaches the decoder, which refuses the chain.
		{"/hostile/encoding-chain?n=60000", "never", reChain},
		{"/hostile/encoding-chain?n=60000&b", "never", reChain},
		{"/hostile/encoding-chain?n=60000&c", "never", reChain},
		{"/hostile/encoding-chain?n=60000&d", "never", reChain},
		// 900 KB of header: over the header cap.
		{"/hostile/encoding-chain?n=300000", "never", regexp.MustCompile(`response headers are larger than 256 KiB`)},
		// Valid but thrice compressed: refused like any long chain.
		{"/hostile/gzip3", "never", reChain},
		// Two layers are decoded, and the cap holds after both.
		{"/hostile/bomb2", "never", reTooLarge},
	}
	each(rows, 4, func(r row) {
		res, _ := call(t, s.c, "browse_page", map[string]any{"url": web.URL + r.path, "render": r.render}, 30*time.Second)
		if res == nil {
			return
		}
		txt := text(res)
		if !res.IsError || !r.want.MatchString(txt) {
			t.Errorf("%s: want an isError matching %q, got isError=%v %.300q", r.path, r.want, res.IsError, txt)
		}
		if strings.Contains(txt, "br,br") || strings.Contains(txt, "GZIP3-FACT") {
			t.Errorf("%s: the answer carries the server's bytes: %.300q", r.path, txt)
		}
	})
	after := procStatusKB(pid, "VmHWM")
	t.Logf("server peak RSS: %d MB before, %d MB after the hostile encodings", before>>10, after>>10)
	if after-before > 200<<10 {
		t.Errorf("the server's peak RSS grew by %d MB on four encoding chains: decoders are built per entry", (after-before)>>10)
	}
	if res, _ := call(t, s.c, "browse_page", map[string]any{"url": web.URL + "/pages/article", "render": "never"}, 30*time.Second); res == nil || res.IsError {
		t.Fatalf("the server stopped serving after the encoding chains: %v", res)
	}
}
