package extract

import (
	"net/url"
	"strings"
	"testing"

	"github.com/deepresearch-mcp/deepresearch-mcp/fixtures"
)

func TestHiddenCSSPageHTTP(t *testing.T) {
	page := fixtures.HiddenCSSPage()
	u, _ := url.Parse("https://example.org/x")
	doc, err := FromHTML(page, u)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range fixtures.HiddenTraps() {
		if fixtures.RenderedOnlyTraps[name] {
			continue
		}
		if strings.Contains(doc.Markdown, "TRAP-"+name+" ") {
			t.Errorf("trap %s shown", name)
		}
	}
	for _, name := range fixtures.ShownControls() {
		if !strings.Contains(doc.Markdown, "SHOWN-"+name) {
			t.Errorf("control %s lost", name)
		}
	}
	for _, f := range []string{"VISIBLE-CSS-FACT", "SECOND-CSS-FACT"} {
		if !strings.Contains(doc.Markdown, f) {
			t.Errorf("%s lost:\n%s", f, doc.Markdown)
		}
	}
}
