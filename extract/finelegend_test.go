package extract

import (
	"strings"
	"testing"
)

// TestDropFootnoteLegends: runs of two or more lines opening with a
// footnote sign go; one such line alone, indented lines (a list written
// with asterisks) and code stay.
func TestDropFootnoteLegends(t *testing.T) {
	cases := []struct {
		name, md, want string
	}{{
		name: "legend under a section",
		md:   "## Battery\n\nRuns up to 20 hours\\* and charges to half in 25 minutes\\*\\*.\n\n\\* Measured with the screen at half brightness.  \n\\** Using the bundled 30 W adapter.\n\n## Display\n\nA 12-inch panel.",
		want: "## Battery\n\nRuns up to 20 hours\\* and charges to half in 25 minutes\\*\\*.\n\n## Display\n\nA 12-inch panel.",
	}, {
		name: "legend as separate paragraphs and other signs",
		md:   "Trade in your old tablet.\n\n† Credit is paid once the device is received and checked.\n\n‡ Financing is subject to approval.\n\nWhat is in the box",
		want: "Trade in your old tablet.\n\nWhat is in the box",
	}, {
		name: "legend as list items",
		md:   "Colours\n\n- \\* Colours vary by region.\n- \\*\\* Sold separately.\n\nSpecifications",
		want: "Colours\n\nSpecifications",
	}, {
		name: "one note alone stays",
		md:   "Sole: 5 mm rubber.\n\n\\*Natural wear will show with use.\n\nWeight: 58 g",
		want: "Sole: 5 mm rubber.\n\n\\*Natural wear will show with use.\n\nWeight: 58 g",
	}, {
		name: "indented asterisk list stays",
		md:   "Visits:\n\n    \\* Campus tours  \n    \\* Open days\n\nMore",
		want: "Visits:\n\n    \\* Campus tours  \n    \\* Open days\n\nMore",
	}, {
		name: "signs without words stay",
		md:   "Rated\n\n\\*\\*\\*\n\n\\* \\*\n\nend",
		want: "Rated\n\n\\*\\*\\*\n\n\\* \\*\n\nend",
	}, {
		name: "code stays",
		md:   "Example:\n\n```\n\\* one\n\\* two\n```\n\nDone",
		want: "Example:\n\n```\n\\* one\n\\* two\n```\n\nDone",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := dropFootnoteLegends(c.md, &defaultConfig); got != c.want {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

// makerPage is a maker's product page of the kind that declares nothing
// (og:type website, no cart on the page): each section's claims carry
// footnote signs, and the fine print sits under the section.
const makerPage = `<main><div class="pd-hero"><h1>Nimbus Tab 11 Lite</h1>
<p class="pd-hero__lead">A light tablet for notes, films and the odd sketch on the train.</p></div>
<section class="pd-feature"><h2>A screen you can read outside</h2>
<p>The 11-inch panel reaches a peak brightness of 650 nits* and keeps colours steady when you tilt it, so a map or a recipe stays legible on a sunny balcony.</p>
<div class="pd-disclaimer"><p>* Peak brightness measured on a white test pattern in the lab; it varies with settings.<br>
** Image simulated for illustration; the real screen may look different.</p></div></section>
<section class="pd-feature"><h2>All day, then some</h2>
<p>A 7,600 mAh cell plays video for up to 16 hours† and tops up to half its charge in about forty minutes with a fast charger‡ of your own.</p>
<div class="pd-disclaimer"><p>† Typical value from our own tests with video looped at half volume; real use will differ.</p>
<p>‡ Charger sold separately. Charging speed depends on the charger and the room's temperature.</p></div></section>
<section class="pd-feature"><h2>Pen included</h2>
<p>The pen clips to the side and needs no pairing. Write in the margins of a PDF, sketch a floor plan, or circle a word to look it up.</p>
<p>*Pen tips wear with use; two spares come in the box.</p></section>
<section class="pd-specs"><h2>Specifications</h2><ul><li>Weight: 480 g</li><li>Storage: 128 GB, microSD up to 1 TB</li><li>Ports: USB-C, headphone jack</li></ul></section>
</main>`

// TestFromHTMLDropsFootnoteLegends: on a page that is no article, the
// legends of fine print under a product's sections go; the sections, a
// lone note and the specifications stay. An article's legend stays.
func TestFromHTMLDropsFootnoteLegends(t *testing.T) {
	u := mustURL(t, "https://www.nimbus.example/tablets/tab-11-lite/")
	d, err := FromHTML(page(`<title>Nimbus Tab 11 Lite | Nimbus</title><meta property="og:type" content="website">`, siteChrome(makerPage)), u)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"peak brightness of 650 nits", "up to 16 hours", "circle a word to look it up", "Pen tips wear with use", "Weight: 480 g"} {
		if !strings.Contains(d.Markdown, want) {
			t.Errorf("lost %q:\n%s", want, d.Markdown)
		}
	}
	for _, gone := range []string{"white test pattern", "Image simulated", "Typical value from our own tests", "Charger sold separately"} {
		if strings.Contains(d.Markdown, gone) {
			t.Errorf("fine print %q kept:\n%s", gone, d.Markdown)
		}
	}

	a, err := FromHTML(page(`<title>Our tablet test</title><meta property="og:type" content="article">`, siteChrome(`<main><article><h1>Our tablet test</h1>
<p>We ran each tablet through the same day of use: two hours of video, an hour of calls, notes in a lecture and a long train ride with maps open, then measured what was left of the battery.</p>
<p>The lighter models lasted longest*, and the two with the brightest screens ran down first**, which surprised nobody on the team who had used them in the sun.</p>
<p>* With the screen set to the same measured brightness on every tablet.<br>** Both were tested with the adaptive brightness switched off.</p>
<p>The full results, model by model, follow in the table below, with the prices we paid in March.</p></article></main>`)), mustURL(t, "https://reviews.example.net/tablet-test"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Markdown, "same measured brightness") {
		t.Errorf("an article's notes dropped:\n%s", a.Markdown)
	}
}
