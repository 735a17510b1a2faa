package extract

import (
	"fmt"
	"strings"
	"testing"
)

// grinderPage is one product's page marked up with microdata only: the
// product's own scope holds its name (the h1), price, description and
// specifications, and each card of the rail under it ("You may also
// like") is a Product scope of its own, as shop templates render them.
func grinderPage(ownScope bool) string {
	var rail strings.Builder
	for i, name := range []string{"Hand grinder with ceramic burrs", "Espresso tamper 58 mm", "Milk jug 600 ml", "Digital scale with timer", "Knock box"} {
		fmt.Fprintf(&rail, `<li class="product-tile" itemscope itemtype="http://schema.org/Product"><a itemprop="url" href="/p/%d"><span itemprop="name">%s</span></a>
<span itemprop="offers" itemscope itemtype="http://schema.org/Offer"><span itemprop="price">%d.00</span></span></li>`, i, name, 30+i)
	}
	scope := `itemscope itemtype="http://schema.org/Product"`
	if !ownScope {
		scope = ``
	}
	body := siteChrome(`<main><div class="pdp" ` + scope + `>
<div class="buy"><h1 itemprop="name">Burr coffee grinder 40 mm</h1><p class="price">$189.00</p><p>Colour: Matte black</p>
<form action="/cart"><button>Add to cart</button></form></div>
<div itemprop="description"><p>Forty millimetre conical steel burrs grind evenly from espresso to French press, with thirty-one settings you turn on the hopper's collar. A timer on the front stops the motor after the dose you set, and the anti-static chute leaves no grounds on the counter.</p>
<p>The hopper holds two hundred and fifty grams of beans and locks on with a quarter turn, so it lifts off for cleaning without spilling what is left in it.</p></div>
<h2>Specifications</h2><table><tr><th>Burrs</th><td>40 mm conical steel</td></tr><tr><th>Settings</th><td>31</td></tr>
<tr><th>Hopper</th><td>250 g</td></tr><tr><th>Motor</th><td>150 W</td></tr></table>
</div>
<section class="recs"><h2>You may also like</h2><ul>` + rail.String() + `</ul></section></main>`)
	return page(`<title>Burr coffee grinder 40 mm | Brew Supply</title>`, body)
}

func TestFromHTMLMicrodataProductBesideProductCards(t *testing.T) {
	d, err := FromHTML(grinderPage(true), mustURL(t, "https://brew.example.com/p/grinder-40"))
	if err != nil {
		t.Fatal(err)
	}
	// The price and the short cells of the table are what only the
	// product's region holds; the cards' scopes do not make the page a
	// category page.
	for _, want := range []string{"Burr coffee grinder 40 mm", "$189.00", "40 mm conical steel", "150 W", "anti-static chute"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("product part %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"Espresso tamper", "Knock box", "We use cookies"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("%q kept:\n%s", gone, d.Markdown)
		}
	}
}

func TestStructuredTypesProductCards(t *testing.T) {
	for _, tc := range []struct {
		name    string
		page    string
		oneItem bool
	}{
		{"own scope holds the h1", grinderPage(true), true},
		// No scope holds the h1: the page's cards are all alike, a
		// category page's grid.
		{"cards only", grinderPage(false), false},
		{"two scopes hold an h1", page(``, `<div itemscope itemtype="https://schema.org/Product"><h1>Kettle</h1></div>
<div itemscope itemtype="https://schema.org/Product"><h1>Toaster</h1></div>`), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := parseClean(prepareInput(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := declaresOneProduct(structuredTypes(collectMeta(root), root)); got != tc.oneItem {
				t.Errorf("declaresOneProduct = %v, want %v", got, tc.oneItem)
			}
		})
	}
}
