package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestFromHTMLDropsTooltips: the text of a tooltip (role="tooltip", shown
// while its badge or its date is hovered) is no text of the page; the
// badge's label and the date a person sees stay.
func TestFromHTMLDropsTooltips(t *testing.T) {
	body := siteChrome(`<main><div class="listing-page"><h1>Hand-thrown Stoneware Mug, Ash Glaze</h1>
<p class="price">$38.00</p>
<div class="shop-name"><a href="/shop/kilnhouse">KilnHouse</a>
<div class="popover badge-popover" data-popover><button class="popover__trigger" aria-describedby="top-shop-tip">Top Shop</button>
<div id="top-shop-tip" role="tooltip"><p>Top Shops have answered messages within a day and shipped on time for the last three months.</p></div></div></div>
<div class="delivery">Arrives by <strong>Apr 2-9</strong>
<div class="popover"><button class="popover__trigger" aria-describedby="eta-tip">?</button><div id="eta-tip" role="tooltip">This date is an estimate from the carrier and the maker's processing time, not a promise.</div></div></div>
<div class="description"><h2>Description</h2><p>Each mug is thrown on the wheel from a speckled stoneware clay, trimmed by hand and dipped in a glaze made from the ash of our own wood stove. No two come out of the kiln alike.</p>
<p>Holds about 350 ml. Safe in the dishwasher and the microwave; the unglazed foot may darken with use.</p></div></div></main>
<script>window.__listing = {"id": 99};</script>`)
	d, err := FromHTML(page(`<title>Hand-thrown Stoneware Mug, Ash Glaze - Example Market</title><meta property="og:type" content="product">`, body), mustURL(t, "https://market.example.com/listing/99/mug"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"$38.00", "Apr 2-9", "ash of our own wood stove", "Holds about 350 ml"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("lost %q:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"answered messages within a day", "an estimate from the carrier"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("tooltip %q kept:\n%s", gone, d.Markdown)
		}
	}
}

// TestFromHTMLKeepsTooltipTriggers: an element marked role="tooltip" that
// is itself described (aria-describedby) is the hover card's trigger (the name a reader sees under
// each entry of a blog's index), not the tooltip: its text stays.
func TestFromHTMLKeepsTooltipTriggers(t *testing.T) {
	var entries strings.Builder
	for i, title := range []string{"Sharding the Ledger Without Downtime", "What We Learned Rewriting the Scheduler", "A Year of Canary Deploys", "Cold Starts, Measured"} {
		fmt.Fprintf(&entries, `<article class="post-card"><a href="/p/%d"><h2>%s</h2></a>
<div class="byline"><div class="hc" role="tooltip" aria-describedby="hc-%d"><div tabindex="-1"><a href="/team/platform"><img alt="" src="/i/team.png">Platform Engineering Notes</a></div></div>
<span class="age">%d days ago</span> <span class="read">6 min read</span></div></article>
`, i, title, i, i+2)
	}
	body := siteChrome(`<main><h1>Platform Engineering Notes</h1><p>Writing from the teams that keep the service up.</p>` + entries.String() + `</main>`)
	d, err := FromHTML(page(`<title>Platform Engineering Notes</title>`, body), mustURL(t, "https://notes.example.org/"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(d.Markdown, "Platform Engineering Notes]("); n < 4 {
		t.Errorf("the entries' author links (inside role=tooltip triggers) kept %d times of 4:\n%s", n, d.Markdown)
	}
}
