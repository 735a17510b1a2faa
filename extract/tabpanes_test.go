package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// A product page whose tabs are drawn without ARIA: a bar of labels and as
// many panes, the first shown, the others hidden by the inline style the
// tab script switches. Beside it, hidden text no tab opens.
func TestFromHTMLTabPanesAreRead(t *testing.T) {
	content := `<main><div class="item"><h1>Kestrel 14 Trail Stove</h1><p class="cost">$89.00</p>
<p>A folding wood and gas stove that packs into its own pot, for walkers who cook on the hill rather than carry meals in.</p>
<div class="tabbox"><div class="row"><div class="tabnav"><div class="tabnav-item is-on" data-pane="about">About</div><div class="tabnav-item" data-pane="spec">Specifications</div><div class="tabnav-item" data-pane="box">In the box <span>(4)</span></div><div class="ask"><a href="/q">Ask a question</a></div></div></div>
<div class="panes"><div class="pane" style="display:block"><p>The burner takes a screw-on cartridge or a handful of twigs, and the pot stand folds flat between them.</p></div>
<div class="pane" style="display:none"><table><tr><th>Weight</th><td>412 g</td></tr><tr><th>Boil time</th><td>3 min 40 s per litre</td></tr><tr><th>Material</th><td>Grade 304 stainless steel</td></tr></table></div>
<div class="pane" style="display: none;"><ul><li>Stove body with folding legs</li><li>Titanium windshield</li><li>Pot of 900 ml with lid</li><li>Drawstring stuff sack</li></ul></div></div></div>
<div class="notes"><div class="note"><p>Ships in a recycled carton.</p></div><div class="note" style="display:none"><p>SECRETN a note no tab opens</p></div></div>
<div class="more"><div class="links"><span class="lk">Manuals</span><span class="lk">Spares</span></div>
<div class="grp"><p>Manual downloads are on the support page.</p></div><div class="grp" style="display:none"><a href="/ignored">SECRETL show ignored content</a></div></div>
<div class="promo"><div class="bar"><b class="t">Deals</b><b class="t">Bundles</b></div>
<div class="offer"><p>Spare cartridges are sold separately.</p></div><div class="offer" style="display:none !important"><p>SECRETI hidden for good</p></div></div>
</div></main>`
	chrome := `<nav><div class="menu-tabs"><span class="mt">Camp</span><span class="mt">Cook</span></div><div class="menu-panel">Tents</div><div class="menu-panel" style="display:none"><p>SECRETM pans and stoves menu</p></div></nav>
<script>document.querySelectorAll('.tabnav-item').forEach(function(t){t.onclick=function(){}})</script>`
	d, err := FromHTML(page(`<title>Kestrel 14 Trail Stove | Hillcook</title><meta property="og:type" content="product">`, siteChrome(chrome+content)), mustURL(t, "https://hillcook.example.com/kestrel-14"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"pot stand folds flat", "412 g", "3 min 40 s per litre", "Grade 304 stainless steel", "Titanium windshield", "Drawstring stuff sack"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("tab pane text %q lost:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(d.Markdown, "SECRET") {
		t.Errorf("hidden text leaked:\n%s", d.Markdown)
	}
}

func TestRevealTabPanes(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string // ids of the panes unhidden
	}{
		{"bar before the panes' box", `<div><div class="nav"><a class="t on">One</a><a class="t">Two</a><a class="t">Three</a></div></div>
<div id="p"><div class="pane" id="a">first</div><div class="pane" id="b" style="display:none">second</div><div class="pane" id="c" hidden>third</div></div>`, []string{"b", "c"}},
		{"bar among the panes' siblings", `<div id="p"><ul class="tabs"><li class="tab active">Pros</li><li class="tab">Cons</li></ul>
<div class="panel" id="a">light</div><div class="panel" id="b" style="display:none">dear</div></div>`, []string{"b"}},
		{"one label short of the panes", `<div class="nav"><a class="t">One</a><a class="t">Two</a></div>
<div id="p"><div class="pane" id="a">first</div><div class="pane" id="b" style="display:none">second</div><div class="pane" id="c" style="display:none">third</div></div>`, nil},
		{"no bar", `<div id="p"><div class="pane" id="a">first</div><div class="pane" id="b" style="display:none">second</div></div>`, nil},
		{"labels without words (a carousel's dots)", `<div class="dots"><button class="d"></button><button class="d"></button></div>
<div id="p"><div class="slide" id="a">first</div><div class="slide" id="b" style="display:none">second</div></div>`, nil},
		{"every pane hidden (no tab shown)", `<div class="nav"><a class="t">One</a><a class="t">Two</a></div>
<div id="p"><div class="pane" id="a" style="display:none">first</div><div class="pane" id="b" style="display:none">second</div></div>`, nil},
		{"a hidden pane that is a link only", `<div class="nav"><a class="t">One</a><a class="t">Two</a></div>
<div id="p"><div class="pane" id="a">first</div><div class="pane" id="b" style="display:none"><a href="/x">Show more</a></div></div>`, nil},
		{"a hidden pane that is a menu", `<div class="nav"><a class="t">One</a><a class="t">Two</a></div>
<div id="p"><div class="pane" id="a">first</div><div class="pane" id="b" role="menu" style="display:none">second</div></div>`, nil},
		{"a pane hidden with !important", `<div class="nav"><a class="t">One</a><a class="t">Two</a></div>
<div id="p"><div class="pane" id="a">first</div><div class="pane" id="b" style="display:none!important">second</div></div>`, nil},
		{"labels that are paragraphs", `<div class="nav"><p class="t">` + strings.Repeat("a long label of words ", 4) + `</p><p class="t">` + strings.Repeat("another long label ", 4) + `</p></div>
<div id="p"><div class="pane" id="a">first</div><div class="pane" id="b" style="display:none">second</div></div>`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + tc.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			revealTabPanes(findID(doc, "p"), &defaultConfig)
			var got []string
			for _, id := range []string{"a", "b", "c"} {
				if n := findID(doc, id); n != nil && isPanel(n) && !ownHidden(n) {
					got = append(got, id)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("unhidden %v, want %v", got, tc.want)
			}
		})
	}
}

func findID(n *html.Node, id string) *html.Node {
	if n.Type == html.ElementNode && getAttr(n, "id") == id {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findID(c, id); f != nil {
			return f
		}
	}
	return nil
}

// The walk looks at each element's children, a few siblings before them
// and a bounded part of each pane: a page of many tab widgets side by
// side, or of rows of look-alikes too many to be tabs, costs each a
// bounded look. (Nesting is bounded by the parser's depth limit.)
func TestRevealTabPanesGrowsLinearly(t *testing.T) {
	widget := `<div><div class="nav"><a class="t">One</a><a class="t">Two</a></div></div><div><div class="pane">shown</div><div class="pane" style="display:none"><p>pane text</p></div></div>`
	shapes := []struct {
		name string
		gen  func(n int) string
	}{
		{"side by side", func(n int) string { return strings.Repeat(widget, n) }},
		{"wide rows of look-alikes", func(n int) string {
			return strings.Repeat(`<div class="nav">`+strings.Repeat(`<a class="t">Tab</a>`, 20)+`</div><div>`+strings.Repeat(`<div class="pane" style="display:none">x</div>`, 20)+`</div>`, n)
		}},
	}
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			run := func(n int) func() time.Duration {
				doc, err := html.Parse(strings.NewReader("<html><body>" + sh.gen(n) + "</body></html>"))
				if err != nil {
					t.Fatal(err)
				}
				return func() time.Duration {
					start := time.Now()
					revealDisclosures(doc, &defaultConfig)
					return time.Since(start)
				}
			}
			const n = 4000
			eighth, whole, ok := growsLinearly(run(n/8), run(n), 200*time.Millisecond)
			if !ok {
				t.Errorf("%d widgets took %v, an eighth %v: want linear", n, whole, eighth)
			}
		})
	}
}

// FuzzRevealTabPanes: any markup, no panic, and a pane its page hides with
// !important stays hidden.
func FuzzRevealTabPanes(f *testing.F) {
	f.Add(`<div class="nav"><a class="t">One</a><a class="t">Two</a></div><div><div class="pane">a</div><div class="pane" style="display:none">b</div></div>`)
	f.Add(`<ul><li>x</li><li>y</li></ul><div hidden>z</div><div>w</div>`)
	f.Add(`<div><div class="p" style="display:none!important">s</div><div class="p">t</div></div>`)
	f.Fuzz(func(t *testing.T, body string) {
		doc, err := html.Parse(strings.NewReader("<html><body>" + body + "</body></html>"))
		if err != nil {
			return
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode {
					revealTabPanes(c, &defaultConfig)
					for k := c.FirstChild; k != nil; k = k.NextSibling {
						if k.Type == html.ElementNode && importantHiding(k) && isPanel(k) {
							t.Fatalf("an !important-hidden pane was revealed: %q", getAttr(k, "style"))
						}
					}
					walk(c)
				}
			}
		}
		walk(doc)
	})
}
