package extract

import (
	"fmt"
	"strings"
	"testing"
)

// priceGuidePage is a repair shop's price guide that calls itself an
// article: a few paragraphs of prose, and between them the price lists
// (a service's name and its price, each a short line in its own box) that
// the article extractors drop as too short to be prose. Around it: the
// site's chrome, a related-posts box of links and a footer.
func priceGuidePage() string {
	sections := []struct {
		heading, intro string
		rows           [][2]string
	}{
		{"Diagnosis", "Every visit starts with a look at what is wrong. If the fault turns out to be something we can fix on the spot, the diagnosis fee is taken off the price of the repair.",
			[][2]string{{"Fault finding on a circuit that has no power", "$149+"}, {"Testing a breaker that keeps tripping", "$99+"}, {"Inspection before you buy a house", "$249+"}}},
		{"Panels and breakers", "Old panels are the most common cause of the nuisance trips our customers call about. A new breaker is often enough; a panel that is overloaded or damaged needs replacing.",
			[][2]string{{"Replacing a single circuit breaker", "$95 - $260+"}, {"Replacing the main disconnect switch", "$410 - $820+"}, {"Replacing a whole electrical panel", "$1,750 - $3,400+"}}},
		{"Lights and fans", "Prices for fixtures depend on the height of the ceiling and on whether there is already a box and a wire where you want the new light to go.",
			[][2]string{{"Swapping a porch lantern", "$120 - $230+"}, {"Hanging a fan under a vaulted ceiling", "$390+"}, {"Fitting security lights on a new circuit", "$275+"}}},
	}
	var b strings.Builder
	b.WriteString(`<article class="post"><h1>What an electrician costs in 2025</h1>
<p class="meta">By <span class="author">Dana Ortiz</span> · <time datetime="2025-01-14">January 14, 2025</time></p>
<p>People ask us what a repair will cost before we have seen it, which is fair: nobody likes a surprise on the bill. These are the prices we charged most often last year, for a house with ordinary wiring and a panel that is easy to reach.</p>`)
	for _, s := range sections {
		fmt.Fprintf(&b, "<h2>%s</h2>\n<p>%s</p>\n<div class=\"price-table\">", s.heading, s.intro)
		for _, r := range s.rows {
			fmt.Fprintf(&b, `<div class="price-row"><div class="price-name">%s</div><div class="price-amount"><strong>%s</strong></div></div>`, r[0], r[1])
		}
		b.WriteString("</div>\n")
	}
	b.WriteString(`<p>Permits, when the city asks for one, are billed at cost. Work on weekends and at night is charged at one and a half times these prices, and we tell you before we start.</p>
<div class="related-posts"><h3>You might also like</h3><ul><li><a href="/blog/breaker-trips">Why does my breaker keep tripping?</a></li>
<li><a href="/blog/panel-age">How old is too old for a panel?</a></li><li><a href="/blog/led">Switching a house to LED lights</a></li></ul></div>
</article>`)
	head := `<title>What an electrician costs in 2025 | Bright Spark Electric</title><meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"BlogPosting","headline":"What an electrician costs in 2025","datePublished":"2025-01-14"}</script>`
	return page(head, siteChrome("<main>"+b.String()+"</main>"))
}

func TestFromHTMLArticleGapsReadFromTheRegion(t *testing.T) {
	d, err := FromHTML(priceGuidePage(), mustURL(t, "https://brightspark.example.com/blog/electrician-prices"))
	if err != nil {
		t.Fatal(err)
	}
	// The prose the article path keeps, and the price lists between it.
	for _, want := range []string{"nobody likes a surprise on the bill", "Old panels are the most common cause", "Permits, when the city asks for one",
		"Replacing the main disconnect switch", "$1,750 - $3,400+", "Hanging a fan under a vaulted ceiling", "$390+"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("%q lost:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"We use cookies", "Privacy policy", "About us"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("%q kept:\n%s", gone, d.Markdown)
		}
	}
}

func TestLeftGaps(t *testing.T) {
	story := "The council voted on Tuesday to close the old bridge to cars from March, after engineers found cracks in two of its piers.\n\n" +
		"Buses and bicycles will still cross it, and the council says a new bridge could open within four years if the money is found."
	para1, para2, _ := strings.Cut(story, "\n\n")
	gap := "- Piers inspected: 6\n- Piers cracked: 2\n- Load limit until March: 7.5 tonnes\n- Cost of repairs: £4.2 million"
	links := "- [Bridge closures across the county](https://news.example/a)\n- [Your questions about the new bridge](https://news.example/b)\n- [How the piers are inspected every year](https://news.example/c)\n- [Map of the diversions for drivers](https://news.example/d)"
	menu := "[Home](https://news.example/) [News](https://news.example/news) [Sport](https://news.example/sport)\n\nSign up for our morning newsletter and get the day's top stories in your inbox before breakfast, every weekday."
	for _, tc := range []struct {
		name, region string
		want         bool
	}{
		{"prose between the kept blocks", para1 + "\n\n" + gap + "\n\n" + para2, true},
		{"the same words around them", menu + "\n\n" + para1 + "\n\n" + para2 + "\n\n" + gap, false},
		{"links between them", para1 + "\n\n" + links + "\n\n" + para2, false},
		{"a region without the article", menu + "\n\n" + gap, false},
		{"the article alone", story, false},
	} {
		if got := leftGaps(tc.region, story, &defaultConfig); got != tc.want {
			t.Errorf("%s: leftGaps = %v, want %v", tc.name, got, tc.want)
		}
	}
}
