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

// TestSuspicious: only values that can hide make a rule's elements
// candidates for the cascade; ordinary offsets, transforms and colours
// (in most stylesheets) do not.
func TestSuspicious(t *testing.T) {
	bgs := []rgba{{255, 255, 255, 255}, {16, 32, 48, 255}}
	for _, tc := range []struct {
		prop, val string
		want      bool
	}{
		{"display", "none", true}, {"display", "block", false},
		{"left", "-9999px", true}, {"left", "12px", false}, {"left", "9000px", true},
		{"top", "50%", false}, {"margin-left", "-100em", true},
		{"transform", "translatex(-50%)", false}, {"transform", "scale(0)", true},
		{"clip", "rect(0 0 0 0)", true}, {"clip-path", "inset(50%)", true}, {"clip-path", "none", false},
		{"color", "#333", false}, {"color", "transparent", true}, {"color", "#fff", true},
		{"color", "#102030", true}, {"color", "rgba(0,0,0,0)", true}, {"color", "var(--fg)", false},
		{"font-size", "0", true}, {"font-size", "14px", false},
	} {
		if got := suspicious(cssDecl{prop: tc.prop, val: tc.val}, bgs); got != tc.want {
			t.Errorf("%s: %s = %v, want %v", tc.prop, tc.val, got, tc.want)
		}
	}
}
