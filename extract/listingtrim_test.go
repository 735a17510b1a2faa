package extract

import (
	"fmt"
	"strings"
	"testing"
)

// TestFromHTMLListingWithoutItsControls: a shop's category page and an
// archive page keep their intro, every entry and the guide under them,
// and lose the facet lists, "shop by" rails, pagination and "related
// searches" links around the entries.
func TestFromHTMLListingWithoutItsControls(t *testing.T) {
	shop := func() string {
		var b strings.Builder
		b.WriteString(`<main><h1>Kettles and tea</h1><p class="intro">Kettles that switch themselves off and teapots that keep a brew hot.</p>
<div class="facets"><ul><li><a href="?f=stock">In stock</a></li><li><a href="?f=sold">Sold by Acme</a></li><li><a href="?f=new">New</a></li><li><a href="?f=deal">Deals only</a></li></ul></div>
<section class="shop-by"><h2>Shop by brand</h2><ul><li><a href="/b/harbour">Harbour</a></li><li><a href="/b/quayside">Quayside</a></li><li><a href="/b/pier">Pier</a></li><li><a href="/b/dockside">Dockside</a></li></ul></section>
<ul class="product-grid">`)
		for i, c := range shopCards {
			fmt.Fprintf(&b, `<li class="product-card"><a href="/p/%d"><span class="name">%s</span></a><span class="price">%s</span><span class="ship">Free delivery</span></li>`, i, c[0], c[1])
		}
		b.WriteString(`</ul><div class="pages"><a href="?page=2">2</a> <a href="?page=3">3</a> <a href="?page=2">Next page</a></div>
<div class="related-searches"><ul><li><a href="/s/steel-kettle">steel kettle</a></li><li><a href="/s/glass-teapot">glass teapot</a></li><li><a href="/s/tea-tray">bamboo tea tray</a></li></ul></div>
<div class="guide"><h2>Choosing a kettle</h2><p>A kettle that holds a litre and a half is enough for a household of four; a smaller one boils faster and uses less power when only one cup is wanted.</p></div></main>`)
		return page(`<title>Kettles and tea | Acme</title>`, siteChrome(b.String()))
	}
	archive := func() string {
		var b strings.Builder
		b.WriteString(`<main><h1>Release notes</h1><div class="topics"><ul><li><a href="/t/cli">CLI</a></li><li><a href="/t/api">API</a></li><li><a href="/t/sdk">SDK</a></li><li><a href="/t/docs">Docs</a></li></ul></div><div class="entries">`)
		for i := 0; i < 12; i++ {
			fmt.Fprintf(&b, `<div class="entry"><h2><a href="/releases/%d">Release 4.%d: faster imports and a quieter log</a></h2><p>Imports of large projects run in half the time, and the log no longer repeats warnings it already printed in release 4.%d.</p></div>`, i, i, i)
		}
		b.WriteString(`</div><div class="pager"><ul><li><a href="?p=1">Newer releases</a></li><li><a href="?p=3">Older releases</a></li></ul></div></main>`)
		return page(`<title>Release notes | Acme</title>`, siteChrome(b.String()))
	}
	// A link board's entries are nearly all link text: the article path
	// keeps them as an index, and the region is read instead.
	board := func() string {
		var b strings.Builder
		b.WriteString(`<main><div class="tabs"><a href="/new">new</a> | <a href="/past">past</a> | <a href="/ask">ask</a> | <a href="/show">show</a></div><ol class="stories">`)
		for i := 0; i < 15; i++ {
			fmt.Fprintf(&b, `<li class="story"><a href="https://site%d.example.org/post">Harbour council publishes the ferry pier survey, part %d</a> <span class="meta">%d points</span></li>`, i, i, 10+i)
		}
		b.WriteString(`</ol><div class="more"><a href="?p=2">More stories</a></div></main>`)
		return page(`<title>Link board</title>`, siteChrome(b.String()))
	}
	for _, tc := range []struct {
		name, html string
		want, lost []string
	}{
		{
			name: "link board", html: board(),
			want: []string{"ferry pier survey, part 0", "ferry pier survey, part 14"},
			lost: []string{"/past", "More stories"},
		},
		{
			name: "shop category", html: shop(),
			want: []string{"Kettles that switch themselves off", "Choosing a kettle", "household of four", shopCards[0][0], shopCards[15][0], shopCards[15][1]},
			lost: []string{"Sold by Acme", "Deals only", "/b/dockside", "/s/glass-teapot", "Next page"},
		},
		{
			name: "release archive", html: archive(),
			want: []string{"Release 4.0: faster imports", "Release 4.11: faster imports", "already printed in release 4.11"},
			lost: []string{"/t/sdk", "Older releases"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := FromHTML(tc.html, mustURL(t, "https://shop.example.com/c/kettles"))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(d.Markdown, w) {
					t.Errorf("%q lost:\n%s", w, d.Markdown)
				}
			}
			for _, l := range tc.lost {
				if strings.Contains(d.Markdown, l) {
					t.Errorf("%q kept:\n%s", l, d.Markdown)
				}
			}
		})
	}
}

