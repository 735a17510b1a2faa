package extract

import (
	"fmt"
	"strings"
	"testing"
)

func TestDropCardCalls(t *testing.T) {
	cards := func(call string, n int) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "[**Desk %c**](/p/%d)\n\n$%d.00\n\n%s\n\n", 'A'+i, i, 199+i*10, call)
		}
		return strings.TrimSuffix(b.String(), "\n\n")
	}
	for _, tc := range []struct{ name, in, gone, kept string }{
		{"a linked badge every priced card repeats",
			cards("[+3 Free Accessories](/offer)", 6), "Free Accessories", "Desk F"},
		{"in other case, in list items",
			cards("- [Notify Me](/notify)", 3) + "\n\n" + cards("- [NOTIFY ME](/notify)", 3), "otify", "$219.00"},
		{"four times is not every card's",
			cards("[Read full review](/r)", 4), "", "Read full review"},
		{"a page without prices keeps its repeated links",
			strings.Repeat("Post by ana, 2 May\n\n[Reply](/reply)\n\n", 6), "", "Reply"},
		{"a line with more than the link is an entry's",
			cards("[Read full review](/r) of the desk", 6), "", "of the desk"},
		{"a heading is a title",
			cards("### [Standing desks](/c/desks)", 6), "", "Standing desks"},
		{"page numbers are not calls",
			cards("[2](/page/2)", 6), "", "[2](/page/2)"},
		{"a long linked line is an entry",
			cards("[Solid oak top with a cable tray and two drawers](/x)", 6), "", "cable tray"},
		{"a status badge on two priced cards",
			cards("Top Rated", 2) + "\n\n" + cards("Ships in a week", 4), "Top Rated", "Desk B"},
		{"a badge said once is a line of its own",
			cards("Top Rated", 1) + "\n\n" + cards("Ships in a week", 5), "", "Top Rated"},
		{"a badge five times needs no prices",
			strings.Repeat("[Koi pocket set](/k)\n\n**Sold out**\n\n", 5), "Sold out", "Koi pocket set"},
		{"a stock label in another language",
			cards("En stock", 3) + "\n\n" + cards("Ships in a week", 3), "En stock", "Desk C"},
		{"accented, in a list item",
			cards("- Épuisé", 2) + "\n\n" + cards("Ships in a week", 3), "puis", "Desk B"},
		{"a badge twice without prices stays",
			strings.Repeat("[Koi pocket set](/k)\n\nSold out\n\n", 2), "", "Sold out"},
		{"a heading that names a badge is a section",
			"## Best Seller\n\n" + cards("Best Seller", 0) + cards("x", 5) + "\n\n## Best Seller", "", "## Best Seller"},
	} {
		got := dropCardCalls(tc.in, &defaultConfig)
		if tc.gone != "" && strings.Contains(got, tc.gone) {
			t.Errorf("%s: %q kept:\n%s", tc.name, tc.gone, got)
		}
		if !strings.Contains(got, tc.kept) {
			t.Errorf("%s: %q lost:\n%s", tc.name, tc.kept, got)
		}
		if strings.Contains(got, "\n\n\n") {
			t.Errorf("%s: blank lines left doubled:\n%q", tc.name, got)
		}
	}
}

// TestFromHTMLShopGridCallsDropped: a shop's category shows its desks as
// cards, each with its name, price, a line of detail and a linked offer
// badge every card repeats; the text keeps the cards without the badge,
// the first card's name too (a lone link followed by its own text opens
// an entry, not a menu: entrytitles.go).
func TestFromHTMLShopGridCallsDropped(t *testing.T) {
	desks := []struct{ name, detail string }{
		{"Halden Standing Desk", "Bamboo top, two motors, 25 to 50 inches"},
		{"Corvo Desk Frame", "Fits tops from 42 to 80 inches wide"},
		{"Lumen L-Shaped Desk", "Three legs, a corner top for two screens"},
		{"Brisk Compact Desk", "A 36 inch top for small rooms and dorms"},
		{"Atlas Heavy Duty Desk", "Lifts 355 pounds, for a full studio setup"},
		{"Mira Kids Desk", "Grows with a child from age four to adult"},
	}
	var b strings.Builder
	b.WriteString(`<main><nav class="crumbs"><a href="/">Home</a> / Standing Desks</nav><h1>Standing Desks</h1>
<p class="promo-bar">Spring sale ends 31 March. Use code BLOOM at checkout. One coupon per order, while supplies last.</p>
<div class="product-grid">`)
	for i, d := range desks {
		fmt.Fprintf(&b, `<div class="product-card"><a href="/p/desk-%d"><img src="/img/desk-%d.jpg" alt=""></a>
<a class="title" href="/p/desk-%d">%s</a><div class="price">$%d.00</div><p class="blurb">%s</p>
<a class="badge" href="/p/desk-%d#offer">+4 Free Accessories</a></div>`, i, i, i, d.name, 449+50*i, d.detail, i)
	}
	b.WriteString(`</div></main><script>window.dataLayer=[{"event":"view_item_list"}];</script>`)
	d, err := FromHTML(page(`<title>Standing Desks | Acme Office</title>`, siteChrome(b.String())), mustURL(t, "https://shop.example.com/c/standing-desks"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Markdown, "Free Accessories") {
		t.Errorf("the cards' badge kept:\n%s", d.Markdown)
	}
	for _, want := range []string{desks[0].name, desks[1].name, desks[5].name, "$699.00", desks[3].detail} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("lost %q:\n%s", want, d.Markdown)
		}
	}
}

