package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// pressQuotes are a book's editorial reviews: blurbs from the press and
// other writers, as a shop prints them under the description.
var pressQuotes = []string{
	`"A calm, practical guide to the garden in winter. Every chapter left me with something to do on the next dry afternoon." - The Northern Gazette`,
	`"Few writers explain soil as clearly as this; the pages on mulching alone are worth the price of the book." - Amara Osei, author of Roots and Rain`,
	`"Warm, funny and full of hard-won advice from thirty years of mistakes in a cold, wet allotment." - Weekend Review magazine`,
}

// editorialBox is a box the shop names for reviews that holds the book's
// press quotes and its author's biography: prose, no widget.
func editorialBox() string {
	var b strings.Builder
	b.WriteString(`<div id="editorialReviews_feature_div" class="celwidget"><h2>Editorial Reviews</h2><div class="a-section"><h3><span>Review</span></h3>`)
	for _, q := range pressQuotes {
		fmt.Fprintf(&b, `<p><span class="a-text-bold">%s</span></p>`, q)
	}
	b.WriteString(`<h3>About the Author</h3><p>Hanna Lind has tended the same allotment on the edge of Leeds since 1994 and writes a monthly column on growing food in a short season.</p></div></div>`)
	return b.String()
}

// buyersWidget is the buyers' reviews in one of the shapes a shop's
// widget takes; part is the markup each card adds around its text.
func buyersWidget(part func(i int) string) string {
	var b strings.Builder
	b.WriteString(`<div id="customer-reviews" class="reviews-section"><h2>Customer reviews</h2>`)
	for i, r := range buyerReviews[:3] {
		fmt.Fprintf(&b, `<div class="c%d">%s<p>%s</p></div>`, i, part(i), r)
	}
	b.WriteString(`</div>`)
	return b.String()
}

func TestIsEditorialReview(t *testing.T) {
	for _, tc := range []struct {
		name, box string
		want      bool
	}{
		{"press quotes and a biography", editorialBox(), true},
		{"an expert's write-up named review", `<section class="product-review"><h2>Our review</h2><p>` + buyerReviews[0] + ` ` + buyerReviews[1] + `</p></section>`, true},
		{"stars in the text", buyersWidget(func(int) string { return `<span>4 out of 5 stars</span>` }), false},
		{"star glyphs", buyersWidget(func(int) string { return `<span>★★★★☆</span>` }), false},
		{"stars in a label", buyersWidget(func(int) string { return `<i class="icon" aria-label="4.0 out of 5 stars"></i>` }), false},
		{"reviewers' names", buyersWidget(func(i int) string { return fmt.Sprintf(`<span class="review-author">Buyer %d</span>`, i) }), false},
		{"review dates", buyersWidget(func(i int) string { return fmt.Sprintf(`<time datetime="2025-0%d-12">%d months ago</time>`, i+1, i+1) }), false},
		{"rating property", buyersWidget(func(int) string { return `<meta itemprop="ratingValue" content="4">` }), false},
		{"review type", `<div class="reviews"><div itemscope itemtype="https://schema.org/Review"><p>` + buyerReviews[0] + `</p></div></div>`, false},
		{"look-alike cards, unmarked", `<div class="reviews">` + strings.Repeat(`<div class="card"><p>`+buyerReviews[1]+`</p></div>`, 4) + `</div>`, false},
		{"a widget's empty state", `<div class="reviews"><h2>Reviews</h2><p>There are no reviews yet. Be the first to review this product.</p></div>`, false},
		{"prose in links", `<div class="reviews"><a href="/r">` + buyerReviews[0] + ` ` + buyerReviews[1] + `</a></div>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root, err := html.Parse(strings.NewReader(tc.box))
			if err != nil {
				t.Fatal(err)
			}
			box := findFirst(root, func(n *html.Node) bool {
				return shopChrome(n) != 0
			})
			if box == nil {
				t.Fatal("no box named for reviews")
			}
			if got := isEditorialReview(box, &defaultConfig); got != tc.want {
				t.Errorf("isEditorialReview = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestFromHTMLBookPageKeepsEditorialReviews: a bookshop's product page
// read from its region keeps the press quotes of its "Editorial Reviews"
// box and loses its buyers' reviews, both boxes named for reviews.
func TestFromHTMLBookPageKeepsEditorialReviews(t *testing.T) {
	body := siteChrome(`<div id="dp-container"><div id="centerCol"><h1 id="title">Winter Gardening: A Practical Year</h1>
<p class="byline">by <a href="/author/hanna-lind">Hanna Lind</a> (Author)</p>
<ul class="formats"><li><a href="/dp/k1">Kindle $9.99</a></li><li><a href="/dp/p1">Paperback $14.99</a></li><li>Hardcover $22.00</li></ul>
<div id="bookDescription"><p>The garden does not stop in November. This book walks through the cold months week by week: what to sow under glass, how to protect the beds, and which crops stand the frost.</p></div>
<div id="detailBullets"><ul><li>Publisher: Fieldfare Press</li><li>Publication date: October 3, 2023</li><li>Print length: 288 pages</li><li>ISBN-13: 978-1-00000-000-0</li></ul></div></div>
<div id="buybox"><p class="price">$22.00</p><form action="/cart/add"><input type="hidden" name="asin" value="B0TEST"><button>Add to Cart</button></form></div>
` + editorialBox() + buyersWidget(func(i int) string {
		return fmt.Sprintf(`<span class="a-profile-name">Buyer %d</span><i class="a-icon-star" aria-label="5.0 out of 5 stars"></i><span class="review-date">Reviewed on March %d, 2025</span>`, i, i+3)
	}) + `</div><script>window.ue_t0 = Date.now(); var P = {"asin":"B0TEST"};</script>`)
	d, err := FromHTML(page(`<title>Winter Gardening: A Practical Year: Lind, Hanna: Books</title><meta property="og:type" content="product">`, body), mustURL(t, "https://books.example.com/dp/B0TEST"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Print length: 288 pages", "worth the price of the book", "Weekend Review magazine", "edge of Leeds since 1994"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("lost %q:\n%s", want, d.Markdown)
		}
	}
	for _, r := range buyerReviews[:3] {
		if strings.Contains(d.Markdown, r[:40]) {
			t.Errorf("buyer's review kept: %q\n%s", r[:40], d.Markdown)
		}
	}
}
