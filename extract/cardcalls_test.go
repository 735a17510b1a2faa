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
// badge every card repeats; the text keeps the cards without the badge.
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
	for _, want := range []string{desks[1].name, desks[5].name, "$699.00", desks[3].detail} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("lost %q:\n%s", want, d.Markdown)
		}
	}
}