func TestIsNameRow(t *testing.T) {
	for _, tc := range []struct {
		blk  string
		want bool
	}{
		{"[Steph Lord](https://school.example/work/steph-lord)", true},
		{"[Fireseed Catering and Wedding Venue](https://venues.example/fireseed)  |  [Kody Ng Photography](https://kody.example/)", true},
		{"[![](https://cdn.example/a.jpg)](https://venues.example/a) [Harbour Hall](https://venues.example/harbour-hall)", true},
		{"[View all changes](https://blog.example/changelog/)", false},
		{"[Visit website](https://interns.example/)", false},
		{"[Get started for free](https://app.example/signup)", false},
		{"Related services [Furniture Removal](https://x.example/a) [Tree trimming](https://x.example/b)", false},
		{"[![](https://cdn.example/logo.png)](https://x.example/)", false},
	} {
		if got := isNameRow(tc.blk, &defaultConfig); got != tc.want {
			t.Errorf("isNameRow(%q) = %v, want %v", tc.blk, got, tc.want)
		}
	}
}

// TestTrimAroundEntriesKeepingNames: around the entries a region holds
// when it was read for another reason, the controls go ("View all
// posts", "Visit website") and a row of names (a photo's credits, a
// student's name under a card of another group) stays.
func TestTrimAroundEntriesKeepingNames(t *testing.T) {
	entries := []string{
		"Planting garlic in late autumn Cloves go in before the first frost, pointed end up.",
		"A cold frame from two old windows Hinges, a prop stick and a sheltered wall are all it takes.",
		"Why courgettes rot at the flower end Uneven watering and cold nights are usually to blame.",
		"Saving tomato seed Ferment the pulp for three days, rinse and dry on a plate.",
	}
	md := strings.Join([]string{
		"# Allotment notes",
		"[Flora Garden Studio](https://studio.example/) | [Mossy Creek Photography](https://mossy.example/)",
		"## [Planting garlic in late autumn](https://plot.example/garlic)", "Cloves go in before the first frost, pointed end up.",
		"## [A cold frame from two old windows](https://plot.example/frame)", "Hinges, a prop stick and a sheltered wall are all it takes.",
		"## [Why courgettes rot at the flower end](https://plot.example/courgettes)", "Uneven watering and cold nights are usually to blame.",
		"## [Saving tomato seed](https://plot.example/seed)", "Ferment the pulp for three days, rinse and dry on a plate.",
		"[View all posts](https://plot.example/archive)",
		"[Visit website](https://seeds.example/)",
	}, "\n\n")
	keep := func(blk string) bool { return isNameRow(blk, &defaultConfig) }
	got := trimAroundEntriesKeeping(md, entries, keep, &defaultConfig)
	for _, s := range []string{"Mossy Creek Photography", "Planting garlic", "dry on a plate"} {
		if !strings.Contains(got, s) {
			t.Errorf("%q lost:\n%s", s, got)
		}
	}
	for _, s := range []string{"View all posts", "Visit website"} {
		if strings.Contains(got, s) {
			t.Errorf("%q kept:\n%s", s, got)
		}
	}
	if all := trimAroundEntries(md, entries, &defaultConfig); strings.Contains(all, "Mossy Creek") {
		t.Errorf("without keep, the credits row is a control like any other:\n%s", all)
	}
}
