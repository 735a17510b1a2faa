package e2e

import (
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// foldLookAlikes maps what a model could read as the fence marker onto the
// ASCII marker: full-width forms to ASCII, look-alike brackets to < and >,
// dashes, underscores and spaces to -, and lower case. The test counts
// markers in the folded text, independently of how the server defuses them.
func foldLookAlikes(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case strings.ContainsRune("＜﹤‹〈⟨❮〈", r):
			r = '<'
		case strings.ContainsRune("＞﹥›〉⟩❯〉", r):
			r = '>'
		case strings.ContainsRune("／⁄∕", r):
			r = '/'
		case r == '_' || r == '-' || r >= 0x2010 && r <= 0x2015 || r == 0x2212 || unicode.IsSpace(r):
			r = '-'
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// outsideFences is the text with every real fence (the call's own id) cut out.
func outsideFences(t *testing.T, txt string) string {
	t.Helper()
	opens, closes := fenceOpen.FindAllStringSubmatchIndex(txt, -1), fenceClose.FindAllStringSubmatchIndex(txt, -1)
	if len(opens) != len(closes) {
		t.Errorf("%d opening and %d closing markers:\n%s", len(opens), len(closes), txt)
		return txt
	}
	out, at := "", 0
	for i := range opens {
		out += txt[at:opens[i][0]]
		at = closes[i][1]
	}
	return out + txt[at:]
}

// TestHostileTextOutsideFence: nothing a page or server controls reaches the
// model outside the fence in a readable form — the URL line after a redirect
// or a history.replaceState is re-serialised, percent-encoded and capped;
// errors about malformed headers, status lines, codings and redirect targets
// never quote the server's bytes; deep_research's search list is fenced;
// and look-alike fence markers are defused like the real one.
func TestHostileTextOutsideFence(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	s := spawnServer(t, env(web.URL))
	phrase := foldLookAlikes(fixtures.InjectionPhrase)

	type row struct {
		path, render string
		isError      bool
	}
	rows := []row{
		{"/hostile/location", "never", false},
		{"/hostile/location", "always", false},
		{"/hostile/replace-state", "always", false},
		{"/hostile/bad-header", "never", true},
		{"/hostile/bad-status", "never", true},
		{"/hostile/bad-encoding", "never", true},
		{"/hostile/bad-scheme", "never", true},
		{"/hostile/fence-lookalike", "never", false},
	}
	each(rows, 4, func(r row) {
		res, _ := call(t, s.c, "browse_page", map[string]any{"url": web.URL + r.path, "render": r.render}, 45*time.Second)
		if res == nil {
			return
		}
		txt := text(res)
		if res.IsError != r.isError {
			t.Errorf("%s render=%s: isError=%v, want %v: %.300q", r.path, r.render, res.IsError, r.isError, txt)
			return
		}
		out := foldLookAlikes(outsideFences(t, txt))
		if strings.Contains(out, phrase) {
			t.Errorf("%s render=%s: page-controlled words outside the fence:\n%s", r.path, r.render, txt)
		}
		// Outside the fences the only marker is the one the warning names.
		if n := strings.Count(out, "<untrusted-web-content") + strings.Count(out, "</untrusted-web-content"); n > 1 {
			t.Errorf("%s render=%s: %d marker-like strings outside the fences:\n%s", r.path, r.render, n, txt)
		}
		if !res.IsError {
			opens := len(fenceOpen.FindAllString(txt, -1))
			if n := strings.Count(foldLookAlikes(txt), "<untrusted-web-content") + strings.Count(foldLookAlikes(txt), "</untrusted-web-content"); n != 2*opens+1 {
				t.Errorf("%s render=%s: %d marker-like strings, want %d (the real markers and the warning):\n%s", r.path, r.render, n, 2*opens+1, txt)
			}
			line, _, _ := strings.Cut(txt, "\n")
			if !strings.HasPrefix(line, "URL: ") || len(line) > 420 || strings.ContainsAny(strings.TrimPrefix(line, "URL: "), " <>\"") || strings.IndexFunc(line, func(r rune) bool { return r > 0x7e && r != '…' }) >= 0 {
				t.Errorf("%s render=%s: the URL line is not a safe, capped URL: %.500q", r.path, r.render, line)
			}
		}
	})

	// deep_research: the searches it ran (follow-ups come from page text)
	// are inside a fence.
	res, _ := call(t, s.c, "deep_research", map[string]any{"question": "how do lighthouse lamps turn", "max_pages": 3, "time_budget_s": 30}, 60*time.Second)
	if res != nil {
		txt := text(res)
		if !strings.Contains(txt, "Searches run") {
			t.Errorf("deep_research lists no searches:\n%s", txt)
		}
		if out := outsideFences(t, txt); strings.Contains(out, "Searches run:") {
			t.Errorf("deep_research's searches are outside the fence:\n%s", txt)
		}
	}
}
