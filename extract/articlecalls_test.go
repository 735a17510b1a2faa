package extract

import (
	"fmt"
	"strings"
	"testing"
)

// gearGuideHub is a review site's category page, written as one article:
// an intro, then per subcategory a header (its linked name and a "See all
// reviews" link) over a list of its guides, each a linked title, a byline
// and a line about it; site chrome around it. The article path keeps it,
// the section links with it.
func gearGuideHub() string {
	var sections strings.Builder
	for i, c := range []struct {
		name   string
		guides [][2]string
	}{
		{"Headphones", [][2]string{
			{"The Best Running Earbuds", "We ran more than two hundred miles in thirty pairs to find the ones that stay put and still sound good."},
			{"The Best Noise-Cancelling Headphones", "Long flights and open offices were our test rooms; two pairs quieted both without pinching."},
			{"The Best Budget Headphones", "You do not need to spend much for clear sound, as long as you skip the ones with weak hinges."},
		}},
		{"Kitchen Scales", [][2]string{
			{"The Best Kitchen Scale", "Thirty scales weighed flour, water and coffee beans; the winner stayed accurate as its battery ran down."},
			{"The Best Pocket Scale", "For coffee on the road, a small scale with a fast readout beats a big one you leave at home."},
			{"The Best Smart Scale", "An app that follows a recipe step by step helped our new bakers more than it helped the old hands."},
		}},
		{"Desk Lamps", [][2]string{
			{"The Best Desk Lamp", "We measured glare, color and flicker on two dozen lamps and asked night workers to live with the best."},
			{"The Best Clip Lamp", "A clamp that holds on a thick shelf and a head that stays where you aim it were rarer than we thought."},
			{"The Best Light for Video Calls", "Soft, even light on your face matters more on camera than the price of the webcam above it."},
		}},
	} {
		var list strings.Builder
		for j, g := range c.guides {
			fmt.Fprintf(&list, `<li class="g"><article class="card"><a href="/reviews/%d-%d">%s</a><p class="by">by Ines Marr</p><p class="dek">%s</p></article></li>`, i, j, g[0], g[1])
		}
		fmt.Fprintf(&sections, `<section class="sub"><header class="sub-head"><h2><a href="/cat/%d">%s</a></h2><a class="all" href="/cat/%d" aria-label="See all %s reviews">See all reviews</a></header><ul class="guides">%s</ul></section>
`, i, c.name, i, c.name, list.String())
	}
	body := siteChrome(`<main><article><header><h1>Home and Office</h1><section class="intro">From earbuds to desk lamps, our testers have spent months with the gear that fills a home office, and everything here is something we would buy again with our own money.</section></header><div class="body">` + sections.String() + `</div></article></main>`)
	return page(`<title>Home and Office | Gear Notes</title>`, body)
}

func TestFromHTMLArticlePathDropsCallsToAction(t *testing.T) {
	d, err := FromHTML(gearGuideHub(), mustURL(t, "https://gearnotes.example/home-office"))
	if err != nil {
		t.Fatal(err)
	}
	text := StripMarkdownLinks(d.Markdown)
	for _, want := range []string{"The Best Running Earbuds", "stayed accurate as its battery ran down", "The Best Light for Video Calls"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(text, "See all reviews") {
		t.Errorf("keeps the sections' calls to action:\n%s", d.Markdown)
	}
}
