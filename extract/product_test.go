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

// lampPage is one product's page whose main region, besides the product,
// holds the shop's header strip above the product's name (a promotion, the
// account and basket links: not in a <header>), guarantee links under the
// buy button, a category navigator at the end, and a run of the product's
// variants, each a link.
func lampPage() string {
	var variants strings.Builder
	for _, v := range []string{"Desk lamp, brass, 40 cm arm", "Desk lamp, black, 40 cm arm", "Desk lamp, white, 60 cm arm", "Desk lamp, green, 60 cm arm", "Desk lamp, brass, 60 cm arm"} {
		fmt.Fprintf(&variants, "<p><a href=\"/p/%s\">%s</a></p>\n", strings.ReplaceAll(strings.ToLower(v), " ", "-"), v)
	}
	const ld = `{"@context":"https://schema.org","@type":"Product","name":"Anglepoise-style desk lamp",
"offers":{"@type":"Offer","price":"89.00","priceCurrency":"GBP"}}`
	head := `<title>Anglepoise-style desk lamp | Lumen &amp; Co</title><meta property="og:type" content="product">
<script type="application/ld+json">` + ld + `</script>`
	body := siteChrome(`<div id="page"><div class="strip"><p>Free delivery on orders over £50 this weekend only</p>
<p><a href="/account">Hello, log in</a> <a href="/basket">My basket</a></p></div>
<div class="pdp"><h1>Anglepoise-style desk lamp</h1><p class="price">£89.00</p><p class="stock">In stock, dispatched within two days</p>
<form action="/basket/add"><button>Add to basket</button></form>
<p><a href="/help/returns">30-day returns on every lamp</a></p><p><a href="/help/guarantee">Three-year guarantee</a></p>
<div class="description"><p>A desk lamp with a sprung arm that stays where you put it, in powder-coated steel with a weighted base that keeps it steady at full reach. The shade turns through a full circle so the light falls on the page, not in your eyes.</p>
<p>It takes any E27 bulb up to 40 W and comes with a warm LED bulb and a switch on the cable, two metres from the base.</p></div>
<table class="specs"><tr><th>Arm</th><td>40 or 60 cm</td></tr><tr><th>Base</th><td>18 cm, 2.1 kg</td></tr><tr><th>Bulb</th><td>E27, up to 40 W</td></tr></table>
<h2>Other finishes</h2>` + variants.String() + `
<h2>Featured products</h2><div class="cards"><div><a href="/p/oak-floor-lamp">Oak floor lamp</a><p>Warm light for a reading corner, £129.00</p></div>
<div><a href="/p/glass-pendant">Glass pendant shade</a><p>Hand-blown, three colours, £64.00</p></div></div>
<h2>Delivery</h2><p>Sent by courier in a recyclable box, with a tracking link by email on the day it leaves us.</p>
<ul class="finder"><li><a href="/lighting/desk">All desk lamps</a></li><li><a href="/lighting/floor">Floor lamps</a></li><li><a href="/brands/lumen">More from Lumen &amp; Co</a></li></ul>
</div></div>`)
	return page(head, body)
}

func TestFromHTMLOneProductRegionTrimmed(t *testing.T) {
	d, err := FromHTML(lampPage(), mustURL(t, "https://lumen.example.co.uk/p/desk-lamp"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Anglepoise-style desk lamp", "£89.00", "In stock, dispatched within two days", "stays where you put it",
		"E27, up to 40 W", "Sent by courier", "Desk lamp, black, 40 cm arm", "Desk lamp, brass, 60 cm arm"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("product part %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"Free delivery on orders over", "Hello, log in", "My basket", "30-day returns on every lamp", "Three-year guarantee", "All desk lamps", "We use cookies",
		"Oak floor lamp", "Hand-blown, three colours"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("%q kept:\n%s", gone, d.Markdown)
		}
	}
}
