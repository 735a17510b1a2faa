package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// productState is the JSON a server-rendered shop ships beside its HTML
// for the script to take over: the catalogue, translations, the menu.
// It often outweighs the page's visible text many times.
func productState() string {
	var b strings.Builder
	b.WriteString(`<script id="__APP_STATE__" type="application/json">{"catalogue":[`)
	for i := 0; i < 400; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"sku":"CAM-2024-BODY","name":"Mirrorless camera body with kit lens","description":"A full-frame mirrorless camera for stills and video, weather sealed, with dual card slots","price":1899}`)
	}
	b.WriteString(`]}</script>`)
	return b.String()
}

func TestFromHTMLFadeInOverviewBesideLargeAppState(t *testing.T) {
	// The overview fades in once the script has measured the page
	// (opacity 0, no transition in the stylesheet the page ships): it is
	// most of what a person reads, though the state JSON is far larger
	// than all the page's text.
	overview := `<div class="fader" style="opacity:0"><article class="overview">
<h2>Overview</h2>
<p>Built around a 33-megapixel full-frame sensor and a new image processor, this mirrorless body records sharp stills at up to 12 frames per second and 4K video oversampled from the full width of the sensor.</p>
<h3>Autofocus that follows the subject</h3>
<p>A 759-point hybrid autofocus system covers most of the frame and recognises eyes of people, animals and birds, holding focus on a moving subject in low light down to minus four stops.</p>
<h3>Made for the outdoors</h3>
<p>The magnesium alloy body is sealed against dust and moisture, and a deeper grip makes long lenses comfortable to hold for a full day of shooting in the field.</p>
<ul><li>33MP full-frame sensor</li><li>4K 60p 10-bit video</li><li>Dual card slots, CFexpress and SD</li><li>Five-axis in-body stabilisation</li></ul>
</article></div>`
	body := siteChrome(`<main><h1>Mirrorless camera body</h1><p class="price">$1,899.00</p>
<form class="product-form" action="/cart/add"><select name="kit"><option>Body only</option></select><button>Add to cart</button></form>
<p style="opacity:0">SECRET fade trap that never shows</p>` + overview + `</main>`)
	d, err := FromHTML(page(`<title>Mirrorless camera body | Acme</title>`, body+productState()), mustURL(t, "https://shop.example.com/p/camera"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"759-point hybrid autofocus", "magnesium alloy body", "Dual card slots"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("overview %q lost:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(d.Markdown, "SECRET") {
		t.Errorf("a small transparent block shown:\n%s", d.Markdown)
	}
}

func TestTextBytesSkipsScriptsAndStyles(t *testing.T) {
	for _, tc := range []struct {
		html string
		want int
	}{
		{`<p>four words of text</p>`, len("four words of text")},
		{`<p>shown</p><script>var state = {"a": "a long string of state"};</script>`, len("shown")},
		{`<style>p { color: red }</style><p>shown</p><template><p>later</p></template>`, len("shown")},
		{`<noscript><p>enable scripts</p></noscript>`, 0},
	} {
		root, err := html.Parse(strings.NewReader(tc.html))
		if err != nil {
			t.Fatal(err)
		}
		if got := textBytes(root); got != tc.want {
			t.Errorf("textBytes(%s) = %d, want %d", tc.html, got, tc.want)
		}
	}
}

func TestFromHTMLShopPageShownTwiceKeptOnce(t *testing.T) {
	// A subscription product whose description the template prints twice
	// (a desktop column and a mobile accordion, both in the markup): the
	// article path keeps both copies; a reader reads it once.
	desc := `<p>Join a live, online evening class each week: forty minutes of guided practice followed by a short talk and time for your questions. The membership renews each month and can be cancelled at any time from your account page.</p>
<p><strong>Membership includes:</strong></p><ul><li>Every live class of the month, with recordings for a week</li><li>A question and answer session in each class</li><li>Monthly community discussion evenings</li><li>Ten percent off workshops and weekend retreats</li></ul>`
	body := siteChrome(`<main><div class="product" itemscope itemtype="https://schema.org/Product">
