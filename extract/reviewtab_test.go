package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// tabbedProductPage is a shop's product page whose description and
// buyers' reviews are two panels of one tab set opened by in-page links
// (tabs), or, without tabs, the description with the reviews in a box
// under it. The reviews carry a widget's parts (stars, names, dates).
func tabbedProductPage(tabs bool) string {
	var reviews strings.Builder
	for i, r := range buyerReviews[:3] {
		fmt.Fprintf(&reviews, `<article class="review-item"><div class="review-meta"><span class="rating-stars" aria-label="5 out of 5 stars">★★★★★</span><span class="review-author">Customer %d</span><time datetime="2025-0%d-02">0%d/02/2025</time></div><h4 class="review-title">Does the job</h4><p class="review-body">%s</p></article>`, i, i+2, i+2, r)
	}
	description := `<div class="product-description rte"><p>A training shirt cut from a light recycled polyester knit that moves sweat away from the skin and dries within the hour after a session.</p><ul><li>Slim fit through the chest and waist</li><li>Flatlock seams that lie flat under a pack</li><li>Reflective logo on the back</li></ul></div>`
	panels := `<div class="tabs-content-panel" id="details">` + description + `</div><div class="tabs-content-panel" id="write_review"><div class="reviews-header"><strong>5</strong> based on 3 reviews. <a href="#modal-review-form">Leave a review.</a></div>` + reviews.String() + `</div>`
	if tabs {
		panels = `<div class="single-product-tabs"><ul class="tabs-navigation" data-tabs><li class="tab-title"><a href="#details">Details</a></li><li class="tab-title"><a href="#write_review">Reviews</a></li></ul><div class="tabs-content">` + panels + `</div></div>`
	} else {
		panels = description + `<div class="product-reviews" id="reviews"><h2>Customer reviews</h2>` + reviews.String() + `</div>`
	}
	return page(`<title>Trail Training Shirt – Example Outfitters</title><meta property="og:type" content="product">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Trail Training Shirt","offers":{"@type":"Offer","price":"29.00","priceCurrency":"USD"}}</script>`,
		siteChrome(`<main><div class="product-single"><h1 class="product-title">Trail Training Shirt</h1><p class="price">$29.00</p>
<form action="/cart/add" class="product-form"><select name="size"><option>S</option><option>M</option></select><button type="submit" name="add">Add to cart</button></form>`+
			panels+`</div></main><script>window.ShopifyAnalytics = {"meta":{"product":{"id":1}}};</script>`))
}

// TestFromHTMLKeepsReviewTab: the buyers' reviews that are one of the
// product's tabs stay beside its description; the same reviews in a box
// the shop sets under the description go, as before.
func TestFromHTMLKeepsReviewTab(t *testing.T) {
	for _, tc := range []struct {
		name string
		tabs bool
	}{
		{"reviews tab", true},
		{"reviews box", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := FromHTML(tabbedProductPage(tc.tabs), mustURL(t, "https://shop.example.com/products/trail-training-shirt"))
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{"Trail Training Shirt", "Flatlock seams", "dries within the hour"} {
				if !strings.Contains(d.Markdown, want) {
					t.Errorf("lost %q:\n%s", want, d.Markdown)
				}
			}
			for _, r := range buyerReviews[:3] {
				if got := strings.Contains(d.Markdown, r[:40]); got != tc.tabs {
					t.Errorf("review %q kept = %v, want %v:\n%s", r[:40], got, tc.tabs, d.Markdown)
				}
			}
		})
	}
}

func TestTabPanelIDs(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{"two panels, each opened by its link", `<ul><li><a href="#a">A</a></li><li><a href="#b">B</a></li></ul><div><div id="a">one</div><div id="b">two</div></div>`, []string{"a", "b"}},
		{"jump links to sections apart", `<a href="#a">A</a><a href="#b">B</a><div><div id="a">one</div></div><div><div id="b">two</div></div>`, nil},
		{"one link", `<a href="#a">A</a><div><div id="a">one</div><div id="b">two</div></div>`, nil},
		// A panel's id twice (a theme's mobile and desktop copies) is no
		// second panel; a third panel after untargeted siblings still is.
		{"one id twice beside untargeted sections", `<a href="#a">A</a><a href="#z">Z</a><div><section id="a">one</section><section id="x">x</section><section id="a">copy</section></div><div id="z">zed</div>`, nil},
		{"three panels among other ids", `<nav><a href="#a">A</a><a href="#b">B</a><a href="#c">C</a></nav><div><div id="note">n</div><div id="a">one</div><div id="a">copy</div><div id="b">two</div><div id="c">three</div></div>`, []string{"a", "b", "c"}},
		{"links to other pages", `<a href="/p#a">A</a><a href="/p#b">B</a><div><div id="a">one</div><div id="b">two</div></div>`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			absolutizeLinks(root, mustURL(t, "https://shop.example.com/products/x"))
			got := tabPanelIDs(root, &defaultConfig)
			if len(got) != len(tc.want) {
				t.Fatalf("tabPanelIDs = %v, want %v", got, tc.want)
			}
			for _, id := range tc.want {
				if !got[id] {
					t.Errorf("tabPanelIDs = %v, want %v", got, tc.want)
				}
			}
		})
	}
}
