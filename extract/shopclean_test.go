package extract

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// micReviews are buyers' reviews as a shop shows them and declares them.
var micReviews = []struct{ author, title, body string }{
	{"Robert D.", "Great for audiobooks", "I record audiobooks at home and this has replaced two other microphones: warm, clear and with no hiss even at high gain."},
	{"Lena", "Worth the price", "It cost more than I meant to spend, but the onboard gain means I no longer need the separate booster box I used to carry."},
	{"Sam P.", "Podcast upgrade", "Our podcast sounds like a radio show now; the treble lift switch helps my co-host who speaks very softly."},
}

// micPage is a music shop's product page: chrome, a JSON-LD Product with
// its reviews (review, reviewBody), a buy box, a description with a list
// of features, and the same reviews shown in boxes whose class names say
// nothing ("c-7f2a"), under no heading.
func micPage(declare bool) string {
	type review struct {
		Type   string         `json:"@type"`
		Author map[string]any `json:"author"`
		Name   string         `json:"name"`
		Body   string         `json:"reviewBody"`
	}
	var ld []review
	var shown strings.Builder
	for _, r := range micReviews {
		ld = append(ld, review{"Review", map[string]any{"@type": "Person", "name": r.author}, r.title, r.body})
		fmt.Fprintf(&shown, `<div class="c-7f2a"><div class="c-91b"><span>%s</span> <span>★★★★★</span></div><p class="c-3d">%s</p><div class="c-11e">%s</div></div>`, r.author, r.title, r.body)
	}
	product := map[string]any{
		"@context": "https://schema.org", "@type": "Product", "name": "Studio dynamic microphone SD-7",
		"offers":          map[string]any{"@type": "Offer", "price": 349, "priceCurrency": "USD"},
		"aggregateRating": map[string]any{"@type": "AggregateRating", "ratingValue": 5, "reviewCount": len(micReviews)},
	}
	if declare {
		product["review"] = ld
	}
	js, _ := json.Marshal(product)
	head := `<title>Studio dynamic microphone SD-7 | Tonewood Music</title><meta property="og:type" content="product">
<script type="application/ld+json">` + string(js) + `</script><script>window.dataLayer=window.dataLayer||[];dataLayer.push({page:"pdp"});</script>`
	body := siteChrome(`<main><div class="pdp-wrap">
<div class="buy"><h1>Studio dynamic microphone SD-7</h1><p class="amt">$349.00</p><p>In stock, ships today</p><button type="button">Add to cart</button></div>
<div class="desc"><h2>A speaking microphone that brings its own gain</h2>
<p>The SD-7 puts a large dynamic capsule in front of an onboard gain stage that adds up to 24 dB without hiss, so a laptop interface records it at a healthy level. A rubber cradle inside the body stops desk knocks from reaching the capsule.</p>
<p>The low cut and treble lift switches under the yoke tune it for speech or singing, and the thick foam cover softens breath sounds without a separate pop filter.</p>
<ul><li>Cardioid pickup pattern</li><li>50 Hz to 20 kHz frequency response</li><li>XLR output, phantom powered</li><li>Weight 0.85 kg</li></ul></div>
<div class="c-rev-wrap">` + shown.String() + `</div>
</div></main>`)
	return page(head, body)
}

