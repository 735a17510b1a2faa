package extract

import (
	"fmt"
	"strings"
	"testing"
)

// buyerReviews are long enough to be the densest prose on their page.
var buyerReviews = []string{
	"I have worn this shirt for three months of training, four sessions a week, and it still looks new. The fabric dries quickly after a run and the seams have not rubbed once, even on long rides in the summer heat.",
	"The fit is slim but not tight. I usually take a medium in every brand and the medium here sits well on the shoulders, although the body is a little long for me and I tuck it in when lifting so it does not ride up.",
	"Bought two after the first one survived a whole winter of washing at forty degrees without shrinking. The colour faded slightly on the black one, the white one is as bright as the day it arrived in the post.",
	"Good value for what it is. It is not the softest shirt I own and the logo print is a bit stiff at first, but after a few washes it softens and the shirt is now the one I reach for first on gym days.",
	"Delivery took five days and the parcel was well packed. The shirt itself is light and breathable, perfect for hot classes. I would have liked a pocket for a key, but that is a small thing for a training top.",
}

// shopPage is a product page whose buyers' reviews outweigh its
// description.
func shopPage() string {
	var b strings.Builder
	b.WriteString(`<main><div class="pdp"><div class="pdp-gallery"><img src="/tee-front.jpg" alt="Training tee, front"></div>
<div class="pdp-info"><h1>Arrival Training Tee</h1><p class="pdp-fit">Slim fit</p><p class="pdp-price">$22.00</p>
<form action="/cart/add"><select name="size"><option>S</option><option>M</option><option>L</option></select><button type="submit">Add to bag</button></form>
<div class="pdp-description"><p>A lightweight training tee in a sweat-wicking knit, cut slim through the body with dropped shoulders.</p>
<ul><li>Sweat-wicking fabric</li><li>Slim fit</li><li>100% recycled polyester</li></ul></div></div></div>
<section id="reviews" class="product-reviews"><h2>Reviews</h2><p>Based on 407 reviews</p>`)
	for i, r := range buyerReviews {
		fmt.Fprintf(&b, `<div class="review-card"><div class="review-meta"><span class="review-author">Buyer %d</span> <time datetime="2025-0%d-12">%d months ago</time><span class="stars">5 stars</span></div><p>%s</p><button>Helpful</button></div>`, i+1, i+1, i+1, r)
	}
	b.WriteString(`</section></main><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Arrival Training Tee","offers":{"@type":"Offer","price":"22.00","priceCurrency":"USD"}}</script>`)
	return b.String()
}

// TestFromHTMLProductNotItsReviews: where the buyers' reviews are the
// densest prose of a shop page, the product (title, price, description)
// comes back, not the reviews; a review article with buy links (declared
// an article) keeps its text.
func TestFromHTMLProductNotItsReviews(t *testing.T) {
	u := mustURL(t, "https://shop.example.com/products/arrival-training-tee")
	d, err := FromHTML(page(`<title>Arrival Training Tee | Example Shop</title><meta property="og:type" content="product">`, siteChrome(shopPage())), u)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"$22.00", "sweat-wicking knit", "100% recycled polyester"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("product part %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, r := range buyerReviews {
		if strings.Contains(d.Markdown, r[:40]) {
			t.Errorf("review kept: %q\n%s", r[:40], d.Markdown)
		}
	}

	var b strings.Builder
	b.WriteString(`<main><article><h1>The best training tees of 2025</h1>`)
	for i, r := range buyerReviews {
		fmt.Fprintf(&b, `<section id="tee-%d-review" class="product-review"><h2>Pick %d</h2><p>%s</p><a class="button" href="https://shop.example.com/t/%d">Buy now</a></section>`, i, i+1, r, i)
	}
	b.WriteString(`</article></main>`)
	d, err = FromHTML(page(`<title>The best training tees of 2025</title><meta property="og:type" content="article">`, siteChrome(b.String())), mustURL(t, "https://reviews.example.com/best-tees"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range buyerReviews {
		if !strings.Contains(d.Markdown, r[:40]) {
			t.Errorf("review article lost %q:\n%s", r[:40], d.Markdown)
		}
	}
}
