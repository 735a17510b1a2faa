package extract

import (
	"fmt"
	"strings"
	"testing"
)

func TestDropEchoedAlts(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"name after the photo on its line",
			"[![Oak desk, 120 cm](/i/desk.jpg)](/p/desk) Oak desk, 120 cm",
			"[![](/i/desk.jpg)](/p/desk) Oak desk, 120 cm"},
		{"name on the next line, in other markup and case",
			"[![Walnut Shelf](/i/shelf.jpg)](/p/shelf)\n\n**WALNUT SHELF**\n\n$89",
			"[![](/i/shelf.jpg)](/p/shelf)\n\n**WALNUT SHELF**\n\n$89"},
		{"name two lines down, past a badge",
			"![Linen throw](/i/throw.jpg)\n\nNew\n\n[Linen throw](/p/throw)",
			"![](/i/throw.jpg)\n\nNew\n\n[Linen throw](/p/throw)"},
		{"name on the line before",
			"### Reading lamp\n\n![Reading lamp](/i/lamp.jpg)",
			"### Reading lamp\n\n![](/i/lamp.jpg)"},
		{"too far down: another card's line",
			"![Linen throw](/i/throw.jpg)\n\nNew\n\n$40\n\nLinen throw",
			"![Linen throw](/i/throw.jpg)\n\nNew\n\n$40\n\nLinen throw"},
		{"a label that says more than its neighbour stays",
			"![Oak desk in a sunlit study, a lamp on its left corner](/i/desk.jpg)\n\nOak desk",
			"![Oak desk in a sunlit study, a lamp on its left corner](/i/desk.jpg)\n\nOak desk"},
		{"a neighbour that says more stays beside the label",
			"![Oak desk](/i/desk.jpg)\n\nOak desk with two drawers",
			"![Oak desk](/i/desk.jpg)\n\nOak desk with two drawers"},
		{"two photos with one label do not echo each other",
			"![Logo](/a.png) ![Logo](/b.png)",
			"![Logo](/a.png) ![Logo](/b.png)"},
		{"no image", "Oak desk\n\nOak desk", "Oak desk\n\nOak desk"},
	} {
		if got := dropEchoedAlts(tc.in, &defaultConfig); got != tc.want {
			t.Errorf("%s: dropEchoedAlts(%q) =\n%q, want\n%q", tc.name, tc.in, got, tc.want)
		}
	}
}

// TestFromHTMLStorefrontNamesOnce: a creator's storefront of picks shows
// each product as a linked photo, labelled with the product's name, and
// the name again beside it; the text says each name once and keeps the
// photos.
func TestFromHTMLStorefrontNamesOnce(t *testing.T) {
	picks := []string{
		"Stoneware Pour-Over Set - 2 Cups",
		"Cold Brew Bottle with Steel Filter - 1L",
		"Hand Grinder, Ceramic Burr - Matte Black",
		"Organic Ethiopian Single Origin Beans - 12oz",
		"Bamboo Drip Stand with Glass Carafe",
		"Insulated Travel Tumbler - 16oz Sage",
		"Gooseneck Kettle, Variable Temperature - 0.9L",
	}
	var b strings.Builder
	b.WriteString(`<header class="creator"><img src="/u/avatar.jpg" alt=""><h2>Dana M. <span class="badge">Earns Rewards</span></h2>
<p>Home barista | Tea on weekends</p><a class="btn" href="/s/dana.m">Shop Here</a></header>
<input type="radio" name="nav" id="nav-picks" checked aria-controls="picks" aria-label="Picks">
<div role="tabpanel" id="picks"><section class="picks"><h2>My morning coffee corner</h2><div class="grid">`)
	for i, p := range picks {
		fmt.Fprintf(&b, "\n<div class=\"grid-item\"><a href=\"/s/dana.m/sku/%d\" target=\"_blank\">\n<img src=\"/img/p%d_t.jpg\" alt=\"%s\"></a>\n<span class=\"item-title\">%s</span></div>", 1000+i, i, p, p)
	}
	b.WriteString(`</div></section></div><script>window.__APP__={"page":"storefront"};</script>`)
	d, err := FromHTML(page(`<title>Storefront | Acme Club</title>`, b.String()), mustURL(t, "https://club.example.com/s/dana.m"))
	if err != nil {
		t.Fatal(err)
	}
	text := stripLinks(d.Markdown)
	for _, p := range picks {
		if n := strings.Count(text, p); n != 1 {
			t.Errorf("%q said %d times, want once:\n%s", p, n, d.Markdown)
		}
	}
	if !strings.Contains(d.Markdown, "(https://club.example.com/img/p3_t.jpg)") {
		t.Errorf("photos lost:\n%s", d.Markdown)
	}
}