// TestFromHTMLSoldOutGridBadgesDropped: a paint shop's category page,
// its stock sold out, shows each set as a linked name over a "Sold out"
// label and no price; the sets stay, the labels go.
func TestFromHTMLSoldOutGridBadgesDropped(t *testing.T) {
	sets := []string{"Koi Pocket Field Sketch Set", "Cotman Half Pan Travel Tin", "Van Gogh Landscape Box of Twelve",
		"Mijello Mission Gold Starter Kit", "Sennelier Aquarelle Discovery Tin", "Daniel Smith Essentials Introductory Set"}
	var b strings.Builder
	b.WriteString(`<main><h1>Watercolor Sets</h1><p class="category-description">Pans and tubes boxed for travel and for the studio, chosen by our staff painters.</p><ul class="productGrid">`)
	for i, s := range sets {
		fmt.Fprintf(&b, `<li class="product"><article class="card"><figure class="card-figure"><a href="/p/set-%d" class="card-figure__link"><img src="/img/set-%d.jpg" alt=""></a></figure>
<div class="card-body"><h4 class="card-title"><a href="/p/set-%d">%s</a></h4><p class="card-text card-stock" data-stock="0"><span>Sold out</span></p></div></article></li>`, i, i, i, s)
	}
	b.WriteString(`</ul></main>`)
	d, err := FromHTML(page(`<title>Watercolor Sets - Acme Art Supply</title>`, siteChrome(b.String())), mustURL(t, "https://art.example.com/watercolor-sets/"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Markdown, "Sold out") {
		t.Errorf("the cards' stock labels kept:\n%s", d.Markdown)
	}
	for _, want := range []string{sets[0], sets[3], sets[5], "chosen by our staff painters"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("lost %q:\n%s", want, d.Markdown)
		}
	}
}

// TestFromHTMLStockLabelsInFrench: a French garden shop's category page
// sets "En stock" on each priced card; the cards keep their names and
// prices, the label goes.
func TestFromHTMLStockLabelsInFrench(t *testing.T) {
	pots := []string{"Jardinière en terre cuite 60 cm", "Pot émaillé bleu nuit", "Bac à fleurs en bois de mélèze",
		"Coupe en zinc patiné", "Pot à réserve d'eau", "Vasque en fibre de pierre"}
	var b strings.Builder
	b.WriteString(`<main><h1>Pots et jardinières</h1><p class="category-description">Des bacs pour le balcon, la terrasse et le jardin, choisis par nos pépiniéristes.</p><div class="product-list">`)
	for i, p := range pots {
		fmt.Fprintf(&b, `<div class="product-miniature"><a href="/p/pot-%d" class="thumbnail"><img src="/img/pot-%d.jpg" alt=""></a>
<h3 class="product-title"><a href="/p/pot-%d">%s</a></h3><div class="product-price-and-shipping"><span class="price">%d,90 €</span></div><div class="product-availability">En stock</div></div>`, i, i, i, p, 19+6*i)
	}
	b.WriteString(`</div></main>`)
	d, err := FromHTML(page(`<html lang="fr"><title>Pots et jardinières - Jardin du Coin</title>`, siteChrome(b.String())), mustURL(t, "https://jardin.example.fr/pots-jardinieres"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Markdown, "En stock") {
		t.Errorf("the cards' stock labels kept:\n%s", d.Markdown)
	}
	for _, want := range []string{pots[1], pots[5], "49,90 €"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("lost %q:\n%s", want, d.Markdown)
		}
	}
}
