package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// shopCards are the entries of a shop's category page: a linked name and
// a price outside the link.
var shopCards = [][2]string{
	{"Harbour steel kettle, brushed finish", "$49.00"}, {"Harbour steel kettle, matt black", "$52.00"},
	{"Quayside glass teapot with infuser", "$31.50"}, {"Quayside stoneware teapot, six cups", "$38.00"},
	{"Lighthouse cast iron trivet, round", "$14.00"}, {"Lighthouse enamel milk pan, small", "$27.00"},
	{"Anchor bamboo tea tray with handles", "$22.00"}, {"Anchor set of four espresso cups", "$29.00"},
	{"Saltmarsh linen tea towels, pair", "$18.00"}, {"Saltmarsh oven gloves, quilted cotton", "$21.00"},
	{"Pier pour-over coffee stand, oak", "$44.00"}, {"Pier glass carafe for pour-over", "$19.50"},
	{"Dockside coffee grinder, hand crank", "$64.00"}, {"Dockside airtight coffee canister", "$24.00"},
	{"Harbour steel kettle descaler, 3 pack", "$9.00"}, {"Quayside loose tea sampler box", "$16.00"},
}

func TestFromHTMLCategoryPageOfLinkedCards(t *testing.T) {
	// The intro is the densest prose, so the article extractors keep it;
	// the 24 cards are nearly all link text.
	var b strings.Builder
	b.WriteString(`<main><h1>Kettles and tea</h1><div class="category-intro"><p>Everything for the kitchen's most used corner: kettles that switch themselves off, teapots that keep a brew hot for an hour, and the small tools that make a morning cup easier. Every item here ships within two working days from our warehouse, and each comes with a two year guarantee that covers parts and labour, whatever the fault, so you can buy without worrying about what happens next.</p></div>
<div class="toolbar"><button>Filter</button><select><option>Sort by price</option></select></div><ul class="product-grid">`)
	cards := append([][2]string{}, shopCards...)
	for _, c := range shopCards[:8] {
		cards = append(cards, [2]string{c[0] + " (gift box)", c[1]})
	}
	for i, c := range cards {
		fmt.Fprintf(&b, `<li class="product-card"><a href="/p/%d"><img src="/img/%d.jpg" alt=""><span class="name">%s</span></a><span class="price">%s</span><button>Add to cart</button></li>`, i, i, c[0], c[1])
	}
	b.WriteString(`</ul></main>`)
	d, err := FromHTML(page(`<title>Kettles and tea | Acme</title>`, siteChrome(b.String())), mustURL(t, "https://shop.example.com/c/kettles"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cards {
		if !strings.Contains(d.Markdown, c[0]) || !strings.Contains(d.Markdown, c[1]) {
			t.Errorf("card %q lost:\n%s", c[0], d.Markdown)
		}
	}
	if !strings.Contains(d.Markdown, "(https://shop.example.com/p/7)") {
		t.Errorf("card link lost:\n%s", d.Markdown)
	}
	for _, chrome := range []string{"Add to cart", "Sort by price", "We use cookies", "About us"} {
		if strings.Contains(d.Markdown, chrome) {
			t.Errorf("chrome %q kept:\n%s", chrome, d.Markdown)
		}
	}
}

// story is a news story's body, long enough to be one.
var story = strings.Repeat(`<p>The harbour authority voted on Tuesday to close the old ferry pier for two years while engineers replace the timber piles, which divers found rotten along most of the western side during the spring survey of the quay.</p>`, 8)

func TestFromHTMLStoryKeepsItsStoryBesideTeasers(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<main><article><h1>Ferry pier to close for repairs</h1>` + story + `</article><div class="more-stories">`)
	for i := 0; i < 6; i++ {
		fmt.Fprintf(&b, `<div class="teaser"><a href="/news/%d">Council approves the new cycle lane number %d</a><p>Work starts in May.</p></div>`, i, i)
	}
	b.WriteString(`</div></main>`)
	d, err := FromHTML(page(`<title>Ferry pier to close for repairs</title>`, siteChrome(b.String())), mustURL(t, "https://news.example.com/pier"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Markdown, "divers found rotten") {
		t.Errorf("story lost:\n%s", d.Markdown)
	}
	if strings.Contains(d.Markdown, "cycle lane") {
		t.Errorf("teasers kept beside the story:\n%s", d.Markdown)
	}
}

func TestFromHTMLListingOfMarkedUpArticles(t *testing.T) {
	// A blog index marks up every entry as an Article: it is a listing,
	// not an article, whatever its first entry looks like.
	var b strings.Builder
	b.WriteString(`<main><h1>All posts</h1><div class="posts">`)
	for i := 0; i < 10; i++ {
		long := ""
		if i == 0 {
			long = strings.Repeat(" The first post's teaser runs on at length about the week's changes to the build.", 6)
		}
		fmt.Fprintf(&b, `<div class="post" itemscope itemtype="https://schema.org/Article"><h2 itemprop="headline"><a href="/blog/%d">Notes from sprint %d</a></h2><p itemprop="description">What the team shipped in sprint %d, and what slipped to the next one.%s</p></div>`, i, 40+i, 40+i, long)
	}
	b.WriteString(`</div></main>`)
	d, err := FromHTML(page(`<title>All posts</title>`, siteChrome(b.String())), mustURL(t, "https://blog.example.com/"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10; i++ {
		if !strings.Contains(d.Markdown, fmt.Sprintf("Notes from sprint %d", 40+i)) {
			t.Errorf("entry %d lost:\n%s", i, d.Markdown)
		}
	}
}

func TestFromHTMLProductWithoutRailsOrStickyBar(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<main><div class="product-main"><h1>Harbour Steel Kettle 1.7 L</h1><p class="price">$49.00</p>
<div class="description"><p>A brushed steel kettle that boils a full litre in under three minutes and switches itself off when the water boils or the base runs dry.</p>
<p>The lid opens with one press and the limescale filter lifts out for rinsing under the tap.</p></div>
<h2>Specifications</h2><table><tr><th>Capacity</th><td>1.7 litres</td></tr><tr><th>Power</th><td>2200 W</td></tr></table></div>
<div class="sticky-bar"><p>Harbour Steel Kettle 1.7 L, brushed steel, $49.00</p></div>
<section class="carousel-wrap"><h2>You may also like</h2><div class="grid">`)
	for i, c := range shopCards[:4] {
		fmt.Fprintf(&b, `<div class="tile"><a href="/p/%d">%s</a><p>%s</p></div>`, i, c[0], c[1])
	}
	b.WriteString(`</div></section><div class="sticky-bar-mobile"><p>Harbour Steel Kettle 1.7 L, brushed steel, $49.00</p></div></main>`)
	d, err := FromHTML(page(`<title>Harbour Steel Kettle 1.7 L | Acme</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Harbour Steel Kettle 1.7 L"}</script>`, siteChrome(b.String())), mustURL(t, "https://shop.example.com/kettle"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"$49.00", "boils a full litre", "limescale filter", "2200 W"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("product part %q lost:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(d.Markdown, "You may also like") || strings.Contains(d.Markdown, shopCards[2][0]) {
		t.Errorf("rail kept:\n%s", d.Markdown)
	}
	if n := strings.Count(d.Markdown, "brushed steel, $49.00"); n > 1 {
		t.Errorf("sticky bar kept %d times:\n%s", n, d.Markdown)
	}
}

func TestIsRailHeading(t *testing.T) {
	tests := []struct {
		block string
		want  bool
	}{
		{"## You may also like", true},
		{"### You might also like these", true},
		{"## Customers also bought", true},
		{"#### Recently Viewed", true},
		{"## [Related products](https://shop.example.com/related)", true},
		{"## Description", false},
		{"## Specifications", false},
		{"You may also like", false}, // a paragraph, not a heading
		{"## Related reading on kettles", false},
	}
	for _, tc := range tests {
		if got := headingLevel(tc.block) > 0 && isRailHeading(tc.block, false); got != tc.want {
			t.Errorf("rail heading %q = %v, want %v", tc.block, got, tc.want)
		}
	}
}

func TestCleanRegion(t *testing.T) {
	tests := []struct {
		name, md, want string
		shop           bool
	}{
		{"rail to the next heading of its level", "# Kettle\n\nBoils fast.\n\n## You may also like\n\n### Teapot\n\n$31\n\n## Delivery\n\nTwo days.", "# Kettle\n\nBoils fast.\n\n## Delivery\n\nTwo days.", false},
		{"rail at the end", "# Kettle\n\nBoils fast.\n\n## Recently viewed\n\n- [Teapot](/p/2)", "# Kettle\n\nBoils fast.", false},
		{"shop repeat dropped", "# Kettle 1.7 L\n\nSteel kettle, $49.00 each\n\nBoils fast.\n\nSteel kettle, $49.00 each", "# Kettle 1.7 L\n\nSteel kettle, $49.00 each\n\nBoils fast.", true},
		{"short repeats kept", "Teapot\n\n$31\n\nCups\n\n$31", "Teapot\n\n$31\n\nCups\n\n$31", true},
		{"repeat kept off a shop", "Plan your week\n\nOne board for every team\n\nPlan your week", "Plan your week\n\nOne board for every team\n\nPlan your week", false},
		{"never everything", "## You may also like\n\n- [Teapot](/p/2)", "## You may also like\n\n- [Teapot](/p/2)", false},
	}
	for _, tc := range tests {
		if got := cleanRegion(tc.md, tc.shop, &defaultConfig); got != tc.want {
			t.Errorf("%s:\ngot  %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

func TestFromHTMLOgArticleDefault(t *testing.T) {
	// Many sites put og:type "article" on every page: an archive page
	// with that default is still a listing, and a short post's readers'
	// comments are still not entries.
	head := `<title>Archive</title><meta property="og:type" content="article">`
	var b strings.Builder
	b.WriteString(`<main><h1>Archive</h1><p>Everything we wrote this year about running a small harbour, from the dredging budget to the new fuel berth and the winter storms, sorted newest first so that returning readers find the latest posts at the top of the page.</p><div class="archive">`)
	for i := 0; i < 24; i++ {
		fmt.Fprintf(&b, `<div class="entry"><h2><a href="/p/%d">Harbour notes, week %d: dredging and berths</a></h2><p>%d photos</p></div>`, i, 10+i, 3+i)
	}
	b.WriteString(`</div></main>`)
	d, err := FromHTML(page(head, siteChrome(b.String())), mustURL(t, "https://harbour.example.org/archive"))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 24; i++ {
		if !strings.Contains(d.Markdown, fmt.Sprintf("Harbour notes, week %d", 10+i)) {
			t.Errorf("entry %d lost:\n%s", i, d.Markdown)
		}
	}

	b.Reset()
	b.WriteString(`<main><article><h1>Fuel berth opens</h1><p>The new fuel berth on the east quay opens on Monday; boats up to fifteen metres can tie up alongside and fill from the pumps at any state of the tide, and the old berth by the slipway closes the same day.</p></article><ol class="comment-list">`)
	for i := 0; i < 12; i++ {
		fmt.Fprintf(&b, `<li class="comment"><a href="/u/%d">reader%d</a> <a href="#c%d">March %d</a><p>Will the pumps take cards at night, or only during office hours like the old berth did?</p></li>`, i, i, i, i+1)
	}
	b.WriteString(`</ol></main>`)
	d, err = FromHTML(page(`<title>Fuel berth opens</title><meta property="og:type" content="article">`, siteChrome(b.String())), mustURL(t, "https://harbour.example.org/fuel-berth"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Markdown, "any state of the tide") {
		t.Errorf("post lost:\n%s", d.Markdown)
	}
	// (The article path may keep the comments' text; the listing path
	// would keep them as entries, author links and all.)
	if strings.Contains(d.Markdown, "harbour.example.org/u/3") {
		t.Errorf("comments taken as entries:\n%s", d.Markdown)
	}
}

// rankedBooks are the entries of a readers' ranked list: title, author,
// rating line.
var rankedBooks = [][3]string{
	{"The Salt Road Chronicles", "Maren Holt", "4.31 avg rating — 812,400 ratings"},
	{"A Harbour in Winter", "Idris Kaye", "4.12 avg rating — 503,118 ratings"},
	{"Letters from the Lighthouse", "June Okafor", "4.45 avg rating — 1,204,877 ratings"},
	{"The Cartographer's Daughter", "Elena Brandt", "3.98 avg rating — 298,560 ratings"},
	{"Nine Bridges to Nowhere", "Tomas Reyes", "4.02 avg rating — 150,233 ratings"},
	{"Orchard of Small Hours", "Priya Nair", "4.27 avg rating — 640,912 ratings"},
	{"What the Tide Keeps", "Sam Whitlock", "4.19 avg rating — 377,045 ratings"},
	{"The Glassblower's Apprentice", "Hana Mori", "4.36 avg rating — 920,004 ratings"},
}

// listComments are readers' comments under a ranked list, longer prose
// than any entry: the article extractors keep them, not the list.
var listComments = []string{
	"Letters from the Lighthouse should be first on this list, and I say that having read every other book here at least twice. The way the keeper's letters slowly reveal what happened on the night of the storm is unlike anything else in the genre, and the ending still surprises me.",
	"I read four of these on one long voyage last summer and loved every one of them, although I think the list leans too heavily on recent books. Older novels of the sea, written by people who actually sailed, deserve a place here too, and I hope voters remember them next year.",
	"It is strange that a list of the best sea novels has only one book about the navy in it. I understand that the votes decide the order, but surely a few of the classics would rise if more readers knew that the list exists at all. Maybe the site could feature it on the front page.",
	"The Glassblower's Apprentice barely has anything to do with the sea, apart from the last chapters set in a port town, so I am surprised to see it here at all. It is a wonderful book though, and I would recommend it to anyone who liked the Orchard, which has the same quiet tone throughout.",
}

func TestMainRegionKeepsARankedListInABoxNamedForVotes(t *testing.T) {
	// The ranked list sits in a box the site named for the votes that
	// rank it; it is most of the page, so it is the content, not a vote
	// widget. The real widgets (share buttons, a comment's vote counter)
	// still go.
	var b strings.Builder
	b.WriteString(`<div class="mainContent"><h1>Best Sea Novels Ever</h1>
<p>Our readers' favourite novels of ships, storms and harbours. Each book's place comes from the number of votes it got and the rank each voter gave it.</p>
<div class="share-buttons"><a href="/share/fb">Share on Facebook</a> <a href="/share/x">Share on X</a></div>
<div id="all_votes"><table class="tableList">`)
	for i, r := range rankedBooks {
		fmt.Fprintf(&b, `<tr itemscope itemtype="http://schema.org/Book"><td class="number">%d</td><td><a href="/book/%d"><img src="/c/%d.jpg" alt=""></a></td>
<td><a class="bookTitle" href="/book/%d"><span itemprop="name">%s</span></a><br><span class="by">by</span> <a class="authorName" href="/author/%d">%s</a><br>
<span class="minirating">%s</span><br><a href="#">score: %d</a>, and <a href="#">%d people voted</a></td>
<td><form action="/shelf/add"><button>Want to Read</button></form></td></tr>`, i+1, i, i, i, r[0], i, r[1], r[2], 9000-i*700, 90-i*7)
	}
	b.WriteString(`</table></div>
<div class="discussion"><h2>Comments on this list</h2>`)
	for i, c := range listComments[:2] {
		fmt.Fprintf(&b, `<div class="message"><a href="/user/%d">reader%d</a> <span class="date">Mar %d, 2025</span><p>%s</p><div class="post-votes"><span>12</span> <a href="#">Like</a></div></div>`, i, i, i+3, c)
	}
	b.WriteString(`</div></div>`)
	root, err := parseClean(page(`<title>Best Sea Novels Ever</title>`, siteChrome(b.String())))
	if err != nil {
		t.Fatal(err)
	}
	region := textOf(mainRegion(root, &defaultConfig))
	for _, r := range rankedBooks {
		for _, want := range r {
			if !strings.Contains(region, want) {
				t.Errorf("entry part %q lost from the region:\n%s", want, region)
			}
		}
	}
	for _, chrome := range []string{"Share on Facebook", "Like", "We use cookies", "About us"} {
		if strings.Contains(region, chrome) {
			t.Errorf("chrome %q kept in the region:\n%s", chrome, region)
		}
	}
	d, err := FromHTML(page(`<title>Best Sea Novels Ever</title>`, siteChrome(b.String())), mustURL(t, "https://books.example.com/list/1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rankedBooks {
		if !strings.Contains(d.Markdown, r[0]) {
			t.Errorf("entry %q lost:\n%s", r[0], d.Markdown)
		}
	}
}

func TestIsChromeInKeepsContentNamedForAWidget(t *testing.T) {
	words := strings.Repeat("word ", 30)
	for _, c := range []struct {
		name, markup string
		limit        int
		want         bool
	}{
		{"small share box", `<div class="share-box"><a href="#">Share</a></div>`, 20, true},
		{"list named for votes, most of the region", `<div id="all_votes"><p>` + words + `</p></div>`, 20, false},
		{"same list, no limit", `<div id="all_votes"><p>` + words + `</p></div>`, 0, true},
		{"sidebar however large", `<div class="sidebar"><p>` + words + `</p></div>`, 20, true},
		{"nav however large", `<nav class="votes"><p>` + words + `</p></nav>`, 20, true},
		{"plain block", `<div class="entry"><p>` + words + `</p></div>`, 20, false},
	} {
		root, err := html.Parse(strings.NewReader(c.markup))
		if err != nil {
			t.Fatal(err)
		}
		n := findElement(root, atom.Body).FirstChild
		if got := isChromeIn(n, false, c.limit); got != c.want {
			t.Errorf("%s: isChromeIn = %v, want %v", c.name, got, c.want)
		}
	}
}

// chartFilms are the entries of a film chart: title, year, running time,
// certificate.
var chartFilms = [][4]string{
	{"The Quiet Harbour", "2026", "1h 54m", "R"}, {"Saltwater Kings", "2025", "2h 11m", "PG-13"},
	{"A Lantern at Sea", "2026", "1h 43m", "PG"}, {"The Ninth Wave", "2025", "2h 29m", "R"},
	{"Driftwood Summer", "2026", "1h 47m", "PG-13"}, {"Keepers of the Light", "2024", "2h 5m", "PG"},
}

func TestFromHTMLChartMetadataItemsKeepTheirSpaces(t *testing.T) {
	// Each film's facts are spans of one class that the stylesheet sets
	// in a row; in the markup nothing stands between them.
	var b strings.Builder
	b.WriteString(`<main><h1>Most popular films</h1><p class="byline">As determined by our readers this week.</p><ul class="chart">`)
	for i, f := range chartFilms {
		fmt.Fprintf(&b, `<li class="chart-item"><div class="rank">#%d</div><a class="title-link" href="/title/%d"><h3 class="title">%s</h3></a>
<div class="metadata"><span class="metadata-item">%s</span><span class="metadata-item">%s</span><span class="metadata-item">%s</span></div>
<span class="rating" aria-label="rating">7.%d</span><button>Rate</button></li>`, i+1, i, f[0], f[1], f[2], f[3], i)
	}
	b.WriteString(`</ul></main>`)
	d, err := FromHTML(page(`<title>Most popular films</title>`, siteChrome(b.String())), mustURL(t, "https://films.example.com/chart"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range chartFilms {
		if want := f[1] + " " + f[2] + " " + f[3]; !strings.Contains(d.Markdown, want) {
			t.Errorf("facts of %q not read as %q:\n%s", f[0], want, d.Markdown)
		}
	}
}

func TestSpaceSiblingItems(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`<span class="m">2026</span><span class="m">1h 54m</span><span class="m">R</span>`, "2026 1h 54m R"},
		// A rich-text editor's runs, split inside a word: one sentence.
		{`<span class="r" style="font-variant:normal">a full suite of tools includin</span><span class="r" style="font-variant:normal">g CRM and SEO</span>`, "a full suite of tools including CRM and SEO"},
		// A word split into letters for an animation.
		{`<span class="char">H</span><span class="char">e</span><span class="char">y</span>`, "Hey"},
		// Links of one class: a menu, left as it is.
		{`<a class="tag" href="/a">Aging</a><a class="tag" href="/b">Sleep</a>`, "AgingSleep"},
		// Different classes: a word set in two styles.
		{`<span class="big">Sea</span><span class="small">side</span>`, "Seaside"},
		// Long runs of one class are text, not items.
		{`<span class="t">one two three four five</span><span class="t">six seven</span>`, "one two three four fivesix seven"},
	} {
		root, err := html.Parse(strings.NewReader(`<p>` + c.in + `</p>`))
		if err != nil {
			t.Fatal(err)
		}
		p := findElement(root, atom.P)
		spaceInlineSiblings(p, false, &defaultConfig)
		if got := textOf(p); got != c.want {
			t.Errorf("spaceInlineSiblings(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFromHTMLListingDeclaredACollectionUnderOgArticle(t *testing.T) {
	// og:type "article" is the site's default for every page; the page's
	// structured data says it is a collection, and its entries are read
	// as any listing's (the article extractors kept their summaries
	// without their linked titles).
	var b strings.Builder
	b.WriteString(`<main><div class="page-head"><h1>Trending</h1><p>The projects collecting the most new stars this week.</p></div><div class="box">`)
	for i, r := range trendingRepos {
		fmt.Fprintf(&b, `<article class="box-row"><h2 class="h3"><a href="/%s">%s</a></h2><p class="col-9">%s</p>
<div class="f6"><span class="lang">%s</span> stars today</div></article>`, strings.ReplaceAll(r[0], " ", "")+fmt.Sprint(i), r[0], r[1], r[2])
	}
	b.WriteString(`</div></main>`)
	head := `<title>Trending repositories</title><meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"CollectionPage","name":"Trending"}</script>`
	d, err := FromHTML(page(head, siteChrome(b.String())), mustURL(t, "https://code.example.com/trending"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range trendingRepos {
		if !strings.Contains(d.Markdown, r[0]) || !strings.Contains(d.Markdown, r[1]) {
			t.Errorf("entry %q lost:\n%s", r[0], d.Markdown)
		}
	}
}

func TestRegionWordsOneWalkMatchesTwo(t *testing.T) {
	// regionWords finds the widget limit and the words in one walk; it
	// must count what a walk with the limit known counts.
	words := strings.Repeat("word ", 40)
	for _, markup := range []string{
		`<div id="all_votes"><p>` + words + `</p><div class="share">Share this</div></div><p>intro text here</p>`,
		`<div class="share"><a href="/s">Share</a></div><p>` + words + `</p>`,
		`<a href="/x"><div class="votes"><p>` + words + `</p><span class="vote">12</span></div></a><p>short</p>`,
		`<div class="ads"><div class="ads"><p>` + words + `</p></div></div><nav><p>` + words + `</p></nav>`,
	} {
		root, err := html.Parse(strings.NewReader(markup))
		if err != nil {
			t.Fatal(err)
		}
		body := findElement(root, atom.Body)
		all, own, limit := regionWords(body, true, &defaultConfig)
		wantLimit := widgetLimit(body, true, &defaultConfig)
		wantAll, wantOwn := regionWordsWithin(body, true, wantLimit)
		if all != wantAll || own != wantOwn || limit != wantLimit {
			t.Errorf("%s: regionWords = %d, %d, %d; want %d, %d, %d", markup, all, own, limit, wantAll, wantOwn, wantLimit)
		}
	}
}
