package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

// TestHostileHiddenText: every trap of /hostile/hidden-css (text hidden by
// the page's stylesheet, style attributes in odd spellings, layout) and the
// stylesheet and layout tricks of /hostile/hidden stay out of browse_page's
// answer, over HTTP (auto and never) and in Chromium; text that only looks
// hidden (a fade-in, a font-size:0 row of inline blocks, white on a dark
// section, a print-only rule, an overridden rule, an open <details>)
// stays. Each trap is asserted on its own.
func TestHostileHiddenText(t *testing.T) {
	noLeaks(t)
	chromiumOrSkip(t)
	web := fixtures.Start()
	t.Cleanup(web.Close)
	s := spawnServer(t, env(web.URL))
	traps := fixtures.HiddenTraps()
	if len(traps) < 38 {
		t.Fatalf("only %d traps", len(traps))
	}
	for _, render := range []string{"never", "auto", "always"} {
		t.Run(render, func(t *testing.T) {
			res, _ := call(t, s.c, "browse_page", map[string]any{"url": web.URL + "/hostile/hidden-css", "render": render, "max_chars": 40000}, 45*time.Second)
			if res == nil || res.IsError {
				t.Fatalf("%v", res)
			}
			var out browseOut
			structured(t, res, &out)
			all := text(res) + out.Content + out.Title
			for _, l := range out.Links {
				all += l.Text
			}
			for _, name := range traps {
				if fixtures.RenderedOnlyTraps[name] && render != "always" {
					continue
				}
				if strings.Contains(all, "TRAP-"+name+" ") {
					t.Errorf("trap %s reached the model", name)
				}
			}
			for _, name := range fixtures.ShownControls() {
				if !strings.Contains(out.Content, "SHOWN-"+name) {
					t.Errorf("visible text %s was dropped", name)
				}
			}
			for _, f := range []string{"VISIBLE-CSS-FACT", "SECOND-CSS-FACT"} {
				if !strings.Contains(out.Content, f) {
					t.Errorf("%s is missing", f)
				}
			}
			if t.Failed() {
				t.Logf("content:\n%s", out.Content)
			}

			res, _ = call(t, s.c, "browse_page", map[string]any{"url": web.URL + "/hostile/hidden", "render": render}, 45*time.Second)
			if res == nil || res.IsError {
				t.Fatalf("/hostile/hidden: %v", res)
			}
			structured(t, res, &out)
			if sneaky := regexp.MustCompile(`SNEAKY-[A-Z-]+|PWNED-[A-Z-]+`).FindAllString(out.Content+text(res), -1); len(sneaky) > 0 {
				t.Errorf("/hostile/hidden: hidden text shown: %v", sneaky)
			}
		})
	}
}
