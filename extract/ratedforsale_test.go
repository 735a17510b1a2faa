package extract

import (
	"fmt"
	"strings"
	"testing"
)

// unavailableItemPage is a marketplace item out of stock: no cart control,
// no structured data, a price, the item's details, and its buyers'
// reviews in unnamed boxes, each headed by a star rating.
func unavailableItemPage() string {
	var reviews strings.Builder
	for i, r := range [][2]string{
		{"5.0 out of 5 stars Clear sound, strong battery", "I use these on the train every morning and the noise cancelling blocks out the announcements and the engine hum. The case charges on the bedside pad overnight without fuss."},
		{"4.0 out of 5 stars Good, but the tips are small", "Sound is rich and the bass is tight, but the medium ear tips slipped out when I ran, so I changed to the large ones from the box and now they stay put."},
		{"2.0 out of 5 stars Left bud stopped charging", "After four months the left bud no longer charged in the case. Support replaced the pair in a week, which was kind, but I should not have needed to ask."},
	} {
		fmt.Fprintf(&reviews, `<div id="fb-%d" class="x1q x9f"><div class="x2a"><span>Customer %d</span></div>
<h4><a href="/feedback/%d"><b><span>%s</span></b></a></h4>
<span>Written on %d March 2026</span><span>Bought here</span>
<div class="x3c"><span>%s</span></div><span><a href="/flag">Flag</a></span></div>`, i, i, i, r[0], i+2, r[1])
	}
	body := siteChrome(`<div id="item" class="x0"><div class="x0-main">
<h1 class="x0-name"><span>Wireless earbuds with active noise cancelling, USB-C case</span></h1>
<div><span class="x0-amount">£179.00</span></div><div><span>Sold out.</span><span>The seller has not said whether more will come.</span></div>
<h2>About this item</h2><ul>
<li>Active noise cancelling reduces unwanted background sound by up to twice as much as the earlier model.</li>
<li>Adaptive transparency lets outside sound in while it turns down loud noises around you.</li>
<li>Up to six hours of listening on one charge, and thirty hours with the charging case.</li></ul>
<h2>Technical details</h2><table><tr><td>Brand</td><td>Acme</td></tr><tr><td>Model</td><td>AE-2</td></tr><tr><td>Weight</td><td>50 g</td></tr></table>
</div>
<div id="feedback"><h2>What customers say</h2>` + reviews.String() + `</div></div>`)
	return page(`<title>Wireless earbuds with active noise cancelling : Electronics</title>`, body)
}

func TestFromHTMLUnavailableItemWithRatedReviewsIsAShop(t *testing.T) {
	d, err := FromHTML(unavailableItemPage(), mustURL(t, "https://market.example.co.uk/dp/AE2"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Wireless earbuds with active noise cancelling", "£179.00", "Adaptive transparency", "thirty hours with the charging case"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("item part %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"Left bud stopped charging", "on the train every morning", "We use cookies"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("buyers' review or chrome %q kept:\n%s", gone, d.Markdown)
		}
	}
}

func TestRatedForSale(t *testing.T) {
	rated := `<h3>5 out of 5 stars Lovely</h3><p>a</p><h3>3.0 out of 5 stars Fine</h3><p>b</p>`
	for _, tc := range []struct {
		name, body string
		want       bool
	}{
		{"rated reviews and a price", `<p>$24.99</p>` + rated, true},
		{"rated reviews, no price", `<p>Our verdict</p>` + rated, false},
		{"one rated review and a price", `<p>$24.99</p><h3>5 out of 5 stars Lovely</h3>`, false},
		{"the price only in a script", `<script>var p = "$24.99";</script>` + rated, false},
		{"ratings in the text, not headings", `<p>$24.99</p><p>5 out of 5 stars Lovely</p><p>4 out of 5 stars Fine</p>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := parseClean(prepareInput(page(`<title>T</title>`, tc.body)))
			if err != nil {
				t.Fatal(err)
			}
			if got := ratedForSale(root, defaultConfig.MinPosts); got != tc.want {
				t.Errorf("ratedForSale = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestIsShopRatedForSaleReadsTheConfig: the number of rated review
// headings that make a shop is the config's (MinPosts), not a constant.
func TestIsShopRatedForSaleReadsTheConfig(t *testing.T) {
	root, err := parseClean(prepareInput(page(`<title>T</title>`,
		`<p>$24.99</p><h3>5 out of 5 stars Lovely</h3><p>a</p><h3>3.0 out of 5 stars Fine</h3><p>b</p>`)))
	if err != nil {
		t.Fatal(err)
	}
	cfg := defaultConfig
	if !isShop(root, collectMeta(root), &cfg) {
		t.Fatalf("two rated reviews and a price: not a shop at MinPosts %d", cfg.MinPosts)
	}
	cfg.MinPosts = 3
	if isShop(root, collectMeta(root), &cfg) {
		t.Errorf("two rated reviews made a shop at MinPosts 3")
	}
}