<h1 itemprop="name">Evening class membership</h1><p class="product-price"><span itemprop="price">$39.00</span> every month</p>
<div class="product-description desktop-only">` + desc + `</div>
<form class="product-form" action="/cart"><input type="hidden" name="id" value="7"><button type="submit" name="add">Add to cart</button></form>
<details class="product-accordion mobile-only" open><summary>Details</summary><div class="accordion-body">` + desc + `</div></details>
</div></main>`)
	d, err := FromHTML(page(`<title>Evening class membership | Acme Studio</title>`, body), mustURL(t, "https://studio.example.com/p/evening"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"forty minutes of guided practice", "Monthly community discussion evenings"} {
		if n := strings.Count(d.Markdown, want); n != 1 {
			t.Errorf("%q shown %d times, want once:\n%s", want, n, d.Markdown)
		}
	}
}

func TestIsRailHeadingOnShopPages(t *testing.T) {
	tests := []struct {
		block      string
		shop, want bool
	}{
		{"## Explore related items", false, true},
		{"## People who viewed this item also viewed", false, true},
		{"### Shoppers also viewed", false, true},
		{"## Related searches", false, true},
		{"## More seller options (2)", false, true},
		{"## Why buyers who also viewed the old model switched to this one for good", false, false}, // a title, too long for a label
		{"## Seller feedback (7,310)", true, true},
		{"## Seller feedback (7,310)", false, false}, // a review site's or a forum's content
		{"## Customer Reviews", true, true},
		{"### 5.0 out of 5 stars Quiet and well made", true, true},
		{"### 4 out of 5 stars", true, true},
		{"### 5.0 out of 5 stars Quiet and well made", false, false},
		{"## Shipping & Returns", true, true},
		{"## Shipping & Returns", false, false},
		{"## Specifications", true, false},
		{"## Description", true, false},
		{"## Reviewed by our lab: how we test kettles", true, false},
		{"### Out of stock alerts", true, false},
		{"### Top reviews from other countries", true, true},
		{"### Top reviews from other countries", false, false},
		{"## Customers frequently viewed", false, true},
		{"## Products related to this item", false, true},
		{"## User testimonials", true, true},
		{"## Testimonials", false, false},     // a service firm's page: its clients' words are content
		{"## Featured products", true, false}, // a category page's content; one product's page drops it (productRailHeadings)
	}
	for _, tc := range tests {
		if got := headingLevel(tc.block) > 0 && isRailHeading(tc.block, tc.shop); got != tc.want {
			t.Errorf("rail heading %q (shop %v) = %v, want %v", tc.block, tc.shop, got, tc.want)
		}
	}
}

func TestFromHTMLProductWithoutReviewsRailsOrShippingTerms(t *testing.T) {
	// A marketplace item: the seller's description and item specifics are
	// the content; the buyers' feedback, the sponsored rail and the
	// shipping terms are headed sections of the same column, in blocks
	// with no telling class names.
	var reviews strings.Builder
	for i, r := range []string{
		"Fast shipping and the brochure was exactly as described, packed flat between two boards.",
		"Great seller, item better than described, would buy from again without a second thought.",
		"Arrived quickly and in perfect condition, a lovely piece of history for my collection.",
		"Excellent communication and careful packing, thank you very much for a smooth sale.",
	} {
		fmt.Fprintf(&reviews, `<div class="c-%d"><p><b>b***%d</b> (%d) Past month</p><p>%s</p></div>`, i, i, 100+i, r)
	}
	var rail strings.Builder
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&rail, `<li><a href="/itm/%d">Vintage sales brochure number %d, original print</a><span>US $%d.00</span></li>`, i, i, 10+i)
	}
	body := siteChrome(`<main><div class="x-item">
