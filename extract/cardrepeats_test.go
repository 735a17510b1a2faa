package extract

import (
	"fmt"
	"strings"
	"testing"
)

func TestDropCardRepeats(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"a card's name and price twice",
			"- [Dark Roast](/p/dark)\n  \n  ### [Dark Roast](/p/dark)\n  \n  $19.99\n  \n  $19.99\n- [Light Roast](/p/light)\n  \n  $19.99",
			"- [Dark Roast](/p/dark)\n  \n  $19.99\n- [Light Roast](/p/light)\n  \n  $19.99"},
		{"case and emphasis aside",
			"1. **Oak Shelf**\n   OAK SHELF\n   Solid oak, 80 cm",
			"1. **Oak Shelf**\n   Solid oak, 80 cm"},
		{"two items alike stay two",
			"- $12.00\n- $12.00", "- $12.00\n- $12.00"},
		{"a refrain outside a list stays",
			"Row, row, row your boat\n\nRow, row, row your boat", "Row, row, row your boat\n\nRow, row, row your boat"},
		{"a line at the margin ends the item",
			"- Oak Shelf\n\nOak Shelf", "- Oak Shelf\n\nOak Shelf"},
		{"a repeat that is not next to its copy stays",
			"- Oak Shelf\n  $40\n  Oak Shelf", "- Oak Shelf\n  $40\n  Oak Shelf"},
		{"code is left alone",
			"- step\n  ```\n  make\n  make\n  ```", "- step\n  ```\n  make\n  make\n  ```"},
	} {
		if got := dropCardRepeats(tc.in); got != tc.want {
			t.Errorf("%s: dropCardRepeats(%q) =\n%q, want\n%q", tc.name, tc.in, got, tc.want)
		}
	}
}

// TestFromHTMLShopCardsSaidOnce: a shop theme's product grid writes each
// card's name in a heading for its media layout and again for its plain
// one, and its price as "regular" and "sale" (its stylesheet, not in the
// page, shows one of each); the cards come back with each name and price
// once.
func TestFromHTMLShopCardsSaidOnce(t *testing.T) {
	teas := []struct {
		name  string
		price string
	}{
		{"Smoky Lapsang Loose Leaf", "$14.50"}, {"Jasmine Pearl Green Tea", "$18.00"},
		{"Breakfast Blend Tea Bags", "$9.75"}, {"Rooibos Vanilla Chai", "$12.25"},
		{"First Flush Darjeeling", "$22.00"}, {"Mint Tisane Sachets", "$8.50"},
	}
	var b strings.Builder
	b.WriteString(`<main id="MainContent"><div class="collection-hero"><h1 class="collection-hero__title">Loose Leaf &amp; Bags</h1>
<p class="collection-hero__description">Teas we blend and pack in small batches every week.</p></div>
<div class="facets"><h2 class="product-count">6 products</h2></div><ul id="product-grid" class="grid product-grid">`)
	for i, tea := range teas {
		fmt.Fprintf(&b, `<li class="grid__item"><div class="card-wrapper"><div class="card card--media"><div class="card__inner">
<div class="card__media"><img src="/files/tea-%d.jpg" alt="" width="600" height="600"></div>
<div class="card__content"><div class="card__information"><h3 class="card__heading"><a href="/products/tea-%d" class="full-unstyled-link">%s</a></h3></div></div></div>
<div class="card__content"><div class="card__information"><h3 class="card__heading h5"><a href="/products/tea-%d" class="full-unstyled-link">%s</a></h3>
<div class="price"><div class="price__container"><div class="price__regular"><span class="visually-hidden">Regular price</span><span class="price-item price-item--regular">%s</span></div>
<div class="price__sale"><span class="visually-hidden">Sale price</span><span class="price-item price-item--sale">%s</span></div></div></div>
</div></div></div></div></li>`, i, i, tea.name, i, tea.name, tea.price, tea.price)
	}
	b.WriteString(`</ul></main><script>window.ShopifyAnalytics = {"page": "collection"};</script>`)
	d, err := FromHTML(page(`<title>Loose Leaf &amp; Bags – Acme Tea Co.</title>`, siteChrome(b.String())), mustURL(t, "https://tea.example.com/collections/loose-leaf"))
	if err != nil {
		t.Fatal(err)
	}
	text := stripLinks(d.Markdown)
	for _, tea := range teas[1:] {
		if n := strings.Count(text, tea.name); n != 1 {
			t.Errorf("%q said %d times, want once:\n%s", tea.name, n, d.Markdown)
		}
	}
	if n := strings.Count(text, "$22.00"); n != 1 {
		t.Errorf("a price said %d times, want once:\n%s", n, d.Markdown)
	}
}
