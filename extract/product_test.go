package extract

import (
	"fmt"
	"strings"
	"testing"
)

// kettlePage is one product's page: a shop's chrome, the JSON-LD Product
// (ld), a title, price and options, the description the article
// extractors keep, a specification table of short cells they drop, the
// buyers' reviews and a rail of other products.
func kettlePage(ld string) string {
	var reviews strings.Builder
	for i, r := range []string{
		"Boils a full jug in under three minutes and the lid no longer drips onto the counter like my old one did.",
		"Looks lovely in the kitchen, though the handle gets a little warm when you pour the last cup of the pot.",
		"Quiet enough to make tea early in the morning without waking anybody else in the flat, very pleased.",
	} {
		fmt.Fprintf(&reviews, `<div class="review-card"><p>★★★★☆ Verified buyer %d</p><p>%s</p></div>`, i, r)
	}
	var rail strings.Builder
	for i, name := range []string{"Glass kettle 1.5 l", "Travel kettle 0.5 l", "Gooseneck kettle 1 l", "Stovetop whistling kettle", "Two-slice toaster"} {
		fmt.Fprintf(&rail, `<li class="card"><a href="/p/%d">%s</a><span>£%d.99</span></li>`, i, name, 20+i)
	}
	head := `<title>Brushed steel kettle 1.7 l | Acme Home</title><meta property="og:type" content="product">
<script type="application/ld+json">` + ld + `</script>`
	body := siteChrome(`<main><div class="pdp">
<nav class="crumbs"><a href="/">Home</a> / <a href="/kitchen">Kitchen</a></nav>
<div class="buy-box"><h1>Brushed steel kettle 1.7 l</h1><p class="price">£49.99</p><p class="stock">In stock, ready to ship</p>
<form action="/cart/add"><select name="colour"><option>Steel</option><option>Black</option></select><button>Add to basket</button></form></div>
<div class="description"><h2>Description</h2>
<p>This kettle boils up to 1.7 litres of water with a concealed element that is easy to wipe clean and leaves no scale on a coil. A limescale filter at the spout keeps flakes out of your cup, and the lid opens with one press of a button so you can fill it from the tap without lifting it off its base.</p>
<p>It switches itself off at the boil and when lifted, and will not switch on when it is empty. The windows on both sides show how much water is inside, in cups and in litres.</p></div>
<h2>Specifications</h2><table class="specs"><tr><th>Capacity</th><td>1.7 l</td></tr><tr><th>Power</th><td>3000 W</td></tr>
<tr><th>Cord length</th><td>75 cm</td></tr><tr><th>Weight</th><td>1.2 kg</td></tr><tr><th>Guarantee</th><td>2 years</td></tr></table>
<section class="reviews"><h2>Customer reviews</h2>` + reviews.String() + `</section>
<h2>Customers also viewed</h2><ul class="carousel">` + rail.String() + `</ul>
</div></main>`)
	return page(head, body)
}

func TestFromHTMLOneProductReadFromItsRegion(t *testing.T) {
	const product = `{"@context":"https://schema.org","@type":"Product","name":"Brushed steel kettle 1.7 l","sku":"KT-17-S",
"description":"A 1.7 litre brushed steel kettle with a concealed element and a limescale filter.",
"offers":{"@type":"Offer","price":"49.99","priceCurrency":"GBP","availability":"https://schema.org/InStock"},
"aggregateRating":{"@type":"AggregateRating","ratingValue":"4.3","reviewCount":"3"}}`
	d, err := FromHTML(kettlePage(product), mustURL(t, "https://home.example.co.uk/p/kettle-17"))
	if err != nil {
		t.Fatal(err)
	}
	// The description and the table are what the article path finds; the
	// product's name above them, its price and stock line only the region
	// holds.
	for _, want := range []string{"# Brushed steel kettle 1.7 l", "£49.99", "In stock, ready to ship", "concealed element that is easy to wipe clean", "3000 W", "Cord length"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("product part %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"Verified buyer", "lid no longer drips", "Travel kettle 0.5 l", "We use cookies", "Privacy policy"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("%q kept:\n%s", gone, d.Markdown)
		}
	}
}

func TestDeclaresOneProduct(t *testing.T) {
	for _, tc := range []struct {
		types []string
		want  bool
	}{
		{[]string{"Product"}, true},
		{[]string{"WebSite", "BreadcrumbList", "Product", "Offer", "AggregateRating"}, true},
		{[]string{"ProductGroup"}, true},
		{[]string{"Product", "Product"}, false},        // a category page marking up its cards
		{[]string{"CollectionPage", "Product"}, false}, // a collection featuring one item
		{[]string{"Product", "ItemList"}, false},       // a product list
		{[]string{"Article", "Organization"}, false},   // no product
		{nil, false},
	} {
		if got := declaresOneProduct(tc.types); got != tc.want {
			t.Errorf("declaresOneProduct(%v) = %v, want %v", tc.types, got, tc.want)
		}
	}
}