<h1>1958 delivery truck sales brochure, eight pages, original</h1><p>US $18.00</p>
<form action="/cart/add"><button>Buy It Now</button><button>Add to cart</button></form>
<h2>Item specifics</h2><dl><dt>Condition</dt><dd>Used: light wear on the cover, all pages present</dd><dt>Year</dt><dd>1958</dd><dt>Country of origin</dt><dd>United States</dd></dl>
<h2>Item description from the seller</h2><p>Original dealer brochure for the 1958 parcel delivery trucks, eight pages with cutaway drawings of the walk-in bodies, chassis tables and a colour chart. Folded once, as issued; a small pencil note on the back page.</p>
<p>Ships flat in a rigid mailer the next working day after payment.</p>
<h2>Shipping &amp; returns</h2><p>Estimated delivery in five to nine working days. Returns accepted within 30 days; the buyer pays for return shipping unless the item is not as described.</p>
<h2>Seller feedback (7,310)</h2>` + reviews.String() + `
<h2>Explore related items</h2><ul>` + rail.String() + `</ul>
</div></main>`)
	d, err := FromHTML(page(`<title>1958 delivery truck sales brochure | Market</title>`, body), mustURL(t, "https://market.example.com/itm/1958"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"cutaway drawings of the walk-in bodies", "Used: light wear on the cover", "US $18.00"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("content %q lost:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"packed flat between two boards", "sales brochure number 3", "buyer pays for return shipping"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("%q kept:\n%s", gone, d.Markdown)
		}
	}
}

// trendingRepos are the entries of a code host's trending page: a linked
// owner/name, a one-line description, and a line of figures.
var trendingRepos = [][3]string{
	{"harbourlabs / tidewatch", "A small daemon that watches tide gauges and posts alerts when the water rises faster than forecast.", "Go 6,223 685"},
	{"quayside / ferry-planner", "Plans ferry crossings around weather windows and berth availability for small island operators.", "Python 12,944 726"},
	{"saltmarsh / ledger", "Double-entry bookkeeping in plain text files, with reports rendered straight to the terminal.", "Rust 3,410 201"},
	{"lighthouse-dev / beacon", "Self-hosted uptime checks with a status page that stays readable when everything else is down.", "TypeScript 8,802 540"},
	{"pierworks / netmender", "Repairs corrupted fishing net inventories exported from old spreadsheets into a clean schema.", "Python 1,187 96"},
	{"anchorage / moor", "A mooring allocation service for marinas, with waiting lists and seasonal contracts built in.", "Elixir 2,044 133"},
}

func TestFromHTMLListingWhoseSummariesTheArticlePathKept(t *testing.T) {
	// The article extractors keep the descriptions (the page's only
	// prose) and drop the linked titles and the figures: the page is the
	// list, read from its region.
	var b strings.Builder
	b.WriteString(`<main><div class="page-head"><h1>Trending</h1><p>The projects collecting the most new stars this week.</p></div><div class="box">`)
	for i, r := range trendingRepos {
		fmt.Fprintf(&b, `<article class="box-row"><div class="float-right"><a class="btn" href="/login?return_to=%d" aria-label="Star"></a></div>
<h2 class="h3 lh-condensed"><a href="/%s">%s</a></h2><p class="col-9 color-fg-muted">%s</p>
<div class="f6 color-fg-muted"><span class="lang">%s</span> stars today</div></article>`, i, strings.ReplaceAll(r[0], " ", ""), r[0], r[1], r[2])
	}
	b.WriteString(`</div></main>`)
	d, err := FromHTML(page(`<title>Trending repositories</title>`, siteChrome(b.String())), mustURL(t, "https://code.example.com/trending"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range trendingRepos {
		for _, want := range []string{r[0], r[1]} {
			if !strings.Contains(d.Markdown, want) {
				t.Errorf("entry %q lost:\n%s", want, d.Markdown)
			}
		}
	}
	if strings.Contains(d.Markdown, "We use cookies") {
		t.Errorf("chrome kept:\n%s", d.Markdown)
	}
}

func TestIsLinkLabel(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  bool
	}{
		{"Explore", true}, {"Learn More", true}, {" Shop now ", true}, {"View all", true},
		{"Explore Bulova 150", false}, {"harbourlabs / tidewatch", false}, {"Marine Star", false}, {"", false},
	} {
		if got := isLinkLabel(tc.title); got != tc.want {
			t.Errorf("isLinkLabel(%q) = %v, want %v", tc.title, got, tc.want)
		}
	}
}

func TestCleanRegionDropsLoadingPlaceholders(t *testing.T) {
	for _, tc := range []struct{ md, want string }{
		{"# Mug\n\nLoading\n\nStoneware, 350 ml.\n\nLoading...\n\n*Loading…*", "# Mug\n\nStoneware, 350 ml."},
		{"# Mug\n\nLoading the kiln takes a day.", "# Mug\n\nLoading the kiln takes a day."},
		{"Loading", "Loading"}, // never everything
		{"# Mug\n\n### Sorry, there was a problem.\n\nThere was an error retrieving your Wish Lists. Please try again.\n\nStoneware, 350 ml.",
			"# Mug\n\nStoneware, 350 ml."},
	} {
		if got := cleanRegion(tc.md, false, &defaultConfig); got != tc.want {
			t.Errorf("cleanRegion(%q) = %q, want %q", tc.md, got, tc.want)
		}
	}
}
