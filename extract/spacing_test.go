package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestSpaceStackedLabels(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"brand above name", `<a><span class="b">Kestrel Gear</span><span class="t">Trail 350 Headlamp</span></a>`, "Kestrel Gear Trail 350 Headlamp"},
		{"label and value", `<p><span>Verified</span><span>Purchase</span></p>`, "Verified Purchase"},
		{"word split across elements", `<p><b>H</b><i>ello</i> there</p>`, "Hello there"},
		{"capital inside one text node", `<p><span>Buy the iPhone</span></p>`, "Buy the iPhone"},
		{"element then text", `<p><b>new</b>Machine</p>`, "newMachine"},
		{"one letter then a capital", `<p><span>e</span><span>Bay</span></p>`, "eBay"},
		{"code left alone", `<code><span>get</span><span>Value</span></code>`, "getValue"},
		{"blocks are not labels", `<div><div>Kestrel Gear</div><div>Trail</div></div>`, "Kestrel GearTrail"},
		{"already spaced", `<p><span>Kestrel Gear</span> <span>Trail</span></p>`, "Kestrel Gear Trail"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<body>" + tc.in + "</body>"))
			if err != nil {
				t.Fatal(err)
			}
			spaceInlineSiblings(doc, true, &defaultConfig)
			if got := textOf(doc); got != tc.want {
				t.Errorf("text = %q, want %q", got, tc.want)
			}
		})
	}
}

// headlampCards is a shop's category page: chrome, a sort box, and a grid
// of cards whose brand and product name are two spans the stylesheet
// stacks, with nothing between them in the markup.
func headlampCards() string {
	var cards strings.Builder
	for i, c := range [][3]string{
		{"Kestrel Gear", "Trail 350 Headlamp", "$52.50"}, {"Northlight", "Ridge Core Headlamp", "$84.00"},
		{"Emberline", "Glow 450 Headlamp", "$66.00"}, {"Harbor", "BX70 Headlamp", "$47.00"},
		{"Fjellby", "TR60R Rechargeable Headlamp", "$97.00"}, {"Lumo", "Q20 Headlamp", "$34.00"},
	} {
		fmt.Fprintf(&cards, `<li class="tile"><a href="/product/%d"><span role="heading" aria-level="2"><span class="brand">%s</span><span class="name">%s</span></span></a>
<span class="price">%s</span><span class="rating">%d reviews with an average rating of 4.%d out of 5 stars</span></li>`, i, c[0], c[1], c[2], 10+i*7, i)
	}
	body := siteChrome(`<main><h1>Headlamps</h1><p>Hands-free light for the trail, the campsite and the garage.</p>
<div class="sort"><label>Sort: <select><option>Best match</option><option>Price</option></select></label></div>
<h2>Featured products</h2><ul class="grid">` + cards.String() + `</ul></main>`)
	head := `<title>Headlamps | Trailhead Outfitters</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"CollectionPage","name":"Headlamps"}</script>`
	return page(head, body)
}

func TestFromHTMLCardLabelsKeepTheirSpace(t *testing.T) {
	d, err := FromHTML(headlampCards(), mustURL(t, "https://trailhead.example.com/c/headlamps"))
	if err != nil {
		t.Fatal(err)
	}
	text := StripMarkdownLinks(d.Markdown)
	for _, want := range []string{"Kestrel Gear Trail 350 Headlamp", "Northlight Ridge Core Headlamp", "Fjellby TR60R Rechargeable Headlamp", "$84.00"} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q:\n%s", want, d.Markdown)
		}
	}
	if strings.Contains(text, "GearTrail") {
		t.Errorf("brand and name glued:\n%s", d.Markdown)
	}
}

func TestSpaceInlineSiblingsLongRunIsLinear(t *testing.T) {
	// A page may hold a word split into letters many thousand times over
	// (hostile or an animation gone wild): each item's run is read once,
	// not once per item. Timed against an eighth of itself, as
	// TestFromHTMLHostileInput does: linear work grows 8×, a quadratic pass 64×.
	run := func(n int) time.Duration {
		doc, err := html.Parse(strings.NewReader("<p>" + strings.Repeat(`<span class="c">x</span>`, n) + "</p>"))
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		spaceInlineSiblings(doc, true, &defaultConfig)
		took := time.Since(start)
		if got := textOf(doc); got != strings.Repeat("x", n) {
			t.Fatalf("letters were spaced: %q…", got[:min(len(got), 20)])
		}
		return took
	}
	const n = 80000
	eighth, whole, ok := growsLinearly(func() time.Duration { return run(n / 8) }, func() time.Duration { return run(n) }, time.Second)
	if !ok {
		t.Errorf("%d items took %v, an eighth of them %v: want linear", n, whole, eighth)
	}
}

func TestSpaceInlineSiblingsLongFirstItemIsLinear(t *testing.T) {
	// The first item of a run may carry a long text of marks and one word
	// (a hostile page: a few words by count, many bytes): the run is read
	// comparing each item with the one before, not each with the first, so
	// the first's text is not read again for every item after it. Both the
	// text and the run grow 8×: linear work grows 8×, text × items 64×.
	run := func(n int) time.Duration {
		page := "<p><span class=\"c\">" + strings.Repeat(". ", 20*n) + "x</span>" + strings.Repeat(`<span class="c">x</span>`, n) + "</p>"
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		spaceInlineSiblings(doc, true, &defaultConfig)
		took := time.Since(start)
		if got := textOf(doc); !strings.HasSuffix(got, "x "+strings.Repeat("x", n)) {
			t.Fatalf("the first item should be spaced from the letters, not the letters apart: …%q", got[max(0, len(got)-20):])
		}
		return took
	}
	const n = 8000
	eighth, whole, ok := growsLinearly(func() time.Duration { return run(n / 8) }, func() time.Duration { return run(n) }, time.Second)
	if !ok {
		t.Errorf("%d items after a long first took %v, an eighth of them %v: want linear", n, whole, eighth)
	}
}

func TestSpaceInlineSiblingsItemWordsFromConfig(t *testing.T) {
	// The item length is the config's: a run of five words is text under
	// the default, an item when the config allows five.
	const in = `<p><span class="t">one two three four five</span><span class="t">six</span></p>`
	for _, c := range []struct {
		max  int
		want string
	}{{defaultConfig.MetaItemMaxWords, "one two three four fivesix"}, {5, "one two three four five six"}} {
		doc, err := html.Parse(strings.NewReader(in))
		if err != nil {
			t.Fatal(err)
		}
		cfg := defaultConfig
		cfg.MetaItemMaxWords = c.max
		spaceInlineSiblings(doc, false, &cfg)
		if got := textOf(doc); got != c.want {
			t.Errorf("MetaItemMaxWords %d: %q, want %q", c.max, got, c.want)
		}
	}
}
