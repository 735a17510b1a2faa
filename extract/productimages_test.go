package extract

import (
	"fmt"
	"strings"
	"testing"
)

func TestDropImageAlts(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"![Trail shoe, side view](/img/side.jpg)", "![](/img/side.jpg)"},
		{"[![Trail shoe - image 2 of 6](/img/2.jpg)](/p/trail-shoe?img=2)", "[![](/img/2.jpg)](/p/trail-shoe?img=2)"},
		{"Text ![a [nested] label](/a.png \"title\") more", "Text ![](/a.png \"title\") more"},
		{"not an image: \\![x](/y) and ![broken", "not an image: \\![x](/y) and ![broken"},
		{"![label without address] stays", "![label without address] stays"},
		{"[link](/l) and plain text", "[link](/l) and plain text"},
	} {
		if got := dropImageAlts(tc.in); got != tc.want {
			t.Errorf("dropImageAlts(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFromHTMLShopGalleryLabelsDropped: a product's page tells its
// features in sections, each beside a photo labelled for a screen reader
// with the product's name again; the text comes back without the labels,
// the photos' addresses kept.
func TestFromHTMLShopGalleryLabelsDropped(t *testing.T) {
	features := []string{
		"The Ridge Runner weighs 310 grams in a size nine, light enough for a full day on the hill.",
		"Five millimetre lugs bite into mud and loose rock, and a softer rubber on the heel grips wet slabs.",
		"A waterproof membrane keeps the rain out while letting the sweat of a long climb escape.",
		"A wider heel and a firm counter keep the foot steady on off-camber ground and steep descents.",
	}
	var b strings.Builder
	b.WriteString(`<main><section class="hero"><h1>Ridge Runner GTX</h1><p class="price">From $149.00</p>
<form action="/cart/add" method="post"><input type="hidden" name="sku" value="RR-GTX"><button type="submit">Add to cart</button></form></section>`)
	for i, f := range features {
		fmt.Fprintf(&b, `<section class="section section-%d"><div class="section-content"><h2>Feature %d</h2><div class="copy">%s</div></div>
<div class="media"><picture><img src="/media/rr-%d.jpg" alt="Ridge Runner GTX trail shoe in slate blue, view %d of 4"></picture></div></section>`, i, i+1, f, i, i+1)
	}
	b.WriteString(`</main><script>window.dataLayer = window.dataLayer || []; dataLayer.push({"event":"view_item","sku":"RR-GTX"});</script>`)
	d, err := FromHTML(page(`<title>Ridge Runner GTX | Acme Outdoor</title>`, siteChrome(b.String())), mustURL(t, "https://shop.example.com/ridge-runner-gtx"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(d.Markdown, "slate blue, view") {
		t.Errorf("photo labels kept:\n%s", d.Markdown)
	}
	for _, want := range []string{"From $149.00", features[1][:40], features[3][:40], "](https://shop.example.com/media/rr-2.jpg)"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("lost %q:\n%s", want, d.Markdown)
		}
	}
}
