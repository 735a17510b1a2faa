package extract

import (
	"fmt"
	"strings"
	"testing"
)

// ratedProductPage is a game shop's product page: its name, price and
// description, a box named for ratings that sums up the buyers' reviews
// in a line, and the buyers' reviews under the description. ld is its
// structured data (one product, or none).
func ratedProductPage(ld string) string {
	var reviews strings.Builder
	for i, r := range buyerReviews[:3] {
		fmt.Fprintf(&reviews, `<div class="review_box"><div class="persona_name">player%d</div><div class="postedDate">Posted: %d March</div><div class="content">%s</div></div>`, i, i+4, r)
	}
	return page(`<title>Harbour Lights on Example Games</title>`+ld,
		siteChrome(`<div class="page_content"><div class="apphub_AppName" id="appHubAppName"><h1>Harbour Lights</h1></div>
<div class="game_description_snippet">Keep a lighthouse running through one long winter on a northern island, one storm at a time.</div>
<div class="user_reviews"><div class="user_reviews_summary_row"><div class="subtitle">All Reviews:</div><div class="summary"><span class="game_review_summary positive">Very Positive</span> (2,418) - 91% of the 2,418 user reviews for this game are positive.</div></div></div>
<div class="game_purchase_action"><div class="game_purchase_price price">$14.99</div><div class="btn_addtocart"><a class="btn_green" href="/cart/add/1">Add to Cart</a></div></div>
<div class="game_area_description"><h2>About This Game</h2><p>Each night the lamp must be lit, the lens cleaned and the log kept. Ships pass in the dark and some of them need more than a light: you row out, you take in the shipwrecked, you ration the stores until the supply boat comes in spring.</p><p>The island changes with the weather. Paths freeze, the jetty breaks, the radio goes quiet for days; what you repair first decides who makes it to the thaw.</p></div>
<div id="Reviews_summary" class="user_reviews_container"><h2>Customer reviews for Harbour Lights</h2>`+reviews.String()+`</div></div>`))
}

// TestFromHTMLKeepsRatingSummary: on a page declaring one product, the
// box named for ratings that holds a line summing up the reviews stays
// with the product; the reviews themselves go. A page declaring no
// product (sold all the same: a cart link) keeps neither.
func TestFromHTMLKeepsRatingSummary(t *testing.T) {
	const product = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Harbour Lights","offers":{"@type":"Offer","price":"14.99","priceCurrency":"USD"}}</script>`
	for _, tc := range []struct {
		name, ld string
		summary  bool
	}{
		{"one product declared", product, true},
		{"no product declared", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := FromHTML(ratedProductPage(tc.ld), mustURL(t, "https://games.example.com/app/2200/Harbour_Lights/"))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(d.Markdown, "the shipwrecked") {
				t.Errorf("lost the description:\n%s", d.Markdown)
			}
			if got := strings.Contains(d.Markdown, "91% of the 2,418 user reviews"); got != tc.summary {
				t.Errorf("summary kept = %v, want %v:\n%s", got, tc.summary, d.Markdown)
			}
			for _, r := range buyerReviews[:3] {
				if strings.Contains(d.Markdown, r[:40]) {
					t.Errorf("review kept: %q\n%s", r[:40], d.Markdown)
				}
			}
		})
	}
}
