package extract

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestIsCardGrid(t *testing.T) {
	card := func(i int) string {
		return fmt.Sprintf(`<li class="item product"><a href="/p/%d" class="photo"><img src="/i/%d.jpg" alt=""></a>
<div class="details"><strong><a href="/p/%d">Walnut stool no. %d</a></strong><span class="price">$%d.00</span></div></li>`, i, i, i, i, 40+i)
	}
	for _, tc := range []struct {
		name string
		ol   string
		want bool
	}{
		{"a grid of cards", "<ol class=\"products list\">" + card(1) + card(2) + card(3) + "</ol>", true},
		{"a card in a link holding blocks",
			`<ol><li><a href="/a"><div>Desk lamp</div><div>$30</div></a></li><li><a href="/b"><div>Floor lamp</div><div>$80</div></a></li>` +
				`<li><a href="/c"><div>Clip lamp</div><div>$20</div></a></li></ol>`, true},
		{"two cards are not yet a grid", "<ol>" + card(1) + card(2) + "</ol>", false},
		{"steps open with words",
			`<ol><li><p>Unplug the kettle.</p><p>Let it cool.</p></li><li><p>Fill it with vinegar.</p><p>Wait an hour.</p></li>` +
				`<li><p>Rinse twice.</p><p><a href="/descale">More on descaling</a></p></li></ol>`, false},
		{"ranked links, one line each",
			`<ol><li><a href="/a">First pick</a> for its price</li><li><a href="/b">Second pick</a>, quieter</li><li><a href="/c">Third pick</a></li></ol>`, false},
		{"a link with its text beside it in one paragraph",
			`<ol><li><p><a href="/a">Bread knife</a>: for crusts.</p></li><li><p><a href="/b">Paring knife</a>: for fruit.</p></li><li><p><a href="/c">Chef's knife</a>: for the rest.</p></li></ol>`, false},
		{"most items must be cards",
			"<ol>" + card(1) + `<li>Ask us about bulk orders.</li><li>Or call the shop.</li></ol>`, false},
	} {
		doc, err := html.Parse(strings.NewReader("<body>" + tc.ol + "</body>"))
		if err != nil {
			t.Fatal(err)
		}
		ol := findElement(doc, atom.Ol)
		if ol == nil {
			t.Fatalf("%s: no ol", tc.name)
		}
		if got := isCardGrid(ol, &defaultConfig); got != tc.want {
			t.Errorf("%s: isCardGrid = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestFromHTMLCardGridUnnumbered: a shop's category page lists its
// products in an ordered list (the platform's markup; its stylesheet, not
// in the page, hides the numbers). The cards come back without numbers,
// each with its name and price; a numbered list of steps on the same page
// keeps its numbers.
func TestFromHTMLCardGridUnnumbered(t *testing.T) {
	stools := []string{"Walnut Bar Stool", "Oak Counter Stool", "Ash Step Stool", "Beech Milking Stool", "Cherry Swivel Stool", "Maple Kitchen Stool",
		"Elm Three-Leg Stool", "Birch Folding Stool", "Pine Camp Stool", "Sycamore Piano Stool", "Larch Garden Stool", "Hornbeam Perch Stool"}
	var b strings.Builder
	b.WriteString(`<main id="maincontent" class="page-main"><div class="page-title-wrapper"><h1 class="page-title"><span class="base">Stools</span></h1></div>
<div class="category-description"><p>Turned and joined in our workshop, finished with oil and wax.</p></div>
<div class="toolbar toolbar-products"><span class="toolbar-number">12</span> items</div>
<div class="products wrapper grid products-grid"><ol class="products list items product-items">`)
	for i, s := range stools {
		fmt.Fprintf(&b, `<li class="item product product-item"><div class="product-item-info">
<a href="/stools/s-%d.html" class="product photo product-item-photo" tabindex="-1"><span class="product-image-container"><img class="product-image-photo" src="/media/s-%d.jpg" alt=""></span></a>
<div class="product details product-item-details"><strong class="product name product-item-name"><a class="product-item-link" href="/stools/s-%d.html">%s</a></strong>
<div class="price-box price-final_price"><span class="price-container"><span class="price">$%d.00</span></span></div></div></div></li>`, i, i, i, s, 120+10*i)
	}
	b.WriteString(`</ol></div><div class="category-cms"><h2>Which height?</h2>
<ol><li>Measure the counter from the floor.</li><li>Take off ten inches for your knees.</li><li>Pick the stool closest to that seat height.</li></ol></div></main><script type="text/x-magento-init">{"*": {"Magento_Ui/js/core/app": {}}}</script>`)
	d, err := FromHTML(page(`<title>Stools | Joiner &amp; Daughter</title>`, siteChrome(b.String())), mustURL(t, "https://joinery.example.com/furniture/stools.html"))
	if err != nil {
		t.Fatal(err)
	}
	text := stripLinks(d.Markdown)
	for _, s := range stools[1:] {
		if !strings.Contains(text, s) {
			t.Errorf("card %q lost:\n%s", s, d.Markdown)
		}
	}
	if m := regexp.MustCompile(`(?m)^\s*\d+\.\s+\[`).FindString(d.Markdown); m != "" {
		t.Errorf("a card opens with a number (%q):\n%s", m, d.Markdown)
	}
	if !strings.Contains(d.Markdown, "2. Take off ten inches") {
		t.Errorf("the steps lost their numbers:\n%s", d.Markdown)
	}
}