func TestFromHTMLDeclaredReviewsLeaveTheProduct(t *testing.T) {
	d, err := FromHTML(micPage(true), mustURL(t, "https://tonewood.example.com/p/sd-7"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Studio dynamic microphone SD-7", "onboard gain stage that adds up to 24 dB", "treble lift switches", "Cardioid pickup pattern"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("product part %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, r := range micReviews {
		if strings.Contains(d.Markdown, r.body[:40]) {
			t.Errorf("declared review %q kept:\n%s", r.body[:40], d.Markdown)
		}
	}
	// Without the declaration nothing says those boxes are reviews: the
	// rule does not guess.
	d, err = FromHTML(micPage(false), mustURL(t, "https://tonewood.example.com/p/sd-7"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Markdown, micReviews[0].body[:40]) {
		t.Errorf("undeclared review text dropped:\n%s", d.Markdown)
	}
}

func TestCleanShopDropsDeclaredReviewsOnly(t *testing.T) {
	reviews := shingleSet(wordTokens("Great product! The lid no longer drips onto the counter like my old kettle did every morning.", nil))
	tests := []struct{ name, md, want string }{
		{"review block goes", "# Kettle\n\nThe lid no longer drips onto the counter like my old kettle did every morning.\n\nCapacity 1.7 l",
			"# Kettle\n\nCapacity 1.7 l"},
		{"short line matching a review stays", "# Kettle\n\nGreat product!\n\nCapacity 1.7 l", "# Kettle\n\nGreat product!\n\nCapacity 1.7 l"},
		{"description sharing a few words stays", "The lid no longer drips, thanks to a new seal that closes tightly around the spout of the kettle when you pour.",
			"The lid no longer drips, thanks to a new seal that closes tightly around the spout of the kettle when you pour."},
		{"never everything", "The lid no longer drips onto the counter like my old kettle did every morning.",
			"The lid no longer drips onto the counter like my old kettle did every morning."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanShop(tc.md, reviews, &defaultConfig); got != tc.want {
				t.Errorf("cleanShop = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestDeclaredReviews(t *testing.T) {
	tests := []struct {
		name string
		ld   string
		want bool // a review text is found
	}{
		{"nested in product", `{"@type":"Product","name":"X","review":[{"@type":"Review","reviewBody":"Sturdy and quiet, would buy again."}]}`, true},
		{"on its own", `{"@type":"Review","reviewBody":"Sturdy and quiet, would buy again."}`, true},
		{"rating only", `{"@type":"Product","aggregateRating":{"@type":"AggregateRating","ratingValue":4}}`, false},
		{"body not a string", `{"@type":"Review","reviewBody":{"text":"x"}}`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := &pageMeta{jsonLD: appendJSONLD(nil, tc.ld)}
			if got := declaredReviews(m) != nil; got != tc.want {
				t.Errorf("declaredReviews found = %v, want %v", got, tc.want)
			}
		})
	}
}

// itemReviews are buyers' reviews: a title and a body each.
var itemReviews = [][2]string{
	{"Kneads bread dough without a struggle", "The motor copes with a stiff rye dough for ten minutes without getting hot, which my old mixer never managed. The bowl locks in with a quarter turn, and the splash guard actually keeps flour on the worktop rather than all over the kitchen wall."},
	{"Good replacement", "Bought this after the gearbox on my previous mixer gave out. It took a minute to set up and the beater height was right out of the box. It is heavier than the last one, but that weight keeps it from walking across the counter on high speed."},
	{"Still going after two years", "I bake for a small café three days a week. Two years on it still whips cream and meringue evenly, and the only wear is a faint scratch where the bowl sits. The dough hook has bent slightly but still does its job."},
	{"Solid but loud", "It is sturdy and does everything I ask, though on the top setting it is noisy enough to stop a conversation. I would have liked a timer, but I do not regret buying it and the hand whisk now lives at the back of a drawer."},
	{"Better than I hoped", "My daughter and I use it for birthday cakes and the flex-edge beater saves scraping the bowl by hand. Swapping attachments is quick, and the tilt head makes it easy to add eggs one at a time without stopping."},
}

// unavailableItem is a marketplace item page that sells nothing today (no
// cart control, no declared product): the item's title, rating line and
// details, then its buyers' reviews, each a dated block headed by a star
// rating, which look like the posts of a thread.
func unavailableItem() string {
	var reviews strings.Builder
	for i, r := range itemReviews {
		fmt.Fprintf(&reviews, `<div class="a-section review" id="R%d"><div class="a-profile"><span>buyer_%d</span></div>
<h5><a href="/review/R%d"><i><span>%d.0 out of 5 stars</span></i> <span>%s</span></a></h5>
<span class="review-date">Reviewed in the United Kingdom on %d March 2026</span><span>Verified Purchase</span>
<div class="review-text"><span>%s</span></div></div>`, i, i, i, 5-i%2, r[0], 3+i, r[1])
	}
	body := siteChrome(`<div id="dp"><div id="centerCol"><h1 id="title">Stand mixer 5 litre, tilt head, with three attachments</h1>
<p><a href="/brands/acme">More from Acme</a></p><p>4.3 out of 5 stars (12,318)</p>
<div id="availability"><p>Out of stock.</p><p>No restock date has been given for this model.</p></div>
<table><tr><th>Brand</th><td>Acme</td></tr><tr><th>Colour</th><td>Sage green</td></tr><tr><th>Item weight</th><td>6.8 kg</td></tr></table>
<h2>About this item</h2><ul><li>A 1,000 watt motor with ten speeds and a gentle start</li><li>Stainless steel bowl with a handle, dishwasher safe</li><li>Dough hook, flat beater and balloon whisk included</li></ul></div>
<div id="reviews-col"><h2>Top reviews from the United Kingdom</h2>` + reviews.String() + `</div></div>`)
	return page(`<title>Stand mixer 5 litre | Marketplace</title>`, body)
}

func TestThreadContentReviewsAreNotAThread(t *testing.T) {
	// The article path kept the reviews, the densest prose of the page
	// (they are dated look-alike blocks, like a thread's posts): they are
	// not read as a thread, so the page is weighed as a page of parts.
	root, err := parseClean(unavailableItem())
	if err != nil {
		t.Fatal(err)
	}
	var kept strings.Builder
	for _, r := range itemReviews {
		kept.WriteString(r[1] + "\n\n")
	}
	u := mustURL(t, "https://market.example.co.uk/dp/B0MIXER5L")
	r, kind := threadContent(root, u, &pageText{doc: root}, collectMeta(root), rendered{markdown: kept.String()}, &defaultConfig)
	if kind != threadNone {
		t.Errorf("reviews read as a thread (kind %d):\n%s", kind, r.markdown)
	}
}

func TestReviewPosts(t *testing.T) {
	tests := []struct {
		name, md string
		want     bool
	}{
		{"star-rated reviews", "##### 5.0 out of 5 stars Clear sound\n\nGreat.\n\n##### 4 out of 5 stars Good\n\nFine.", true},
		{"one review among posts", "### Re: pairing fails\n\nTry again.\n\n### 5 out of 5 stars from me\n\nWorks.\n\n### Re: pairing fails\n\nThanks.", false},
		{"forum posts", "### Posted by marta\n\nMy script stops.\n\n### Reply by ole\n\nQuote the path.", false},
		{"one review", "##### 5.0 out of 5 stars Clear sound\n\nGreat.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := reviewPosts(tc.md, &defaultConfig); got != tc.want {
				t.Errorf("reviewPosts = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestDropControlLabels(t *testing.T) {
	tests := []struct{ name, md, want string }{
		{"card lines", "### [Trail 350 Headlamp](/p/1)\n\n$52.50\n\nQuick View\n\n[Add to Compare](/compare?id=1)", "### [Trail 350 Headlamp](/p/1)\n\n$52.50"},
		{"label linked to a long address", "## [Nitro+ 9070](/p/1)\n\n[Quick View](https://shop.example.com/sapphire-nitro-plus-radeon-rx-9070-xt-16gb/p/N82E16814202448)\n\n$799.99",
			"## [Nitro+ 9070](/p/1)\n\n$799.99"},
		{"a rating widget's labels", "### [The Lighthouse Keeper's Daughter](/book/17)\n\navg rating 4.12 — 20,331 ratings\n\nRate this book\n\nClear rating\n\n### [Salt and Stone](/book/18)",
			"### [The Lighthouse Keeper's Daughter](/book/17)\n\navg rating 4.12 — 20,331 ratings\n\n### [Salt and Stone](/book/18)"},
		{"label between blocks", "# Lamp\n\nQuick shop\n\nA brass desk lamp.", "# Lamp\n\nA brass desk lamp."},
		{"a board index's section toggles", "## General Topics\n\nCollapse\n\n[Bench Power Supplies](/f/12)\n\nBuilding and fixing lab supplies.\n\nShow more\n\n## Repair Shop\n\nExpand",
			"## General Topics\n\n[Bench Power Supplies](/f/12)\n\nBuilding and fixing lab supplies.\n\n## Repair Shop"},
		{"a section's link to all of it", "## [Headphones](/reviews/headphones)\n\n[See all reviews](/reviews/headphones)\n\n## [Speakers](/reviews/speakers)\n\n- [Browse all speakers](/reviews/speakers)",
			"## [Headphones](/reviews/headphones)\n\n## [Speakers](/reviews/speakers)"},
		{"more than one word after 'all'", "[See all our winter gear](/winter)\n\nWarm layers.", "[See all our winter gear](/winter)\n\nWarm layers."},
		{"a toggle's word inside a sentence", "Expand the list to see every board.", "Expand the list to see every board."},
		{"items of a list", "- $**459**.99\n- Free Shipping\n- Add to wishlist\n- Compare", "- $**459**.99\n- Free Shipping"},
		{"item going on below its label", "- Quick view\n  Ridge Core Headlamp\n  $84.00", "- Quick view\n  Ridge Core Headlamp\n  $84.00"},
		{"label inside a sentence", "Compare the two lamps side by side before you buy now.", "Compare the two lamps side by side before you buy now."},
		{"never everything", "Add to cart", "Add to cart"},
		{"code left alone", "Run it:\n\n```\ncompare\n```", "Run it:\n\n```\ncompare\n```"},
		{"code quoting a fence left alone", "Run it:\n\n````\n```\ncompare\n```\n````", "Run it:\n\n````\n```\ncompare\n```\n````"},
		{"a linked call to action on its line", "## Assembly service\n\nWe build it in your home.\n\n[Learn more](https://shop.example.com/customer-service/services/assembly/?itm_campaign=assurances)\n\n- [Shop now](/sale)",
			"## Assembly service\n\nWe build it in your home."},
		{"a call to action in words, not a link", "## Delivery\n\nLearn more\n\nWe deliver on weekdays.", "## Delivery\n\nLearn more\n\nWe deliver on weekdays."},
		{"a call to action linked to an address with parentheses", "Lamps.\n\n[Learn more](https://shop.example/wiki/Lamp_(light))", "Lamps."},
		{"a call to action followed by more", "Lamps.\n\n[View](/a) (…)", "Lamps.\n\n[View](/a) (…)"},
		{"a link inside a sentence", "Read the [care guide](/care) and [learn more](/more) about it.", "Read the [care guide](/care) and [learn more](/more) about it."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := dropControlLabels(tc.md, &defaultConfig); got != tc.want {
				t.Errorf("dropControlLabels(%q) = %q, want %q", tc.md, got, tc.want)
			}
		})
	}
}

func FuzzDropControlLabels(f *testing.F) {
	for _, s := range []string{"", "Quick view", "- Compare\n  $5", "# A\n\nAdd to cart\n\n```\ncompare\n```", "[Quick View](https://x.example/" + strings.Repeat("a", 60) + ")\n\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		got := dropControlLabels(md, &defaultConfig)
		if len(got) > len(md) {
			t.Fatalf("output longer than input: %q -> %q", md, got)
		}
		if strings.TrimSpace(md) != "" && strings.TrimSpace(got) == "" {
			t.Fatalf("dropped everything: %q", md)
		}
		_ = ErrorPlaceholder(md)
	})
}
